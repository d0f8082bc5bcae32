package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Token revocation (RFC 7009): revoking a token ends its whole family; the
 * answer is the same whether the token was found or not; another client's
 * live token is refused and left alone.
 */
class RevocationEndpointTest extends EngineTest {

    @Test
    void revokingAnAccessTokenEndsItsFamily() {
        TokenResponse tokens = webTokens();

        provider.revoke(web("token", tokens.accessToken()));

        assertThat(works(tokens)).isFalse();
        refused(() -> provider.token(web("grant_type", "refresh_token", "refresh_token", tokens.refreshToken())), 400,
                "invalid_grant");
        assertThat(storage.snapshot().revokedFamilies()).isEqualTo(1);
    }

    @Test
    void revokingARefreshTokenRevokesEveryAccessTokenOfItsFamily() {
        TokenResponse first = webTokens();
        TokenResponse second = provider.token(web("grant_type", "refresh_token", "refresh_token",
                first.refreshToken()));

        provider.revoke(web("token", second.refreshToken(), "token_type_hint", "refresh_token"));

        assertThat(works(first)).isFalse();
        assertThat(works(second)).isFalse();
        assertThat(storage.snapshot().revokedTokens()).isEqualTo(2);
    }

    @Test
    void theHintIsOnlyAHint() {
        TokenResponse tokens = webTokens();

        // An access token, said to be a refresh token; an unknown hint is no error either.
        provider.revoke(web("token", tokens.accessToken(), "token_type_hint", "refresh_token"));
        assertThat(works(tokens)).isFalse();
        TokenResponse other = webTokens();
        provider.revoke(web("token", other.refreshToken(), "token_type_hint", "something_else"));
        assertThat(works(other)).isFalse();
    }

    @Test
    void anUnknownTokenIsFineAndChangesNothing() {
        webTokens();
        InMemoryStorage.Snapshot before = storage.snapshot();

        provider.revoke(web("token", "no-such-token"));

        assertThat(storage.snapshot()).isEqualTo(before);
    }

    @Test
    void anotherClientsLiveTokenIsRefusedAndKeepsWorking() {
        TokenResponse tokens = webTokens();

        for (FormRequest request : new FormRequest[] {
                form("token", tokens.accessToken(), "client_id", "other", "client_secret", "other-secret"),
                form("token", tokens.refreshToken(), "token_type_hint", "refresh_token", "client_id", "other",
                        "client_secret", "other-secret")}) {
            // RFC 7009 Section 2.1: the request is refused and the client told so.
            OAuth2Error error = refused(() -> provider.revoke(request), 400, "invalid_grant");
            assertThat(error.getMessage()).contains("another client");
        }
        assertThat(works(tokens)).isTrue();
    }

    @Test
    void anotherClientsDeadTokenIsAnsweredAsAnUnknownOne() {
        TokenResponse tokens = webTokens();
        provider.revoke(web("token", tokens.accessToken()));
        InMemoryStorage.Snapshot before = storage.snapshot();

        // RFC 7009 Section 2.2: an invalid token needs no revoking.
        provider.revoke(form("token", tokens.accessToken(), "client_id", "other", "client_secret", "other-secret"));

        assertThat(storage.snapshot()).isEqualTo(before);
    }

    @Test
    void aRevocationThatCannotBeDoneNowIsA503AndChangesNothing() {
        TokenResponse tokens = webTokens();
        storage.busy = true;

        OAuth2Error error = refused(() -> provider.revoke(web("token", tokens.accessToken())), 503,
                "temporarily_unavailable");

        // RFC 7009 §2.2.1: the client must assume the token still lives, and try again.
        assertThat(error.getRetryAfter()).isEqualTo("1");
        assertThat(works(tokens)).isTrue();
        storage.busy = false;
        provider.revoke(web("token", tokens.accessToken()));
        assertThat(works(tokens)).isFalse();
    }

    @Test
    void aPublicClientRevokesWithItsClientIdAlone() {
        TokenResponse tokens = provider.token(app("grant_type", "authorization_code", "code", appCode(),
                "redirect_uri", CALLBACK, "code_verifier", VERIFIER));

        provider.revoke(app("token", tokens.refreshToken()));

        assertThat(works(tokens)).isFalse();
    }

    @Test
    void theClientMustAuthenticateAndSendAToken() {
        TokenResponse tokens = webTokens();

        refused(() -> provider.revoke(form("token", tokens.accessToken(), "client_id", "web", "client_secret",
                "wrong")), 401, "invalid_client");
        refused(() -> provider.revoke(form("token", tokens.accessToken())), 401, "invalid_client");
        refused(() -> provider.revoke(web()), 400, "invalid_request");
        refused(() -> provider.revoke(new FormRequest(false, Map.of(), null)), 400, "invalid_request");
        assertThat(works(tokens)).isTrue();
    }
}
