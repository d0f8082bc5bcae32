package com.example.oauth.oauth2;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import com.example.oauth.common.testing.ClientAppUnderTest;

/** Starts the client app on localhost beside the provider, with a confidential client registered over HTTP. */
abstract class ClientAppTestBase extends OAuth2Test {

    private static final ClientAppUnderTest CLIENT_APP = new ClientAppUnderTest();
    static String clientUrl;
    static Registration registered;

    @BeforeEach
    void startClientApp() {
        clientUrl = CLIENT_APP.startOnce(provider(), redirectUri -> {
            registered = confidentialClient(redirectUri, "profile email");
            return List.of("--client-app.client-id=" + registered.id(), "--client-app.client-secret=" + registered.secret());
        });
    }

    @AfterAll
    static void stopClientApp() {
        CLIENT_APP.stop();
    }
}
