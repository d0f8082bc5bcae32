package com.example.oauth.oauth1;

import static com.example.oauth.common.testing.ClientAppBrowser.find;
import static com.example.oauth.common.testing.ClientAppBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import com.example.oauth.common.testing.ClientAppBrowser;

/**
 * The article's "game" in a real browser: headless Chromium opens the client
 * app, logs in and consents at the provider, and comes back. Real cookies
 * per host name, real redirects, real forms with their CSRF fields.
 */
class BrowserJourneyTest extends ClientAppTestBase {

    private ClientAppBrowser chromium;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        chromium = new ClientAppBrowser(clientUrl, provider());
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void assertOnConsentPage() {
        chromium.waitUntilAt(provider() + "/oauth/authorize?oauth_token=");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Allow access?").contains("profile").contains(clientUrl + "/authorized");
    }

    @Test
    void allowLandsOnTheClientAppWithTheUsername() {
        String name = uniqueName("chromium");

        chromium.logInAtTheProvider(name);
        assertOnConsentPage();
        chromium.click("Allow");

        chromium.waitUntilAt(clientUrl + "/");
        assertThat(browser.getCurrentUrl()).isEqualTo(clientUrl + "/");
        assertThat(browser.findElement(By.id("username")).getText()).isEqualTo(name);
    }

    @Test
    void theDancePageShowsEveryLegAndTheirValuesAgree() {
        String name = uniqueName("dancer");
        chromium.logInAtTheProvider(name);
        assertOnConsentPage();
        chromium.click("Allow");
        chromium.waitUntilAt(clientUrl + "/");

        List<WebElement> legs = chromium.openTheDancePage();

        assertThat(legs).extracting(leg -> leg.getAttribute("data-kind")).containsExactly(
                "REQUEST_TOKEN", "AUTHORIZATION_REQUEST", "AUTHORIZATION_RESPONSE", "TOKEN_REQUEST", "API_CALL");
        assertThat(browser.findElements(By.cssSelector(".failure, .check.failed"))).isEmpty();
        // 1. The request token: a signed POST; the answer gives the token whole, its secret masked.
        WebElement requestToken = legs.get(0);
        assertThat(text(requestToken, "message")).startsWith("POST /oauth/request_token HTTP/1.1")
                .contains("Authorization: OAuth ").contains("oauth_callback=\"http%3A%2F%2Flocalhost%3A");
        assertThat(text(requestToken, "base-string")).startsWith("POST&http%3A%2F%2F127.0.0.1%3A")
                .contains("oauth_nonce%3D" + find(text(requestToken, "message"), "oauth_nonce=\"([^\"]+)\"") + "%26");
        String token = find(text(requestToken, "answer"), "oauth_token=([^&\\s]+)");
        assertThat(text(requestToken, "answer")).containsPattern("oauth_token_secret=[A-Za-z0-9]{6}…\\(\\d+\\)");
        // 2. and 3. Through the browser and back: the same request token, and a verifier, masked.
        assertThat(text(legs.get(1), "message")).endsWith("/oauth/authorize?oauth_token=" + token);
        String callback = text(legs.get(2), "message");
        assertThat(find(callback, "[?&]oauth_token=([^&\\s]+)")).isEqualTo(token);
        String verifier = find(callback, "oauth_verifier=([^&\\s]+)");
        assertThat(verifier).matches("[A-Za-z0-9]{6}…\\(32\\)");
        assertThat(text(legs.get(2), "check")).isEqualTo("✓ oauth_token is the request token this browser's sign-in got");
        // 4. The exchange: that token and that verifier, signed; the access token and its secret, masked.
        String exchange = text(legs.get(3), "message");
        assertThat(exchange).startsWith("POST /oauth/access_token HTTP/1.1")
                .contains("oauth_token=\"" + token + "\"").contains("oauth_verifier=\"" + verifier + "\"");
        assertThat(text(legs.get(3), "base-string")).contains("oauth_token%3D" + token + "%26")
                .contains("oauth_verifier%3D" + verifier + "%26");
        String accessToken = find(text(legs.get(3), "answer"), "oauth_token=([^&\\s]+)");
        assertThat(accessToken).matches("[A-Za-z0-9]{6}…\\(\\d+\\)");
        // 5. The API call, signed with the access token.
        assertThat(text(legs.get(4), "message")).startsWith("GET /api/me HTTP/1.1")
                .contains("oauth_token=\"" + accessToken + "\"");
        assertThat(text(legs.get(4), "answer")).contains("{\"username\":\"" + name + "\"}");
        // Every signed call: a nonce of its own, a timestamp that never goes back.
        List<String> nonces = List.of(0, 3, 4).stream()
                .map(i -> find(text(legs.get(i), "message"), "oauth_nonce=\"([^\"]+)\"")).toList();
        assertThat(nonces).doesNotHaveDuplicates();
        assertThat(browser.findElements(By.cssSelector(".check.passed"))).extracting(WebElement::getText)
                .anyMatch(check -> check.matches("✓ oauth_timestamp=\\d+: \\d+ s after leg 1"));
        // Each leg names its RFC section and its chapter section.
        assertThat(browser.findElements(By.cssSelector(".refs a[href^='https://www.rfc-editor.org/rfc/rfc5849']")))
                .hasSize(5);
        assertThat(browser.findElements(By.cssSelector(".chapter"))).hasSize(5);
    }

    @Test
    void denyShowsTheClientAppsRefusalPage() {
        chromium.logInAtTheProvider(uniqueName("denier"));
        assertOnConsentPage();
        chromium.click("Deny");

        chromium.waitUntilAt(clientUrl + "/authorized");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Access denied");

        List<WebElement> legs = chromium.openTheDancePage();
        assertThat(legs).extracting(leg -> leg.getAttribute("data-kind"))
                .containsExactly("REQUEST_TOKEN", "AUTHORIZATION_REQUEST", "AUTHORIZATION_RESPONSE");
        WebElement refusal = legs.get(2);
        assertThat(text(refusal, "message")).contains("oauth_problem=permission_denied");
        assertThat(text(refusal, "failure")).startsWith("You did not allow access (oauth_problem=permission_denied)");
    }

    @Test
    void afterLogoutTheNextSignInSkipsTheLogin() {
        String name = uniqueName("returning");
        chromium.logInAtTheProvider(name);
        chromium.click("Allow");
        chromium.waitUntilAt(clientUrl + "/");
        assertThat(browser.findElement(By.id("username")).getText()).isEqualTo(name);

        chromium.click("Log out of the client app");
        chromium.waitUntilAt(clientUrl + "/logout");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Logged out");
        browser.findElement(By.linkText("Sign in again")).click();

        // Still logged in at the provider: straight to the consent page.
        assertOnConsentPage();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("logged in as " + name);
        chromium.click("Allow");
        chromium.waitUntilAt(clientUrl + "/");
        assertThat(browser.findElement(By.id("username")).getText()).isEqualTo(name);
    }
}
