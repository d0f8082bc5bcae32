package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Token introspection (RFC 7662). Only a confidential client, with its
 * secret, may ask, and only about its own tokens: anything else, like an
 * unknown or dead token, is {"active": false}.
 */
class IntrospectionEndpointTest extends EngineTest {

    private static final Map<String, Object> INACTIVE = Map.of("active", false);

    private Map<String, Object> introspect(String token, String... hint) {
        return provider.introspect(web(hint.length == 0 ? new String[] {"token", token}
                : new String[] {"token", token, "token_type_hint", hint[0]}));
    }

    @Test
    void aLiveAccessTokenIsDescribed() {
        String code = code("client_id", "web", "scope", "email profile");
        TokenResponse tokens = provider.token(web("grant_type", "authorization_code", "code", code));

        assertThat(introspect(tokens.accessToken())).containsExactly(Map.entry("active", true),
                Map.entry("scope", "email profile"), Map.entry("client_id", "web"), Map.entry("username", "alice"),
                Map.entry("token_type", "Bearer"), Map.entry("exp", START.plus(Duration.ofHours(1)).getEpochSecond()),
                Map.entry("iat", START.getEpochSecond()), Map.entry("sub", "alice"), Map.entry("iss", ISSUER));
    }

    @Test
    void aLiveRefreshTokenIsDescribedToo() {
        TokenResponse tokens = webTokens();

        Map<String, Object> json = introspect(tokens.refreshToken(), "refresh_token");

        assertThat(json).containsEntry("active", true).containsEntry("scope", "profile email")
                .containsEntry("exp", START.plus(Duration.ofDays(30)).getEpochSecond()).doesNotContainKey("token_type");
        // The hint is a hint: an access token said to be a refresh token is still found.
        assertThat(introspect(tokens.accessToken(), "refresh_token")).containsEntry("active", true);
        assertThat(introspect(tokens.refreshToken())).containsEntry("active", true);
    }

    @Test
    void deadTokensAreInactive() {
        TokenResponse first = webTokens();
        // Rotated: the first refresh token is used up (its access token still lives).
        provider.token(web("grant_type", "refresh_token", "refresh_token", first.refreshToken()));
        assertThat(introspect(first.refreshToken())).isEqualTo(INACTIVE);
        assertThat(introspect(first.accessToken())).containsEntry("active", true);

        // Revoked.
        TokenResponse other = webTokens();
        provider.revoke(web("token", other.accessToken()));
        assertThat(introspect(other.accessToken())).isEqualTo(INACTIVE);
        assertThat(introspect(other.refreshToken())).isEqualTo(INACTIVE);

        // Unknown.
        assertThat(introspect("no-such-token")).isEqualTo(INACTIVE);

        // Expired.
        clock.pass(Duration.ofHours(1));
        assertThat(introspect(first.accessToken())).isEqualTo(INACTIVE);
    }

    @Test
    void aUserNamedLikeAClientIsNotTakenForIt() {
        // Usernames are free-form: a user may take a client's id as name.
        AuthorizationRequest request = provider.checkAuthorizationRequest(
                query("response_type", "code", "client_id", "web"), () -> "web");
        String code = okhttp3.HttpUrl.get(provider.approve(request).location()).queryParameter("code");
        TokenResponse users = provider.token(web("grant_type", "authorization_code", "code", code));
        TokenResponse clients = provider.token(web("grant_type", "client_credentials"));

        assertThat(introspect(users.accessToken())).containsEntry("sub", "web").containsEntry("username", "web");
        // The client's own token names no subject, so the two cannot be confused.
        assertThat(introspect(clients.accessToken())).containsEntry("active", true).containsEntry("client_id", "web")
                .doesNotContainKeys("sub", "username");
    }

    @Test
    void aClientLearnsNothingOfAnotherClientsTokens() {
        TokenResponse tokens = webTokens();

        for (String token : new String[] {tokens.accessToken(), tokens.refreshToken()}) {
            assertThat(provider.introspect(form("token", token, "client_id", "other", "client_secret",
                    "other-secret"))).isEqualTo(INACTIVE);
        }
    }

    @Test
    void onlyAnAuthenticatedConfidentialClientMayAsk() {
        String accessToken = webTokens().accessToken();

        refused(() -> provider.introspect(app("token", accessToken)), 401, "invalid_client");
        refused(() -> provider.introspect(form("token", accessToken, "client_id", "web", "client_secret", "wrong")),
                401, "invalid_client");
        refused(() -> provider.introspect(form("token", accessToken)), 401, "invalid_client");
        refused(() -> provider.introspect(web()), 400, "invalid_request");
        refused(() -> provider.introspect(new FormRequest(false, Map.of(), null)), 400, "invalid_request");
    }
}
