package org.petitionpipeline.local.systemtest;

import org.openqa.selenium.chrome.ChromeDriver;
import org.petitionpipeline.local.launcher.LocalPipeline;

/** A headless Chromium to look at a running pipeline with, and a user of it: the browser tests' fixture. */
record PipelineInBrowser(LocalPipeline pipeline, PipelineUser user, ChromeDriver browser) implements AutoCloseable {

    static PipelineInBrowser open(LocalPipeline pipeline) {
        return new PipelineInBrowser(pipeline, new PipelineUser(pipeline), HeadlessChromium.start(true));
    }

    /** Closes the browser; the pipeline is shared (see {@link SharedBrowserPipeline}). */
    @Override
    public void close() {
        browser.quit();
    }
}
