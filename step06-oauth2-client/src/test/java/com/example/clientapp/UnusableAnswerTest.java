package com.example.clientapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

import com.example.clientapp.common.ClientApplication;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.CannedProvider;

import okhttp3.HttpUrl;

/**
 * The client app against a provider that answers what the app cannot use:
 * a gateway's failure, so a 502 that says so, never a 500 or a stack trace.
 * The provider here is a stub that answers every call with a canned body
 * and checks nothing ({@link CannedProvider}).
 */
class UnusableAnswerTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    private static CannedProvider provider;
    private static String providerUrl;
    private static ConfigurableApplicationContext clientApp;
    private static String clientUrl;

    @BeforeAll
    static void start() {
        provider = new CannedProvider("application/json");
        providerUrl = provider.url();
        clientApp = ClientApplication.builder().run("--client-app.port=0", "--client-app.provider-url=" + providerUrl,
                "--client-app.callback-url=http://localhost/authorized",
                "--client-app.client-id=id", "--client-app.client-secret=secret");
        clientUrl = "http://localhost:" + clientApp.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        clientApp.close();
        provider.close();
    }

    @BeforeEach
    void aProviderThatGivesTokens() {
        provider.answer("/oauth/token",
                "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"rt\"}");
    }

    /** To the provider and back with a code, as if the user had said yes. */
    private static Page signIn(Browser browser) {
        Page start = browser.get(clientUrl + "/");
        assertThat(start.status()).isEqualTo(302);
        String state = HttpUrl.get(start.location()).queryParameter("state");
        return browser.get(clientUrl + "/authorized?code=c&state=" + state + "&iss=" + providerUrl, HTML);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "[]", "null", "{\"token_type\":\"Bearer\"}", "not json"})
    void aTokenAnswerWithoutATokenIsABadGateway(String answer) {
        provider.answer("/oauth/token", answer);

        assertUnusable(signIn(new Browser()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"username\":null}", "{\"username\":{\"name\":\"x\"}}", "[]", "\"alice\"",
            "", "not json"})
    void anApiMeAnswerWithoutAUsernameIsABadGateway(String answer) {
        provider.answer("/api/me", answer);
        Browser browser = new Browser();
        assertThat(signIn(browser).status()).isEqualTo(303);

        assertUnusable(browser.get(clientUrl + "/", HTML));
    }

    private static void assertUnusable(Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(502);
        assertThat(page.body()).contains("answered something this app could not use").doesNotContain("at com.")
                .doesNotContain("Exception");
    }
}
