package com.example.oauth.oauth2;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
    OAuth2Provider oauth2Provider(DatabaseOAuth2Storage storage, Clock clock, Environment environment) {
        return new OAuth2Provider(storage, clock, () -> issuer(environment), Scopes.KNOWN);
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
