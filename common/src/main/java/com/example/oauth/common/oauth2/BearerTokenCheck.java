package com.example.oauth.common.oauth2;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.oauth.common.security.Sha256;

/**
 * The protected resource's side (RFC 6750): a request that brings a bearer
 * token, for a resource that needs a scope. The token is read from the
 * Authorization header only (§2.1): a token in the query would be written
 * into logs and history (§2.3 allows it, the Security BCP advises against
 * it), so one sent there is not seen.
 */
public class BearerTokenCheck {

    /**
     * RFC 6750 §2.1: {@code Bearer 1*SP b64token}. The scheme is what comes
     * before the first character that cannot be part of a scheme name
     * (a token of RFC 9110 §5.6.2), so that "Bearer" followed by a tab or a
     * comma is a malformed Bearer header, not another scheme.
     */
    private static final Pattern SCHEME_AND_REST = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+)(.*)",
            Pattern.DOTALL);
    private static final Pattern BEARER_CREDENTIALS = Pattern.compile(" +([A-Za-z0-9._~+/-]+=*)");

    private final OAuth2Storage storage;
    private final Clock clock;

    public BearerTokenCheck(OAuth2Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * @param authorization the request's Authorization header, or null
     * @throws BearerTokenError with the status and challenge of §3
     */
    public OAuth2Token check(String authorization, String scope) {
        if (authorization == null) {
            throw BearerTokenError.noToken();
        }
        Matcher schemeAndRest = SCHEME_AND_REST.matcher(authorization.strip());
        // RFC 9110 §11.1: the scheme name is case-insensitive. Another scheme: as if no token.
        if (!schemeAndRest.matches() || !schemeAndRest.group(1).equalsIgnoreCase("Bearer")) {
            throw BearerTokenError.noToken();
        }
        // §3.1: Bearer, but not followed by spaces and a well-formed token (a
        // tab, a comma, nothing, two tokens): a malformed request.
        Matcher credentials = BEARER_CREDENTIALS.matcher(schemeAndRest.group(2));
        if (!credentials.matches()) {
            throw BearerTokenError.invalidRequest("The Authorization header must be Bearer, one space and the token"
                    + " (RFC 6750 Section 2.1).");
        }
        // One read, which also says whether the token's family was revoked.
        OAuth2Token token = storage.findAccessToken(Sha256.hex(credentials.group(1)))
                .filter(t -> t.isActiveAt(clock.instant()))
                .orElseThrow(() -> BearerTokenError.invalidToken("The access token is unknown, expired or revoked."
                        + " Access tokens live " + Lifetimes.ACCESS_TOKEN.toMinutes() + " minutes: use the refresh"
                        + " token, or ask the user again."));
        if (!token.scopes().contains(scope)) {
            throw BearerTokenError.insufficientScope(scope, token.username() == null
                    ? "This token stands for the client itself (client_credentials), which has no scope: this"
                            + " resource needs the scope " + scope + ", which only a user can grant."
                    : "This access token was not granted the scope " + scope + " that this resource needs: ask"
                            + " the user for it.");
        }
        return token;
    }
}
