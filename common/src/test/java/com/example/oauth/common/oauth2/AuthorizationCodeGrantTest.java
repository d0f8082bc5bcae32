package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.Sha256;

/**
 * The authorization code grant (RFC 6749 §4.1.3) with PKCE (RFC 7636): each
 * rule broken once, with its error and status, and storage unchanged, or,
 * where the RFC says so, the code's tokens revoked.
 */
class AuthorizationCodeGrantTest extends EngineTest {

    private TokenResponse exchange(String code, String... more) {
        List<String> pairs = new java.util.ArrayList<>(List.of("grant_type", "authorization_code", "code", code));
        pairs.addAll(List.of(more));
        return provider.token(web(pairs.toArray(String[]::new)));
    }

    @Test
    void theWholeGrantWorksWithoutADatabase() {
        String code = appCode();

        TokenResponse token = provider.token(app("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK, "code_verifier", VERIFIER));

        assertThat(token.scopes()).containsExactly("profile");
        assertThat(token.expiresIn()).isEqualTo(3600);
        assertThat(token.accessToken()).hasSize(40).matches("[A-Za-z0-9]+");
        assertThat(token.refreshToken()).hasSize(40).isNotEqualTo(token.accessToken());
        assertThat(provider.checkBearerToken("Bearer " + token.accessToken(), "profile").username())
                .isEqualTo("alice");
        // Only hashes reached storage.
        InMemoryStorage.Token stored = storage.tokens.get(0);
        assertThat(stored.stored.accessTokenHash()).isEqualTo(Sha256.hex(token.accessToken()));
        assertThat(stored.stored.refreshTokenHash()).isEqualTo(Sha256.hex(token.refreshToken()));
        // The code is used up, and its family ends 90 days on.
        InMemoryStorage.Grant grant = storage.grants.get(Sha256.hex(code));
        assertThat(grant.used).isTrue();
        assertThat(grant.familyExpiresAt).isEqualTo(START.plus(Duration.ofDays(90)));
        assertThat(stored.refreshExpiresAt()).isEqualTo(START.plus(Duration.ofDays(30)));
    }

    @Test
    void aMissingUnknownOrForeignCodeIsRefused() {
        String code = webCode();

        refused(() -> provider.token(web("grant_type", "authorization_code")), 400, "invalid_request");
        refused(() -> exchange("made-up-code"), 400, "invalid_grant");
        // Another client's code is as unknown as a made-up one, and is not used up.
        refused(() -> provider.token(form("grant_type", "authorization_code", "code", code,
                "client_id", "other", "client_secret", "other-secret")), 400, "invalid_grant");
        assertThat(exchange(code).accessToken()).isNotBlank();
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        String code = webCode();
        clock.pass(Duration.ofMinutes(5));

        OAuth2Error error = refused(() -> exchange(code), 400, "invalid_grant");

        assertThat(error.getMessage()).contains("expired");
    }

    @Test
    void aSecondUseIsRefusedAndRevokesWhatTheFirstGave() {
        String code = webCode();
        TokenResponse token = exchange(code);

        OAuth2Error error = refusal(OAuth2Error.class, () -> exchange(code));

        assertThat(error.getError()).isEqualTo("invalid_grant");
        assertThat(error.getMessage()).contains("already used").contains("now revoked");
        assertThat(storage.tokens).hasSize(1).allMatch(InMemoryStorage.Token::revoked);
        assertThat(works(token)).isFalse();
        refused(() -> provider.token(web("grant_type", "refresh_token", "refresh_token", token.refreshToken())), 400,
                "invalid_grant");
    }

    @Test
    void aSecondUseThatCannotRevokeNowIsRefusedAllTheSame() {
        String code = webCode();
        exchange(code);
        storage.busy = true;

        OAuth2Error error = refused(() -> exchange(code), 400, "invalid_grant");

        assertThat(error.getMessage()).contains("could not be revoked yet");
    }

    @Test
    void aCodeUsedByAnotherRequestBetweenReadAndWriteIsASecondUse() {
        String code = webCode();
        storage.raceLost = true;

        OAuth2Error error = refusal(OAuth2Error.class, () -> exchange(code));

        assertThat(error.getError()).isEqualTo("invalid_grant");
        assertThat(error.getMessage()).contains("already used");
        assertThat(storage.tokens).isEmpty();
        assertThat(storage.grants.get(Sha256.hex(code)).revoked).isTrue();
    }

    @Test
    void theRedirectUriMustBeTheAuthorizationRequestsOne() {
        register(new InMemoryStorage.Client("web", Sha256.hex("web-secret"), ClientType.CONFIDENTIAL,
                List.of(CALLBACK, OTHER_CALLBACK), List.of("profile")));
        String code = code("client_id", "web", "redirect_uri", CALLBACK);

        refused(() -> exchange(code), 400, "invalid_request");
        refused(() -> exchange(code, "redirect_uri", OTHER_CALLBACK), 400, "invalid_grant");
        assertThat(exchange(code, "redirect_uri", CALLBACK).accessToken()).isNotBlank();
    }

    @Test
    void aLoopbackRedirectUriMustComeBackWithItsPort() {
        register(new InMemoryStorage.Client("native", null, ClientType.PUBLIC, List.of("http://127.0.0.1/cb"),
                List.of("profile")));
        String asked = "http://127.0.0.1:51234/cb";
        String code = code("client_id", "native", "redirect_uri", asked, "code_challenge", CHALLENGE,
                "code_challenge_method", "S256");
        String[] request = {"grant_type", "authorization_code", "code", code, "client_id", "native",
                "code_verifier", VERIFIER};

        // RFC 6749 §4.1.3: exactly the URI of the authorization request, not the registered one, nor another port.
        for (String other : List.of("http://127.0.0.1/cb", "http://127.0.0.1:51235/cb")) {
            refused(() -> provider.token(form(with(request, "redirect_uri", other))), 400, "invalid_grant");
        }
        assertThat(provider.token(form(with(request, "redirect_uri", asked))).accessToken()).isNotBlank();
    }

    @Test
    void aRequestThatNamedNoRedirectUriNeedsNoneHere() {
        assertThat(exchange(webCode()).accessToken()).isNotBlank();
        // Named all the same, it must be the right one.
        String code = webCode();
        refused(() -> exchange(code, "redirect_uri", OTHER_CALLBACK), 400, "invalid_grant");
    }

    @Test
    void aPublicClientMustSendTheRightVerifier() {
        String code = appCode();
        String[] base = {"grant_type", "authorization_code", "code", code, "redirect_uri", CALLBACK};

        refused(() -> provider.token(app(base)), 400, "invalid_grant");
        refused(() -> provider.token(app(with(base, "code_verifier", VERIFIER.replace('d', 'e')))), 400,
                "invalid_grant");
        refused(() -> provider.token(app(with(base, "code_verifier", "too-short"))), 400, "invalid_request");
        refused(() -> provider.token(app(with(base, "code_verifier", VERIFIER + "!"))), 400, "invalid_request");

        assertThat(provider.token(app(with(base, "code_verifier", VERIFIER))).accessToken()).isNotBlank();
    }

    @Test
    void aConfidentialClientMayUsePkceAndIsThenHeldToIt() {
        String code = code("client_id", "web", "code_challenge", CHALLENGE, "code_challenge_method", "S256");

        refused(() -> exchange(code), 400, "invalid_grant");
        assertThat(exchange(code, "code_verifier", VERIFIER).accessToken()).isNotBlank();
    }

    @Test
    void aVerifierWithoutAChallengeIsRefused() {
        String code = webCode();

        // PKCE downgrade (RFC 9700 §4.8.2): a verifier for a code issued without a challenge.
        refused(() -> exchange(code, "code_verifier", VERIFIER), 400, "invalid_grant");
        assertThat(exchange(code).accessToken()).isNotBlank();
    }

    @Test
    void aPublicClientsCodeWithoutPkceIsRefused() {
        // The authorization endpoint gives none, but storage could hold one from before the rule.
        storage.saveGrant(new NewGrant(Sha256.hex("old-code"), "app", "alice", CALLBACK, true, List.of("profile"),
                null, START.plus(Duration.ofMinutes(5))));

        OAuth2Error error = refused(() -> provider.token(app("grant_type", "authorization_code", "code", "old-code",
                "redirect_uri", CALLBACK)), 400, "invalid_grant");

        assertThat(error.getMessage()).contains("without PKCE");
    }

    private static String[] with(String[] pairs, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(pairs));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
