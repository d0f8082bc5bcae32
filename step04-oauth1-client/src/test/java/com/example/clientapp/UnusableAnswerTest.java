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

/**
 * The client app against a provider that answers what the app cannot use:
 * a gateway's failure, so a 502 that says so, never a 500 or a stack trace.
 * The provider here is a stub that answers every call with a canned body
 * and checks nothing ({@link CannedProvider}).
 */
class UnusableAnswerTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    private static CannedProvider provider;
    private static ConfigurableApplicationContext clientApp;
    private static String clientUrl;

    @BeforeAll
    static void start() {
        provider = new CannedProvider(null);
        clientApp = ClientApplication.builder().run("--client-app.port=0", "--client-app.provider-url=" + provider.url(),
                "--client-app.callback-url=http://localhost/authorized",
                "--client-app.client-key=key", "--client-app.client-secret=secret");
        clientUrl = "http://localhost:" + clientApp.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        clientApp.close();
        provider.close();
    }

    @BeforeEach
    void aProviderThatGivesTokens() {
        provider.answer("/oauth/request_token", "oauth_token=rt&oauth_token_secret=rs&oauth_callback_confirmed=true");
        provider.answer("/oauth/access_token", "oauth_token=at&oauth_token_secret=as");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "oauth_token_secret=rs"})
    void aRequestTokenAnswerWithoutATokenIsABadGateway(String answer) {
        provider.answer("/oauth/request_token", answer);

        assertUnusable(new Browser().get(clientUrl + "/", HTML));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello"})
    void anAccessTokenAnswerWithoutATokenIsABadGateway(String answer) {
        provider.answer("/oauth/access_token", answer);
        Browser browser = new Browser();
        assertThat(browser.get(clientUrl + "/").status()).isEqualTo(302);

        assertUnusable(browser.get(clientUrl + "/authorized?oauth_token=rt&oauth_verifier=v", HTML));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"username\":null}", "{\"username\":{\"name\":\"x\"}}", "[]", "\"alice\"",
            "", "not json"})
    void anApiMeAnswerWithoutAUsernameIsABadGateway(String answer) {
        provider.answer("/api/me", answer);
        Browser browser = new Browser();
        assertThat(browser.get(clientUrl + "/").status()).isEqualTo(302);
        assertThat(browser.get(clientUrl + "/authorized?oauth_token=rt&oauth_verifier=v").status()).isEqualTo(303);

        assertUnusable(browser.get(clientUrl + "/", HTML));
    }

    private static void assertUnusable(Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(502);
        assertThat(page.body()).contains("answered something this app could not use").doesNotContain("at com.")
                .doesNotContain("Exception");
    }
}
