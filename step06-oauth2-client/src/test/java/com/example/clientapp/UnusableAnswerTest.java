package com.example.clientapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

import com.example.clientapp.common.ClientApplication;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.sun.net.httpserver.HttpServer;

import okhttp3.HttpUrl;

/**
 * The client app against a provider that answers what the app cannot use:
 * a gateway's failure, so a 502 that says so, never a 500 or a stack trace.
 * The provider here is a stub that answers every call with a canned body
 * and checks nothing.
 */
class UnusableAnswerTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    /** What the stub answers, by path: a 200 with this body. */
    private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();

    private static HttpServer provider;
    private static String providerUrl;
    private static ConfigurableApplicationContext clientApp;
    private static String clientUrl;

    @BeforeAll
    static void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", exchange -> {
            byte[] body = ANSWERS.getOrDefault(exchange.getRequestURI().getPath(), "").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        provider.start();
        providerUrl = "http://127.0.0.1:" + provider.getAddress().getPort();
        clientApp = ClientApplication.builder().run("--client-app.port=0", "--client-app.provider-url=" + providerUrl,
                "--client-app.callback-url=http://localhost/authorized",
                "--client-app.client-id=id", "--client-app.client-secret=secret");
        clientUrl = "http://localhost:" + clientApp.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        clientApp.close();
        provider.stop(0);
    }

    @BeforeEach
    void aProviderThatGivesTokens() {
        ANSWERS.put("/oauth/token",
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
        ANSWERS.put("/oauth/token", answer);

        assertUnusable(signIn(new Browser()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"username\":null}", "{\"username\":{\"name\":\"x\"}}", "[]", "\"alice\"",
            "", "not json"})
    void anApiMeAnswerWithoutAUsernameIsABadGateway(String answer) {
        ANSWERS.put("/api/me", answer);
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
