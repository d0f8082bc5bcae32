package com.example.oauth.oauth2;

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

import okhttp3.HttpUrl;

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
        chromium.waitUntilAt(provider() + "/oauth/authorize?");
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

        assertThat(legs).extracting(leg -> leg.getAttribute("data-kind"))
                .containsExactly("AUTHORIZATION_REQUEST", "AUTHORIZATION_RESPONSE", "TOKEN_REQUEST", "API_CALL");
        assertThat(browser.findElements(By.cssSelector(".failure, .check.failed"))).isEmpty();
        // 1. The redirect to the provider: state and PKCE challenge, whole (they are public).
        HttpUrl authorize = HttpUrl.get(find(legs.get(0).getText(), "Location: (\\S+)"));
        assertThat(authorize.queryParameter("code_challenge_method")).isEqualTo("S256");
        String challenge = authorize.queryParameter("code_challenge");
        assertThat(challenge).hasSize(43);
        // 2. The answer at the redirect URI carries the same state, the issuer, and a code, masked.
        HttpUrl callback = HttpUrl.get(clientUrl + find(legs.get(1).getText(), "GET (\\S+) HTTP/1.1"));
        assertThat(callback.queryParameter("state")).isEqualTo(authorize.queryParameter("state"));
        assertThat(callback.queryParameter("iss")).isEqualTo(provider());
        String maskedCode = callback.queryParameter("code");
        assertThat(maskedCode).matches("[A-Za-z0-9]{6}…\\(32\\)");
        assertThat(legs.get(1).findElements(By.cssSelector(".check.passed"))).extracting(WebElement::getText)
                .containsExactly("✓ state is the one this browser's sign-in sent",
                        "✓ iss is " + provider() + ", the issuer this app expects");
        // 3. The token request: Basic header decoded, secret masked; the same code; the verifier whose S256 is the challenge.
        String tokenRequest = text(legs.get(2), "message");
        assertThat(tokenRequest).startsWith("POST /oauth/token HTTP/1.1")
                .contains("(base64 of \"" + registered.id() + ":" + registered.secret().substring(0, 6) + "…(")
                .contains("code=" + maskedCode + "&").containsPattern("code_verifier=[A-Za-z0-9._~-]{6}…\\(43\\)");
        assertThat(text(legs.get(2), "check"))
                .isEqualTo("✓ S256(code_verifier) = " + challenge + ", the code_challenge of leg 1");
        String tokenAnswer = text(legs.get(2), "answer");
        assertThat(tokenAnswer).startsWith("HTTP/1.1 200").contains("Cache-Control: no-store")
                .containsPattern("\"access_token\":\"[A-Za-z0-9]{6}…\\(\\d+\\)\"")
                .containsPattern("\"refresh_token\":\"[A-Za-z0-9]{6}…\\(\\d+\\)\"");
        // 4. The API call with that access token, masked alike.
        String accessToken = find(legs.get(2).getText(), "\"access_token\":\"([^\"]+)\"");
        assertThat(text(legs.get(3), "message")).contains("Authorization: Bearer " + accessToken);
        assertThat(text(legs.get(3), "answer")).contains("{\"username\":\"" + name + "\"}");
        // Each leg names its RFC section and its chapter section; no secret whole anywhere.
        assertThat(browser.findElements(By.cssSelector(".refs a[href^='https://www.rfc-editor.org/rfc/']")))
                .hasSize(4);
        assertThat(browser.findElements(By.cssSelector(".chapter"))).extracting(WebElement::getText)
                .allMatch(chapter -> chapter.startsWith("docs/06-oauth2-client.md#"));
        assertThat(browser.getPageSource()).doesNotContain(registered.secret());
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
                .containsExactly("AUTHORIZATION_REQUEST", "AUTHORIZATION_RESPONSE");
        WebElement refusal = legs.get(1);
        assertThat(text(refusal, "message")).contains("error=access_denied");
        assertThat(text(refusal, "failure")).startsWith("You did not allow access (error=access_denied)");
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
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("revoked its tokens");
        List<WebElement> legs = chromium.openTheDancePage();
        WebElement revocation = legs.get(legs.size() - 1);
        assertThat(revocation.getAttribute("data-kind")).isEqualTo("REVOCATION");
        assertThat(text(revocation, "message")).startsWith("POST /oauth/revoke HTTP/1.1")
                .containsPattern("token=[A-Za-z0-9]{6}…\\(\\d+\\)&token_type_hint=refresh_token");
        browser.get(clientUrl + "/"); // what "Sign in again" links to

        // Still logged in at the provider: straight to the consent page.
        assertOnConsentPage();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("logged in as " + name);
        chromium.click("Allow");
        chromium.waitUntilAt(clientUrl + "/");
        assertThat(browser.findElement(By.id("username")).getText()).isEqualTo(name);
    }
}
