package com.example.oauth.common.oauth1;

import java.util.List;

/**
 * What a protected resource needs to know of an access token (RFC 5849
 * §3): the secrets that sign a call with it (the client's, §3.4.2, or the
 * client's RSA key, §3.4.3, and the token's), the realms the user granted
 * and who that user is. Every signed API call reads it, so storage reads it
 * in one query, and nothing more.
 *
 * @param rsaPublicKey the client's RSA public key as PEM; null when it registered none
 */
public record AccessTokenInfo(String token, String tokenSecret, String clientKey, String clientSecret,
        String rsaPublicKey, List<String> realms, String username) {

    public AccessTokenInfo {
        realms = List.copyOf(realms);
    }

    /** Without the two secrets, should it ever be logged. */
    @Override
    public String toString() {
        return "AccessTokenInfo[token=" + token + ", clientKey=" + clientKey + ", realms=" + realms
                + ", username=" + username + "]";
    }
}
