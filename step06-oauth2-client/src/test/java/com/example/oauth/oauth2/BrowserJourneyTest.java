package com.example.oauth.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.example.oauth.common.testing.HeadlessChromium;

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
    void denyShowsTheClientAppsRefusalPage() {
        logInAtTheProvider(uniqueName("denier"));
        assertOnConsentPage();
        click("Deny");

        waitUntilAt(clientUrl + "/authorized");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Access denied");
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
        browser.findElement(By.linkText("Sign in again")).click();

        // Still logged in at the provider: straight to the consent page.
        assertOnConsentPage();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("logged in as " + name);
        click("Allow");
        waitUntilAt(clientUrl + "/");
        assertThat(browser.findElement(By.id("username")).getText()).isEqualTo(name);
    }
}
