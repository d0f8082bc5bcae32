package com.example.oauth.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import com.example.clientapp.common.ClientApplication;

/**
 * A client app started beside the provider under test, on a free port of
 * localhost (another host name than the provider's 127.0.0.1, so that each
 * app keeps its own session cookie), once for the tests of a class.
 */
public final class ClientAppUnderTest {

    private ConfigurableApplicationContext running;
    private String url;

    /**
     * Starts it, unless it runs already; its address.
     *
     * @param credentials registers the client app's client at the provider for the redirect URI it is given,
     *        and gives the arguments that hand the credentials to the client app
     */
    public String startOnce(String providerUrl, Function<String, List<String>> credentials) {
        if (running == null) {
            int port = freePort();
            url = "http://localhost:" + port;
            List<String> args = new ArrayList<>(List.of("--client-app.port=" + port,
                    "--client-app.provider-url=" + providerUrl));
            args.addAll(credentials.apply(url + "/authorized"));
            running = ClientApplication.builder().run(args.toArray(String[]::new));
        }
        return url;
    }

    public void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
