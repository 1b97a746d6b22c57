package org.petitionpipeline.local.systemtest;

import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.PipelineService;

/** The whole pipeline on free ports and a headless Chromium to look at it with, closed together: the browser tests' fixture. */
record PipelineInBrowser(LocalPipeline pipeline, PipelineUser user, ChromeDriver browser) implements AutoCloseable {

    /** @param environment what to change in {@code service}'s environment for this test */
    static PipelineInBrowser start(String runDirectory, PipelineService service, Map<String, String> environment) {
        LocalPipeline pipeline = PipelineUser.startPipeline(runDirectory, service, environment);
        try {
            return new PipelineInBrowser(pipeline, new PipelineUser(pipeline), HeadlessChromium.start(true));
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            pipeline.close();
        }
    }
}
