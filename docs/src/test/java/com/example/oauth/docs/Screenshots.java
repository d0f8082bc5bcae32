package com.example.oauth.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.example.oauth.common.oauth2.PkceChallenge;

/**
 * Retakes the pictures in docs/images/ from the real step jars, in headless
 * Chromium, on the ports a reader uses (5000 and 8000), each app with an
 * in-memory database. Run it with {@code docs/screenshots.sh}; it is skipped
 * by a plain {@code ./mvnw verify} (tag "screenshots").
 */
@Tag("screenshots")
class Screenshots {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
    static final int PROVIDER_PORT = 5000;
    static final int CLIENT_PORT = 8000;

    private final Path root = Repository.root();
    private final Path images = root.resolve("docs/images");
    private final List<Process> started = new ArrayList<>();
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        assertThat(new File(CHROMIUM)).as("Chromium (set CHROMIUM_BIN)").canRead();
        assertThat(new File(CHROMEDRIVER)).as("chromedriver (set CHROMEDRIVER_BIN)").canRead();
        Files.createDirectories(images);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1000,700");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void step01TheLoginFormAndTheHomePage() throws Exception {
        start("step01-user-system");
        String provider = "http://127.0.0.1:" + PROVIDER_PORT;

        browser.get(provider + "/");
        browser.findElement(By.id("username")).sendKeys("alice");
        shoot("01-login.png");

