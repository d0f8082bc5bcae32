package com.example.oauth.common.oauth2;

import java.time.Clock;
import java.util.List;

/**
 * The token endpoint, {@code POST /oauth/token} (RFC 6749 §3.2): an
 * authenticated client trades a grant for tokens. Each grant type this
 * provider offers has its class, with its rules; the others are refused
 * here. The form's rules are {@link FormRequest}'s (§3.1, §3.2, Appendix
 * B), who is calling {@link ClientAuthentication}'s (§2.3), shared with
 * revocation and introspection.
 */
public class TokenEndpoint {

    /** The grant types offered, each with its class below; no password grant (RFC 9700 §2.4). */
    public static final List<String> GRANT_TYPES = List.of("authorization_code", "refresh_token", "client_credentials");

    private final OAuth2Storage storage;
    private final AuthorizationCodeGrant authorizationCode;
    private final RefreshTokenGrant refreshToken;
    private final ClientCredentialsGrant clientCredentials;

    public TokenEndpoint(OAuth2Storage storage, Clock clock, List<String> scopesSupported) {
        this.storage = storage;
        this.authorizationCode = new AuthorizationCodeGrant(storage, clock);
        this.refreshToken = new RefreshTokenGrant(storage, clock, scopesSupported);
        this.clientCredentials = new ClientCredentialsGrant(storage, clock, scopesSupported);
    }

    /**
     * A token request: a form, from a client that proves who it is, for
     * one of the grants this provider offers.
     *
     * @throws OAuth2Error for any refused request (§5.2)
     */
    public TokenResponse token(FormRequest request) {
        request.requireForm();
        RegisteredClient client = ClientAuthentication.authenticate(request, storage);
        String grantType = request.get("grant_type").orElseThrow(() -> OAuth2Error.invalidRequest(
                "grant_type is missing: use one of " + GRANT_TYPES + "."));
        return switch (grantType) {
            case "authorization_code" -> authorizationCode.exchange(client, request);
            case "refresh_token" -> refreshToken.refresh(client, request);
            case "client_credentials" -> clientCredentials.issue(client, request);
            case "password" -> throw OAuth2Error.unsupportedGrantType("The password grant is not offered: it hands"
                    + " the user's password to the client (RFC 9700 Section 2.4). Use authorization_code.");
            default -> throw OAuth2Error.unsupportedGrantType("grant_type " + ErrorText.quote(grantType) + " is not"
                    + " offered: use one of " + GRANT_TYPES + ".");
        };
    }
}
