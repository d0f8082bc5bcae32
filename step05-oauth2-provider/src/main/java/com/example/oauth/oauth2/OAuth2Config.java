package com.example.oauth.oauth2;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.example.oauth.client.Client;
import com.example.oauth.client.Scopes;
import com.example.oauth.common.oauth2.OAuth2Provider;

@Configuration
public class OAuth2Config {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The engine of common/, wired to this step's storage. */
    @Bean
    OAuth2Provider<Client, Grant, Token> oauth2Provider(JpaOAuth2Storage storage, Clock clock,
            Environment environment) {
        return new OAuth2Provider<>(storage, clock, issuerOnceKnown(environment), Scopes.KNOWN);
    }

    /**
     * The issuer, read from the environment until the port is known, then
     * kept: an Environment lookup on every request is slow and contended.
     */
    static Supplier<String> issuerOnceKnown(Environment environment) {
        AtomicReference<String> known = new AtomicReference<>();
        return () -> {
            String issuer = known.get();
            if (issuer == null) {
                issuer = issuer(environment);
                if (environment.containsProperty("oauth2.issuer")
                        || environment.containsProperty("local.server.port")) {
                    known.set(issuer);
                }
            }
            return issuer;
        };
    }

    /**
     * RFC 8414 §2: the issuer is this provider's base URL: the property
     * {@code oauth2.issuer}, or else {@code http://127.0.0.1:<port>}. It is
     * read when needed, not at start-up: a server on a random port (the
     * tests) knows its port only once it listens ({@code local.server.port}).
     * Never from the request's Host header, which the client chooses.
     */
    static String issuer(Environment environment) {
        String configured = environment.getProperty("oauth2.issuer", "");
        if (!configured.isBlank()) {
            return configured.strip();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port;
    }
}
