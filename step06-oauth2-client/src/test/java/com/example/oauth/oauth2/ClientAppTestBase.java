package com.example.oauth.oauth2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.context.ConfigurableApplicationContext;

import com.example.clientapp.common.ClientApplication;

/** Starts the client app on localhost beside the provider, with a confidential client registered over HTTP. */
abstract class ClientAppTestBase extends OAuth2Test {

    private static ConfigurableApplicationContext clientApp;
    static String clientUrl;
    static Registration registered;

    @BeforeEach
    void startClientApp() {
        if (clientApp == null) {
            int port = freePort();
            clientUrl = "http://localhost:" + port;
            registered = confidentialClient(clientUrl + "/authorized", "profile email");
            clientApp = ClientApplication.builder().run("--client-app.port=" + port,
                    "--client-app.provider-url=" + provider(),
                    "--client-app.client-id=" + registered.id(),
                    "--client-app.client-secret=" + registered.secret());
        }
    }

    @AfterAll
    static void stopClientApp() {
        if (clientApp != null) {
            clientApp.close();
            clientApp = null;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
