package com.example;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.example.clientapp.common.ClientApplication;
import com.example.oauth.ProviderApplication;
import com.example.oauth.client.Client;
import com.example.oauth.client.ClientRepository;
import com.example.oauth.common.oauth2.ClientType;
import com.example.oauth.common.security.RandomTokens;
import com.example.oauth.common.security.Sha256;
import com.example.oauth.common.user.User;
import com.example.oauth.common.user.UserRepository;

/**
 * The whole demo in one command: starts the provider on
 * http://127.0.0.1:5000, registers a demo client there (unless
 * client-app.client-id is given), and starts the client app, Spring
 * Security's OAuth2 Login, on http://localhost:8000. Arguments such as
 * {@code --server.port=5001} go to the provider; those starting with
 * {@code --client-app.} go to the client app.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        start(args);
    }

    /** Both running apps, for whoever started them. */
    public record Running(ConfigurableApplicationContext provider, ConfigurableApplicationContext clientApp) {
    }

    public static Running start(String... args) {
        ConfigurableApplicationContext provider = SpringApplication.run(ProviderApplication.class, args);
        Environment environment = provider.getEnvironment();
        // Command-line arguments, since they outrank client-app.properties.
        List<String> clientArgs = new ArrayList<>(
                Arrays.stream(args).filter(a -> a.startsWith("--client-app.")).toList());
        if (!isGiven(clientArgs, "issuer")) {
            // The provider's issuer as it really is: the one it was given, or its address.
            clientArgs.add("--client-app.issuer=" + environment.getProperty("oauth2.issuer",
                    "http://127.0.0.1:" + environment.getProperty("local.server.port")));
        }
        if (!isGiven(clientArgs, "client-id")) {
            String port = clientArgs.stream().filter(a -> a.startsWith("--client-app.port=")).map(a -> a.substring(18))
                    .findFirst().orElse(System.getenv().getOrDefault("CLIENT_APP_PORT", "8000"));
            String secret = RandomTokens.generate(40);
            Client demo = demoClient(provider, "http://localhost:" + port, secret);
            clientArgs.add("--client-app.client-id=" + demo.getClientId());
            clientArgs.add("--client-app.client-secret=" + secret);
            System.out.printf("%nDemo client %s registered at the provider by user \"demo\".%n", demo.getClientId());
        }
        ConfigurableApplicationContext clientApp = ClientApplication.builder().run(clientArgs.toArray(String[]::new));
        System.out.printf("%nOpen http://localhost:%s/ and sign in with the provider.%n%n",
                clientApp.getEnvironment().getProperty("local.server.port"));
        return new Running(provider, clientApp);
    }

    /** Given on the command line, or as an environment variable (CLIENT_APP_CLIENT_ID...)? */
    private static boolean isGiven(List<String> clientArgs, String name) {
        return clientArgs.stream().anyMatch(a -> a.startsWith("--client-app." + name + "="))
                || System.getenv("CLIENT_APP_" + name.toUpperCase().replace('-', '_')) != null;
    }

    /**
     * The demo client, as a developer would register it at /client: a
     * confidential client owned by the user "demo". The provider keeps only
     * a hash of the secret, so each start registers a new one.
     */
    private static Client demoClient(ConfigurableApplicationContext provider, String clientApp, String secret) {
        UserRepository users = provider.getBean(UserRepository.class);
        ClientRepository clients = provider.getBean(ClientRepository.class);
        User owner = users.findByUsername("demo").orElseGet(() -> users.save(new User("demo")));
        Client demo = new Client("demo-" + RandomTokens.generate(24), Sha256.hex(secret), owner,
                List.of(clientApp + "/login/oauth2/code/tutorial"), List.of("openid", "profile"),
                ClientType.CONFIDENTIAL);
        // RP-Initiated Logout 1.0 §3.1: the provider redirects after logout only to a URI the client
        // registered exactly.
        demo.setPostLogoutRedirectUris(List.of(clientApp + "/"));
        return clients.save(demo);
    }
}
