package com.example.oauth.common.oauth1;

import java.time.Instant;
import java.util.List;

/**
 * Temporary credentials just issued (RFC 5849 §2.1), for storage to keep:
 * the token and its secret, the client (as storage's findClient gave it),
 * the callback it confirmed, the realms asked for, and when they expire.
 */
public record NewTemporaryCredentials(String token, String tokenSecret, RegisteredClient client, String callback,
        List<String> realms, Instant expiresAt) {

    public NewTemporaryCredentials {
        realms = List.copyOf(realms);
    }
}
