package com.example.oauth.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Headless Chromium on a client app and its provider, for the browser
 * journeys of the client app steps: it logs in at the provider, clicks,
 * waits for the page that follows, and reads the client app's dance page.
 */
public final class ClientAppBrowser implements AutoCloseable {

    private final String clientUrl;
    private final String providerUrl;
    private final WebDriver driver;

    /** A new browser, its profile empty; skipped or failed as {@link HeadlessChromium} says without Chromium. */
    public ClientAppBrowser(String clientUrl, String providerUrl) {
        this.clientUrl = clientUrl;
        this.providerUrl = providerUrl;
        this.driver = HeadlessChromium.start();
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Client app home → provider login: the browser goes on to the consent page. */
    public void logInAtTheProvider(String username) {
        driver.get(clientUrl + "/");
        waitUntilAt(providerUrl + "/?next=");
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.cssSelector("form[action='/'] button")).click();
    }

    public void click(String buttonText) {
        driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']")).click();
    }

    /** Follows the page's "See the dance" link; the legs, in order. */
    public List<WebElement> openTheDancePage() {
        driver.findElement(By.linkText("See the dance")).click();
        waitUntilAt(clientUrl + "/dance");
        return driver.findElements(By.cssSelector("section.leg"));
    }

    /** A click returns before the next page loads: wait until the browser is there. */
    public void waitUntilAt(String urlPrefix) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!driver.getCurrentUrl().startsWith(urlPrefix)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected to be at " + urlPrefix + " but still at " + driver.getCurrentUrl());
            }
            Thread.onSpinWait();
        }
    }

    /** The text of a part of a leg of the dance page: "message", "answer", "base-string", "check", "failure". */
    public static String text(WebElement leg, String className) {
        return leg.findElement(By.className(className)).getText();
    }

    /** The first group of the pattern in the text. */
    public static String find(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as(pattern + " in " + text).isTrue();
        return m.group(1);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
