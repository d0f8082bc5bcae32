package com.example.oauth.common.oauth1;

import java.util.List;

/**
 * Token credentials (RFC 5849 §2.3), the article's access token, as a
 * protected resource needs them (§3): the secrets that sign a call (the
 * client's, §3.4.2, or the client's RSA key, §3.4.3, and the token's), the
 * realms the user granted and who that user is. Every signed API call reads
 * them, so storage reads them in one query, and nothing more.
 *
 * @param rsaPublicKey the client's RSA public key as PEM; null when it registered none
 */
public record TokenCredentials(String token, String tokenSecret, String clientKey, String clientSecret,
        String rsaPublicKey, List<String> realms, String username) {

    public TokenCredentials {
        realms = List.copyOf(realms);
    }

    /** Without the two secrets, should it ever be logged. */
    @Override
    public String toString() {
        return "TokenCredentials[token=" + token + ", clientKey=" + clientKey + ", realms=" + realms
                + ", username=" + username + "]";
    }
}
