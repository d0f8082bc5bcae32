package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.ClientAppUnderTest;

/** The one command of the README: both apps start, a demo client is registered, the dance works. */
class DemoTest {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

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
            assertThat(consent.body()).contains("registered by").contains("<strong>demo</strong>");
            Map<String, String> form = new HashMap<>();
            Matcher hidden = HIDDEN.matcher(consent.body());
            while (hidden.find()) {
                form.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
            }
            form.put("confirm", "yes");
            Page result = browser.follow(browser.post(provider + "/oauth/authorize", form));

            assertThat(result.body()).contains("<span id=\"username\">reader</span>");
            // The dance page is part of the demo too.
            assertThat(browser.get("http://localhost:" + clientPort + "/dance").body()).contains("The code exchanged for tokens");
        } finally {
            demo.close();
        }
    }
}
