package com.example.oauth.common.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the end-to-end tests: Debian's Chromium driven through
 * its chromedriver, never a browser or driver downloaded at run time (there
 * is no internet here, and a tutorial's tests should not need one).
 *
 * <p>Without the two programs, the tests fail under CI (CI=true) and are
 * skipped on a reader's machine, both with the same message.
 */
public final class HeadlessChromium {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

    static final String MISSING = "Browser tests need Chromium and its driver at " + CHROMIUM + " and "
            + CHROMEDRIVER + ". On Debian or Ubuntu: sudo apt-get install chromium chromium-driver"
            + " (or set CHROMIUM_BIN and CHROMEDRIVER_BIN).";

    private HeadlessChromium() {
    }

    /** A new headless browser with an empty profile; the caller quits it. */
    public static ChromeDriver start() {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(MISSING);
            }
            System.err.println("SKIPPED: " + MISSING);
            Assumptions.abort(MISSING);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1024,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }
}
