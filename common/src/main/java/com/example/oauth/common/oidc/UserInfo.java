package com.example.oauth.common.oidc;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The UserInfo endpoint's answer (OpenID Connect Core §5.3): the claims
 * about the user that the access token's scopes allow. The caller has
 * checked the bearer token (RFC 6750); an id_token is not one.
 */
public final class UserInfo {

    /** §5.4: the scope that allows the profile claims; of them, this provider has the username. */
    public static final String PROFILE = "profile";

    private UserInfo() {
    }

    /**
     * §5.3.2: {@code sub} always, the same as in the id_token; and
     * {@code preferred_username} (§5.1) only with scope profile.
     *
     * @param scopes the scopes of the access token
     * @throws UserInfoError insufficient_scope: the token was not issued for openid (§5.3: "the Access
     *         Token obtained from an OpenID Connect Authentication Request")
     */
    public static Map<String, Object> of(String subject, String username, Collection<String> scopes) {
        if (!IdTokens.requested(scopes)) {
            throw UserInfoError.insufficientScope("This access token was not issued for scope openid, so it cannot"
                    + " read the UserInfo endpoint: ask for scope openid (OpenID Connect Core Section 5.3).");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        if (scopes.contains(PROFILE)) {
            claims.put("preferred_username", username);
        }
        return claims;
    }
}
