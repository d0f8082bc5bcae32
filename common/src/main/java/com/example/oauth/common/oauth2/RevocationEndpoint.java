package com.example.oauth.common.oauth2;

import java.time.Clock;
import java.util.Optional;

/**
 * Token revocation, {@code POST /oauth/revoke} (RFC 7009): the client no
 * longer needs a token. Revoking it ends its whole grant: every access and
 * refresh token descended from the same code.
 */
public class RevocationEndpoint {

    private final OAuth2Storage storage;
    private final Clock clock;

    public RevocationEndpoint(OAuth2Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * §2.1: the client authenticates as at the token endpoint (a public
     * client with its client_id alone). An unknown or already invalid token
     * gets the same 200 (§2.2): there is nothing left to revoke.
     *
     * @throws OAuth2Error 400 {@code invalid_grant} for another client's live
     *         token, which is not revoked (§2.1: "the request is refused")
     * @throws OAuth2Error 503 when the database was too busy to revoke now
     *         (§2.2.1: the client must then assume the token lives, and retry)
     */
    public void revoke(FormRequest request) {
        request.requireForm();
        RegisteredClient client = ClientAuthentication.authenticate(request, storage);
        String value = request.get("token").orElseThrow(() -> OAuth2Error.invalidRequest(
                "token is missing: send the access or refresh token to revoke."));
        Optional<OAuth2Token> found = TokenTypeHint.find(storage, value, request.get("token_type_hint").orElse(""));
        if (found.isEmpty()) {
            return;
        }
        OAuth2Token token = found.get();
        if (!token.clientId().equals(client.getClientId())) {
            if (!TokenTypeHint.isActive(token, value, clock.instant())) {
                return;
            }
            // RFC 6749 §5.2 names invalid_grant for a token "issued to
            // another client". The client did authenticate: invalid_client
            // (401) would send it looking for a fault in its credentials.
            throw OAuth2Error.invalidGrant("This token was issued to another client, and a client may revoke"
                    + " only its own tokens (RFC 7009 Section 2.1). It was not revoked.");
        }
        if (!storage.revokeToken(token.accessTokenHash())) {
            throw OAuth2Error.temporarilyUnavailable("The token could not be revoked now: another request holds"
                    + " its grant. It is still valid: try again in a moment (RFC 7009 Section 2.2.1).");
        }
    }
}
