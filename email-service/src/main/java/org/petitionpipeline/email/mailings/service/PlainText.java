package org.petitionpipeline.email.mailings.service;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text part of a message from its (sanitized) HTML: paragraphs apart, list items as dashes, and each
 * link's address after its text, since a text-only reader cannot click the words.
 */
final class PlainText implements NodeVisitor {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "blockquote", "pre", "table", "tr", "hr", "dl");

    private final StringBuilder text = new StringBuilder();

    private PlainText() {
    }

    static String of(String html) {
        PlainText visitor = new PlainText();
        NodeTraversor.traverse(visitor, Jsoup.parseBodyFragment(html).body());
        return visitor.text.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode words) {
            text.append(inPreformatted(words) ? words.getWholeText() : words.text());
        } else if (node instanceof Element element) {
            switch (element.normalName()) {
                case "br" -> text.append('\n');
                case "li" -> text.append("\n- ");
                case "td", "th" -> text.append(' ');
                default -> breakIfBlock(element);
            }
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element element) {
            String href = element.normalName().equals("a") ? element.attr("href") : "";
            if (!href.isEmpty() && !href.equals(element.text())) {
                text.append(" <").append(href.replaceFirst("^mailto:", "")).append('>');
            }
            breakIfBlock(element);
        }
    }

    private void breakIfBlock(Element element) {
        if (BLOCKS.contains(element.normalName())) {
            text.append("\n\n");
        }
    }

    private static boolean inPreformatted(TextNode words) {
        for (Node ancestor = words.parent(); ancestor instanceof Element element; ancestor = element.parent()) {
            if (element.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }
}
