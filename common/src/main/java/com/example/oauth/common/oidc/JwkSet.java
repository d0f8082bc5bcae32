package com.example.oauth.common.oidc;

import java.util.List;
import java.util.Map;

/**
 * The JSON Web Key Set of the jwks_uri (RFC 7517 §5, OpenID Connect
 * Discovery 1.0 §3): the public keys that verify this provider's
 * id_tokens, each with its kid, so that a client picks the one a token's
 * header names. Public parts only: {@link SigningKey#publicJwk()}.
 */
public final class JwkSet {

    private JwkSet() {
    }

    /** {@code {"keys": [...]}}, the keys {@link SigningKeys#published()} gives. */
    public static Map<String, Object> of(SigningKeys keys) {
        List<Map<String, Object>> jwks = keys.published().stream().map(SigningKey::publicJwk).toList();
        return Map.of("keys", jwks);
    }
}
