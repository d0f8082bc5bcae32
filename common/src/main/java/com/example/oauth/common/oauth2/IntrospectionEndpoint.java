package com.example.oauth.common.oauth2;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Token introspection, {@code POST /oauth/introspect} (RFC 7662): is a
 * token live, and what may it do? Only a confidential client, with its
 * secret, may ask, and only about its own tokens: for any other token, as
 * for an unknown or dead one, the answer is {@code {"active": false}} (§2.2).
 */
public class IntrospectionEndpoint {

    private final OAuth2Storage storage;
    private final Clock clock;
    private final Supplier<String> issuer;

    public IntrospectionEndpoint(OAuth2Storage storage, Clock clock, Supplier<String> issuer) {
        this.storage = storage;
        this.clock = clock;
        this.issuer = issuer;
    }

    /** §2.1 the request, §2.2 the answer. */
    public Map<String, Object> introspect(FormRequest request) {
        request.requireForm();
        RegisteredClient client = ClientAuthentication.authenticate(request, storage);
        if (client.getClientType() != ClientType.CONFIDENTIAL) {
            throw OAuth2Error.invalidClient("Only a confidential client, with its secret, may introspect tokens"
                    + " (RFC 7662 Section 2.1).");
        }
        String value = request.get("token").orElseThrow(() -> OAuth2Error.invalidRequest(
                "token is missing: send the access or refresh token to look at."));
        Instant now = clock.instant();
        Optional<OAuth2Token> found = TokenTypeHint.find(storage, value, request.get("token_type_hint").orElse(""))
                .filter(t -> t.clientId().equals(client.getClientId()))
                .filter(t -> TokenTypeHint.isActive(t, value, now));
        if (found.isEmpty()) {
            return Map.of("active", false);
        }
        OAuth2Token token = found.get();
        boolean refresh = TokenTypeHint.isRefreshToken(token, value);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        List<String> scopes = refresh ? token.grantedScopes() : token.scopes();
        // A client_credentials token has none.
        if (!scopes.isEmpty()) {
            answer.put("scope", String.join(" ", scopes));
        }
        answer.put("client_id", token.clientId());
        if (token.username() != null) {
            answer.put("username", token.username());
        }
        // A refresh token is not a bearer token: no token_type (§5.1) for it.
        if (!refresh) {
            answer.put("token_type", TokenResponse.TOKEN_TYPE);
        }
        Instant expiresAt = refresh ? token.refreshExpiresAt() : token.expiresAt();
        answer.put("exp", expiresAt.getEpochSecond());
        answer.put("iat", token.issuedAt().getEpochSecond());
        // The user it stands for. A client_credentials token stands for no
        // user, and gets no sub: a username is free-form, so a user could
        // be named like a client (or "client:" and its id), and a resource
        // server that trusts sub would take one for the other. client_id
        // says which client it is.
        if (token.username() != null) {
            answer.put("sub", token.username());
        }
        answer.put("iss", issuer.get());
        return answer;
    }
}
