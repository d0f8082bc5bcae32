package com.example.clientapp;

import java.io.Serializable;
import java.time.Instant;

import com.github.scribejava.core.model.OAuth2AccessToken;

/**
 * The tokens this browser's visitor let the app get, and when the access
 * token stops working, kept in the visitor's session.
 */
public record Tokens(String accessToken, String refreshToken, Instant expiresAt) implements Serializable {

    /** A minute early: a token that expires on the way is no better. */
    public boolean expiresSoon(Instant now) {
        return expiresAt != null && now.plusSeconds(60).isAfter(expiresAt);
    }

    public static Tokens from(OAuth2AccessToken token, Instant now) {
        Instant expiresAt = token.getExpiresIn() == null ? null : now.plusSeconds(token.getExpiresIn());
        return new Tokens(token.getAccessToken(), token.getRefreshToken(), expiresAt);
    }
}
