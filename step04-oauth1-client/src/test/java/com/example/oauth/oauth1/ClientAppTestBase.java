package com.example.oauth.oauth1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.example.clientapp.common.ClientApplication;
import com.example.oauth.common.testing.OAuth1ProviderTest;

/** Starts the client app on localhost beside the provider, with a client registered over HTTP. */
abstract class ClientAppTestBase extends OAuth1ProviderTest {

    private static ConfigurableApplicationContext clientApp;
    static String clientUrl;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void startClientApp() {
        if (clientApp == null) {
            int port = freePort();
            clientUrl = "http://localhost:" + port;
            Credentials client = registerClient(clientUrl + "/authorized", "profile email");
            clientApp = ClientApplication.builder().run("--client-app.port=" + port,
                    "--client-app.provider-url=" + provider(),
                    "--client-app.client-key=" + client.key(),
                    "--client-app.client-secret=" + client.secret());
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
