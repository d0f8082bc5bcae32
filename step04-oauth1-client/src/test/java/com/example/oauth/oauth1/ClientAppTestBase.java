package com.example.oauth.oauth1;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.example.oauth.common.testing.ClientAppUnderTest;
import com.example.oauth.common.testing.OAuth1ProviderTest;

/** Starts the client app on localhost beside the provider, with a client registered over HTTP. */
abstract class ClientAppTestBase extends OAuth1ProviderTest {

    private static final ClientAppUnderTest CLIENT_APP = new ClientAppUnderTest();
    static String clientUrl;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void startClientApp() {
        clientUrl = CLIENT_APP.startOnce(provider(), redirectUri -> {
            Credentials client = registerClient(redirectUri, "profile email");
            return List.of("--client-app.client-key=" + client.key(), "--client-app.client-secret=" + client.secret());
        });
    }

    @AfterAll
    static void stopClientApp() {
        CLIENT_APP.stop();
    }
}
