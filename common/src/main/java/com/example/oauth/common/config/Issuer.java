package com.example.oauth.common.config;

import org.springframework.core.env.Environment;

/**
 * RFC 8414 §2: an OAuth 2 provider's issuer is its base URL: the property
 * {@code oauth2.issuer}, or else {@code http://127.0.0.1:<port>}. Read it
 * when needed, not at start-up: a server on a random port (the tests) knows
 * its port only once it listens ({@code local.server.port}). Never from the
 * request's Host header, which the client chooses.
 */
public final class Issuer {

    private Issuer() {
    }

    public static String of(Environment environment) {
        String configured = environment.getProperty("oauth2.issuer", "");
        if (!configured.isBlank()) {
            return configured.strip();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port;
    }
}