        browser.findElement(By.cssSelector("form[action='/'] button")).click();
        waitFor("You are logged in as");
        shoot("01-home.png");
    }

    @Test
    void step02TheRegistrationFormAndItsResult() throws Exception {
        start("step02-client-model");
        String provider = "http://127.0.0.1:" + PROVIDER_PORT;
        logIn(provider, "alice");

        browser.get(provider + "/client");
        waitFor("Register a client");
        shoot("02-client-form.png");

        browser.findElement(By.cssSelector("form[action='/client'] button")).click();
        waitFor("Client registered");
        shoot("02-client-created.png");
    }

    @Test
    void step04TheConsentPageAndTheClientApp() throws Exception {
        start("step04-oauth1-client", "--client-app.port=" + CLIENT_PORT);
        String clientApp = "http://localhost:" + CLIENT_PORT;
        waitForHttp(clientApp + "/");

        // The dance: client app, provider login, consent.
        browser.get(clientApp + "/");
        logInAtTheProviderAndReachConsent();
        shoot("03-consent.png");

        click("Allow");
        waitFor("Hello, ");
        shoot("04-client-app-home.png");

        // Every leg of that dance, as the client app saw it.
        shootTheDance("04-client-app-dance.png");
        browser.get(clientApp + "/");
        waitFor("Hello, ");

        // Forget the token at the client app, then say no this time.
        click("Log out of the client app");
        waitFor("Logged out");
        browser.get(clientApp + "/");
        waitFor("Allow access?");
        click("Deny");
        waitFor("Access denied");
        shoot("04-client-app-denied.png");

        // The mistake of troubleshooting.md: the client app opened on 127.0.0.1, the provider's host.
        browser.manage().deleteAllCookies();
        browser.get("http://127.0.0.1:" + CLIENT_PORT + "/");
        logInAtTheProviderAndReachConsent();
        click("Allow");
        waitFor("does not belong to a sign-in started in this browser");
        shoot("troubleshooting-wrong-host.png");
    }

    @Test
    void step05TheRegistrationWithAClientTypeTheConsentPageAndAWrongRedirectUri() throws Exception {
        start("step05-oauth2-provider");
        String provider = "http://127.0.0.1:" + PROVIDER_PORT;
        logIn(provider, "alice");

        browser.get(provider + "/client");
        waitFor("Client type");
        shoot("05-client-form.png");

        browser.findElement(By.cssSelector("form[action='/client'] button")).click();
        waitFor("Client registered");
        shoot("05-client-created.png");

        // The authorization request a client app would send, with a PKCE challenge.
        String clientId = browser.findElement(By.id("client_id")).getText();
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"; // RFC 7636 Appendix B
        String link = provider + "/oauth/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=http://localhost:8000/authorized&scope=profile&state=xyz123"
                + "&code_challenge=" + PkceChallenge.s256(verifier) + "&code_challenge_method=S256";
        browser.get(link);
        waitFor("Allow access?");
        shoot("05-consent.png");

        // One character off the registered redirect URI: an error page here, no redirect.
        browser.get(link.replace("/authorized", "/authorised"));
        waitFor("is not registered for this application");
        shoot("05-wrong-redirect-uri.png");
    }

    @Test
    void step06TheClientAppSignedInAndLoggedOut() throws Exception {
        start("step06-oauth2-client", "--client-app.port=" + CLIENT_PORT);
        String clientApp = "http://localhost:" + CLIENT_PORT;
        waitForHttp(clientApp + "/");

        // The dance: client app, provider login, consent, back with a code.
        browser.get(clientApp + "/");
        logInAtTheProviderAndReachConsent();
        click("Allow");
        waitFor("Hello, ");
        shoot("06-client-app-home.png");

        // Every leg of that dance, as the client app saw it.
        shootTheDance("06-client-app-dance.png");
        browser.get(clientApp + "/");
        waitFor("Hello, ");

        // Log out of the client app: it revokes its tokens at the provider.
        // (Its refusal page, after Deny, is chapter 4's, word for word.)
        click("Log out of the client app");
        waitFor("revoked its tokens");
        shoot("06-client-app-logged-out.png");

        // The mistake of troubleshooting.md: the client app opened on 127.0.0.1, the provider's host.
        browser.manage().deleteAllCookies();
        browser.get("http://127.0.0.1:" + CLIENT_PORT + "/");
        logInAtTheProviderAndReachConsent();
        click("Allow");
        waitFor("its state does not match");
        shoot("troubleshooting-state-mismatch.png");
    }

    /** From the client app's start page: log in as alice at the provider, which shows the consent page. */
    private void logInAtTheProviderAndReachConsent() {
        waitFor("You are not logged in");
        submitLogin("alice");
        waitFor("Allow access?");
    }

    /** From the client app's signed-in page to its dance page, shot whole in a window as tall as the page. */
    private void shootTheDance(String name) throws IOException {
        browser.findElement(By.linkText("See the dance")).click();
        waitFor("Your dance, leg by leg");
        Dimension window = browser.manage().window().getSize();
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) height + 20));
        shoot(name);
        browser.manage().window().setSize(window);
    }

    /** Clicks the button with this text. */
    private void click(String button) {
        browser.findElement(By.xpath("//button[normalize-space()='" + button + "']")).click();
    }

    private void logIn(String provider, String username) {
        browser.get(provider + "/");
        submitLogin(username);
        waitFor("You are logged in as");
    }

    /** Fills in the provider's login form on the page at hand and sends it. */
    private void submitLogin(String username) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.cssSelector("form[action='/'] button")).click();
    }

    private void shoot(String name) throws IOException {
        Files.write(images.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        System.out.println("docs/images/" + name + " <- " + browser.getCurrentUrl());
    }

    private void waitFor(String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!browser.getPageSource().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected \"" + text + "\" at " + browser.getCurrentUrl() + ", got:\n"
                        + browser.findElement(By.tagName("body")).getText());
            }
            Thread.onSpinWait();
        }
    }

    /** Starts a step's jar on the reader's ports, with a database of its own that vanishes with it. */
    private void start(String module, String... more) throws Exception {
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        assertThat(jar).as("Build the jars first: docs/screenshots.sh does, or ./mvnw -q -pl " + module
                + " -am package -DskipTests").isRegularFile();
        boolean withClientApp = module.equals("step04-oauth1-client") || module.equals("step06-oauth2-client");
        for (int port : withClientApp ? new int[] {PROVIDER_PORT, CLIENT_PORT} : new int[] {PROVIDER_PORT}) {
            assertThat(isFree(port)).as("port " + port + " is taken: stop what runs there, then run again").isTrue();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(),
                "--server.port=" + PROVIDER_PORT, "--spring.datasource.url=jdbc:h2:mem:screenshots"));
        command.addAll(List.of(more));
        Path log = root.resolve("docs/target/" + module + "-screenshots.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        waitForHttp("http://127.0.0.1:" + PROVIDER_PORT + "/");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void waitForHttp(String url) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                connection.setInstanceFollowRedirects(false);
                connection.setConnectTimeout(1000);
                connection.getResponseCode();
                connection.disconnect();
                return;
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        throw new AssertionError(url + " did not answer within 120 s: see docs/target/*-screenshots.log");
    }
}
