package org.petitionpipeline.local.systemtest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and its chromedriver, headless. Missing binaries fail the test rather than skip it: a browser
 * test that quietly does not run proves nothing. Selenium's own browser download cannot work here, so the
 * binaries are named explicitly and it never tries.
 */
final class HeadlessChromium {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Path PROFILES = Path.of("target/chromium-profiles");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private HeadlessChromium() {
    }

    static ChromeDriver start(boolean javaScript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(onPath("chromium", "chromium-browser", "google-chrome"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--window-size=1000,1400", "--lang=en-US", "--user-data-dir=" + freshProfile());
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(onPath("chromedriver"))).build();
        return new ChromeDriver(service, options);
    }

    static WebDriverWait waitFor(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(NotFoundException.class).ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The widget's Shadow DOM inside {@code context} (the page, or a frame switched to). */
    static SearchContext widget(SearchContext context) {
        return context.findElement(By.cssSelector("[data-petition-embed]")).getShadowRoot();
    }

    static <T> T until(WebDriver driver, Function<WebDriver, T> condition) {
        return waitFor(driver).until(condition);
    }

    /** The page's viewport, or one element (the widget alone, for the README). */
    static void screenshot(TakesScreenshot what, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(what.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String onPath(String... names) {
        List<String> path = Arrays.asList(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        Optional<String> found = Arrays.stream(names)
                .flatMap(name -> path.stream().map(directory -> Path.of(directory, name)))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
        return found.orElseThrow(() -> new IllegalStateException(String.join(" or ", names)
                + " is not on the PATH; install the browser: apt-get install chromium chromium-driver (.ci/run does)"));
    }

    private static String freshProfile() {
        try {
            Files.createDirectories(PROFILES);
            return Files.createTempDirectory(PROFILES, "profile").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
