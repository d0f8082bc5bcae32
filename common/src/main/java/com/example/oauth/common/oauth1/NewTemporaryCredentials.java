package com.example.oauth.common.oauth1;

import java.time.Instant;
import java.util.List;

/**
 * Temporary credentials just issued (RFC 5849 §2.1), for storage to keep:
 * the token and its secret, the client, the callback it confirmed, the
 * realms asked for, and when they expire.
 *
 * @param <C> the step's client
 */
public record NewTemporaryCredentials<C extends ClientCredentials>(String token, String tokenSecret, C client,
        String callback, List<String> realms, Instant expiresAt) {

    public NewTemporaryCredentials {
        realms = List.copyOf(realms);
    }
}
