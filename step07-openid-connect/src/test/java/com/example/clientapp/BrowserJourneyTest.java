package com.example.clientapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.example.oauth.common.testing.ClientAppBrowser;

/**
 * The demo in a real browser, headless Chromium: sign in, allow, greeted by name; sign in again
 * with no consent page (the provider remembers it); revoke on the provider's /apps, and the
 * consent page is back; logging out of the client app logs out of the provider too.
 */
class BrowserJourneyTest {

    private final String provider = RunningDemo.PROVIDER;
    private final String app = RunningDemo.CLIENT_APP;
    private final ClientAppBrowser chromium = new ClientAppBrowser(app, provider);
    private final WebDriver browser = chromium.driver();

    @AfterEach
    void closeBrowser() {
        chromium.close();
    }

    @Test
    void signInRememberedConsentRevokeAndLogOut() {
        String name = "chromium-" + Long.toString(System.nanoTime(), 36);
        chromium.logInAtTheProvider(name);
        allow();
        assertGreeted(name);
        logOut();

        // The consent is remembered: after the provider's login, straight back, greeted.
        chromium.logInAtTheProvider(name);
        assertGreeted(name);

        browser.get(provider + "/apps");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("openid profile");
        chromium.click("Revoke");
        chromium.waitUntilAt(provider + "/apps");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("None yet.");
        browser.get(app + "/");
        logOut();

        // Revoked: the next sign-in asks again.
        chromium.logInAtTheProvider(name);
        allow();
        assertGreeted(name);
        logOut();
    }

    private void allow() {
        chromium.waitUntilAt(provider + "/oauth/authorize?");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("openid").contains("profile");
        chromium.click("Allow");
    }

    private void assertGreeted(String name) {
        chromium.waitUntilAt(app + "/");
        assertThat(browser.findElement(By.id("name")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("id-token-header")).getText()).contains("\"kid\"");
    }

    /** The client app's logout, then the provider's own confirmation, then back to the client app. */
    private void logOut() {
        chromium.click("Log out, here and at the provider");
        chromium.waitUntilAt(provider + "/oauth/logout?");
        chromium.click("Log out");
        chromium.waitUntilAt(app + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Logged out");
    }
}
