package org.petitionpipeline.email.mailings.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Turns an organizer's Markdown (which may hold HTML, as Markdown allows) into the HTML and plain text of an
 * update. The HTML is cut down to formatting, links and images with absolute http(s) or mailto addresses:
 * no script, no event handler, no style, no form, whatever the organizer pasted.
 */
@ApplicationScoped
public class UpdateBodyRenderer {

    /** The two renditions every recipient gets. */
    public record RenderedBody(String html, String text) {
    }

    private static final Safelist FORMATTING_AND_LINKS = Safelist.relaxed();
    private static final Document.OutputSettings AS_WRITTEN = new Document.OutputSettings().prettyPrint(false);

    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder().sanitizeUrls(true).build();

    public RenderedBody render(String markdownOrHtml) {
        String unsafe = html.render(markdown.parse(markdownOrHtml));
        String safe = Jsoup.clean(unsafe, "", FORMATTING_AND_LINKS, AS_WRITTEN);
        return new RenderedBody(safe, PlainText.of(safe));
    }
}
