package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import com.example.oauth.common.testing.HeadlessChromium;

import okhttp3.HttpUrl;

/**
 * The article's "game" in a real browser: headless Chromium opens the client
 * app, logs in and consents at the provider, and comes back. Real cookies
 * per host name, real redirects, real forms with their CSRF fields.
 */
class BrowserJourneyTest extends ClientAppTestBase {

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Client app home → provider login → consent page. */
    private void logInAtTheProvider(String username) {
        browser.get(clientUrl + "/");
        waitUntilAt(provider() + "/?next=");
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.cssSelector("form[action='/'] button")).click();
    }

    private void assertOnConsentPage() {
        waitUntilAt(provider() + "/oauth/authorize?");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Allow access?").contains("profile").contains(clientUrl + "/authorized");
    }

    private void click(String buttonText) {
        browser.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']")).click();
    }

    /** Follows the page's "See the dance" link; the legs, in order. */
    private List<WebElement> openTheDancePage() {
        browser.findElement(By.linkText("See the dance")).click();
        waitUntilAt(clientUrl + "/dance");
        return browser.findElements(By.cssSelector("section.leg"));
    }

    /** The first group of the pattern in a leg's message (or answer). */
    private static String find(WebElement leg, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(leg.getText());
        assertThat(m.find()).as(pattern + " in " + leg.getText()).isTrue();
        return m.group(1);
    }

    /** A click returns before the next page loads: wait until the browser is there. */
    private void waitUntilAt(String urlPrefix) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!browser.getCurrentUrl().startsWith(urlPrefix)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected to be at " + urlPrefix + " but still at " + browser.getCurrentUrl());
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void allowLandsOnTheClientAppWithTheUsername() {
        String name = uniqueName("chromium");

        logInAtTheProvider(name);
        assertOnConsentPage();
        click("Allow");

        waitUntilAt(clientUrl + "/");
        assertThat(browser.getCurrentUrl()).isEqualTo(clientUrl + "/");
        assertThat(browser.findElement(By.id("username")).getText()).isEqualTo(name);
    }

    @Test
    void theDancePageShowsEveryLegAndTheirValuesAgree() {
        String name = uniqueName("dancer");
        logInAtTheProvider(name);
        assertOnConsentPage();
        click("Allow");
        waitUntilAt(clientUrl + "/");

        List<WebElement> legs = openTheDancePage();

        assertThat(legs).extracting(leg -> leg.getAttribute("data-kind"))
                .containsExactly("AUTHORIZATION_REQUEST", "AUTHORIZATION_RESPONSE", "TOKEN_REQUEST", "API_CALL");
        assertThat(browser.findElements(By.cssSelector(".failure, .check.failed"))).isEmpty();
        // 1. The redirect to the provider: state and PKCE challenge, whole (they are public).
        HttpUrl authorize = HttpUrl.get(find(legs.get(0), "Location: (\\S+)"));
        assertThat(authorize.queryParameter("code_challenge_method")).isEqualTo("S256");
        String challenge = authorize.queryParameter("code_challenge");
        assertThat(challenge).hasSize(43);
        // 2. The answer at the redirect URI carries the same state, the issuer, and a code, masked.
        HttpUrl callback = HttpUrl.get(clientUrl + find(legs.get(1), "GET (\\S+) HTTP/1.1"));
        assertThat(callback.queryParameter("state")).isEqualTo(authorize.queryParameter("state"));
        assertThat(callback.queryParameter("iss")).isEqualTo(provider());
        String maskedCode = callback.queryParameter("code");
        assertThat(maskedCode).matches("[A-Za-z0-9]{6}…\\(32\\)");
        assertThat(legs.get(1).findElements(By.cssSelector(".check.passed"))).extracting(WebElement::getText)
                .containsExactly("✓ state is the one this browser's sign-in sent",
                        "✓ iss is " + provider() + ", the issuer this app expects");
        // 3. The token request: Basic header decoded, secret masked; the same code; the verifier whose S256 is the challenge.
        String tokenRequest = legs.get(2).findElement(By.className("message")).getText();
        assertThat(tokenRequest).startsWith("POST /oauth/token HTTP/1.1")
                .contains("(base64 of \"" + registered.id() + ":" + registered.secret().substring(0, 6) + "…(")
                .contains("code=" + maskedCode + "&").containsPattern("code_verifier=[A-Za-z0-9._~-]{6}…\\(43\\)");
        assertThat(legs.get(2).findElement(By.className("check")).getText())
                .isEqualTo("✓ S256(code_verifier) = " + challenge + ", the code_challenge of leg 1");
        String tokenAnswer = legs.get(2).findElement(By.className("answer")).getText();
        assertThat(tokenAnswer).startsWith("HTTP/1.1 200").contains("Cache-Control: no-store")
                .containsPattern("\"access_token\":\"[A-Za-z0-9]{6}…\\(\\d+\\)\"")
                .containsPattern("\"refresh_token\":\"[A-Za-z0-9]{6}…\\(\\d+\\)\"");
        // 4. The API call with that access token, masked alike.
        String accessToken = find(legs.get(2), "\"access_token\":\"([^\"]+)\"");
        assertThat(legs.get(3).findElement(By.className("message")).getText())
                .contains("Authorization: Bearer " + accessToken);
        assertThat(legs.get(3).findElement(By.className("answer")).getText())
                .contains("{\"username\":\"" + name + "\"}");
        // Each leg names its RFC section and its chapter section; no secret whole anywhere.
        assertThat(browser.findElements(By.cssSelector(".refs a[href^='https://www.rfc-editor.org/rfc/']")))
                .hasSize(4);
        assertThat(browser.findElements(By.cssSelector(".chapter"))).extracting(WebElement::getText)
                .allMatch(chapter -> chapter.startsWith("docs/06-oauth2-client.md#"));
        assertThat(browser.getPageSource()).doesNotContain(registered.secret());
    }

    @Test
    void denyShowsTheClientAppsRefusalPage() {
        logInAtTheProvider(uniqueName("denier"));
        assertOnConsentPage();
        click("Deny");

        waitUntilAt(clientUrl + "/authorized");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Access denied");

        List<WebElement> legs = openTheDancePage();
        assertThat(legs).extracting(leg -> leg.getAttribute("data-kind"))
                .containsExactly("AUTHORIZATION_REQUEST", "AUTHORIZATION_RESPONSE");
        WebElement refusal = legs.get(1);
        assertThat(refusal.findElement(By.className("message")).getText()).contains("error=access_denied");
        assertThat(refusal.findElement(By.className("failure")).getText())
                .startsWith("You did not allow access (error=access_denied)");
    }

    @Test
    void afterLogoutTheNextSignInSkipsTheLogin() {
        String name = uniqueName("returning");
        logInAtTheProvider(name);
        click("Allow");
        waitUntilAt(clientUrl + "/");
        assertThat(browser.findElement(By.id("username")).getText()).isEqualTo(name);

        click("Log out of the client app");
        waitUntilAt(clientUrl + "/logout");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Logged out");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("revoked its tokens");
        List<WebElement> legs = openTheDancePage();
        WebElement revocation = legs.get(legs.size() - 1);
        assertThat(revocation.getAttribute("data-kind")).isEqualTo("REVOCATION");
        assertThat(revocation.findElement(By.className("message")).getText()).startsWith("POST /oauth/revoke HTTP/1.1")
                .containsPattern("token=[A-Za-z0-9]{6}…\\(\\d+\\)&token_type_hint=refresh_token");
        browser.get(clientUrl + "/"); // what "Sign in again" links to

        // Still logged in at the provider: straight to the consent page.
        assertOnConsentPage();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("logged in as " + name);
        click("Allow");
        waitUntilAt(clientUrl + "/");
        assertThat(browser.findElement(By.id("username")).getText()).isEqualTo(name);
    }
}
