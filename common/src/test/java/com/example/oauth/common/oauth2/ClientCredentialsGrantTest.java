package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The client_credentials grant (RFC 6749 §4.4): a token of the client itself, with no user and no scope. */
class ClientCredentialsGrantTest extends EngineTest {

    @Test
    void aConfidentialClientGetsATokenOfItsOwnWithoutScopeOrRefreshToken() {
        TokenResponse token = provider.token(web("grant_type", "client_credentials"));

        assertThat(token.scopes()).isEmpty();
        // §4.4.3: no refresh token.
        assertThat(token.toJson()).doesNotContainKeys("scope", "refresh_token");
        assertThat(storage.tokens).singleElement().satisfies(stored -> {
            assertThat(stored.clientId()).isEqualTo("web");
            assertThat(stored.username()).isNull();
            assertThat(stored.refreshExpiresAt()).isNull();
        });
    }

    @Test
    void itIsRefusedToAPublicClientAndForAnyScope() {
        refused(() -> provider.token(app("grant_type", "client_credentials")), 400, "unauthorized_client");
        // §5.2: the user's scopes, even registered ones, and unknown ones.
        for (String scope : List.of("profile", "email", "profile email", "admin")) {
            OAuth2Error error = refused(() -> provider.token(web("grant_type", "client_credentials", "scope", scope)),
                    400, "invalid_scope");
            assertThat(error.getMessage()).contains("client_credentials");
        }
        assertThat(storage.tokens).isEmpty();
    }

    @Test
    void theTokenIsNoUsersToken() {
        TokenResponse token = provider.token(web("grant_type", "client_credentials"));

        BearerTokenError error = refusal(BearerTokenError.class,
                () -> provider.checkBearerToken("Bearer " + token.accessToken(), "profile"));

        assertThat(error.getStatus()).isEqualTo(403);
        assertThat(error.wwwAuthenticate("api")).contains("error=\"insufficient_scope\"").contains("client_credentials")
                .endsWith(", scope=\"profile\"");
        assertThat(provider.introspect(web("token", token.accessToken()))).containsEntry("active", true)
                .containsEntry("client_id", "web").doesNotContainKeys("username", "sub", "scope");
        // Revoked alone: it has no family.
        provider.revoke(web("token", token.accessToken()));
        assertThat(provider.introspect(web("token", token.accessToken()))).isEqualTo(Map.of("active", false));
    }
}
