package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.ClientAppUnderTest;

/** The one command of the README: both apps start, a demo client is registered, the dance works. */
class DemoTest {

    @Test
    void theDemoStartsBothAppsWithARegisteredClient() {
        int clientPort = ClientAppUnderTest.freePort();
        Demo.Running demo = Demo.start("--server.port=0", "--client-app.port=" + clientPort,
                "--spring.datasource.url=jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
        try {
            String provider = "http://127.0.0.1:" + demo.provider().getEnvironment().getProperty("local.server.port");
            Browser browser = new Browser();

            Page login = browser.follow(browser.get("http://localhost:" + clientPort + "/"));
            Page consent = browser.follow(browser.post(provider + "/", Map.of("username", "reader",
                    "next", okhttp3.HttpUrl.get(login.url()).queryParameter("next"), "_csrf", login.csrfToken())));
            assertThat(consent.body()).contains("registered by <strong>demo</strong>");
            String token = consent.body().replaceAll("(?s).*name=\"oauth_token\" value=\"([A-Za-z0-9]+)\".*", "$1");
            Page result = browser.follow(browser.post(provider + "/oauth/authorize",
                    Map.of("oauth_token", token, "confirm", "yes", "_csrf", consent.csrfToken())));

            assertThat(result.body()).contains("<span id=\"username\">reader</span>");
            // The dance page is part of the demo too.
            assertThat(browser.get("http://localhost:" + clientPort + "/dance").body()).contains("Token credentials: the verifier exchanged");
        } finally {
            demo.close();
        }
    }
}
