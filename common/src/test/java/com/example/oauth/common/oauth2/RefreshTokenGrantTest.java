package com.example.oauth.common.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.security.Sha256;

/**
 * The refresh_token grant (RFC 6749 §6) with rotation (RFC 9700 §4.14.2):
 * every refresh gives a new pair and uses up the refresh token; a refresh
 * token used twice revokes its whole family; a family ends 90 days after
 * its code was exchanged.
 */
class RefreshTokenGrantTest extends EngineTest {

    private TokenResponse refresh(String refreshToken, String... more) {
        List<String> pairs = new ArrayList<>(List.of("grant_type", "refresh_token", "refresh_token", refreshToken));
        pairs.addAll(List.of(more));
        return provider.token(web(pairs.toArray(String[]::new)));
    }

    @Test
    void aRefreshGivesANewPairAndUsesUpTheOldRefreshToken() {
        TokenResponse first = webTokens();

        TokenResponse second = refresh(first.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(works(second)).isTrue();
        // The old access token lives out its hour.
        assertThat(works(first)).isTrue();
        assertThat(storage.snapshot().tokens()).isEqualTo(2);
        assertThat(storage.snapshot().rotatedTokens()).isEqualTo(1);
    }

    @Test
    void aRotatedRefreshTokenUsedAgainRevokesTheWholeFamily() {
        TokenResponse first = webTokens();
        TokenResponse second = refresh(first.refreshToken());
        TokenResponse third = refresh(second.refreshToken());

        OAuth2Error reuse = refusal(OAuth2Error.class, () -> refresh(first.refreshToken()));

        assertThat(reuse.getError()).isEqualTo("invalid_grant");
        assertThat(reuse.getMessage()).contains("already used").contains("now revoked");
        assertThat(storage.tokens).hasSize(3).allMatch(InMemoryStorage.Token::revoked);
        // Even the newest pair, which the thief may hold, is dead.
        assertThat(works(third)).isFalse();
        OAuth2Error revoked = refused(() -> refresh(third.refreshToken()), 400, "invalid_grant");
        assertThat(revoked.getMessage()).contains("was revoked");
    }

    @Test
    void aReuseThatCannotRevokeNowIsRefusedAllTheSame() {
        TokenResponse first = webTokens();
        refresh(first.refreshToken());
        storage.busy = true;

        OAuth2Error reuse = refused(() -> refresh(first.refreshToken()), 400, "invalid_grant");

        assertThat(reuse.getMessage()).contains("could not be revoked yet");
    }

    @Test
    void aRefreshTokenUsedByAnotherRequestBetweenReadAndWriteIsAReuse() {
        TokenResponse first = webTokens();
        storage.raceLost = true;

        OAuth2Error reuse = refusal(OAuth2Error.class, () -> refresh(first.refreshToken()));

        assertThat(reuse.getMessage()).contains("already used");
        assertThat(storage.tokens).hasSize(1).allMatch(InMemoryStorage.Token::revoked);
    }

    @Test
    void aRefreshMayNarrowTheScopeAndTheFamilyKeepsItsOwn() {
        TokenResponse first = webTokens();

        TokenResponse narrow = refresh(first.refreshToken(), "scope", "email");
        assertThat(narrow.scopes()).containsExactly("email");
        assertThat(works(narrow)).isFalse();

        // The new refresh token still carries every scope the user granted (RFC 6749 §6).
        TokenResponse wide = refresh(narrow.refreshToken());
        assertThat(wide.scopes()).containsExactly("profile", "email");
        assertThat(works(wide)).isTrue();
    }

    @Test
    void aRefreshCannotWidenTheScope() {
        String code = code("client_id", "web", "scope", "profile");
        TokenResponse first = provider.token(web("grant_type", "authorization_code", "code", code));

        refused(() -> refresh(first.refreshToken(), "scope", "profile email"), 400, "invalid_scope");
        refused(() -> refresh(first.refreshToken(), "scope", "admin"), 400, "invalid_scope");
        // Refused requests used nothing up.
        assertThat(refresh(first.refreshToken()).scopes()).containsExactly("profile");
    }

    @Test
    void aMissingUnknownOrForeignRefreshTokenIsRefused() {
        TokenResponse tokens = webTokens();

        refused(() -> provider.token(web("grant_type", "refresh_token")), 400, "invalid_request");
        refused(() -> refresh("made-up"), 400, "invalid_grant");
        // An access token is no refresh token.
        refused(() -> refresh(tokens.accessToken()), 400, "invalid_grant");
        // Another client's refresh token: refused, and nothing revoked.
        refused(() -> provider.token(form("grant_type", "refresh_token", "refresh_token", tokens.refreshToken(),
                "client_id", "other", "client_secret", "other-secret")), 400, "invalid_grant");
        assertThat(works(refresh(tokens.refreshToken()))).isTrue();
    }

    @Test
    void aRefreshTokenUnusedForThirtyDaysHasExpired() {
        TokenResponse tokens = webTokens();
        clock.pass(Duration.ofDays(30));

        OAuth2Error error = refused(() -> refresh(tokens.refreshToken()), 400, "invalid_grant");

        assertThat(error.getMessage()).contains("expired");
    }

    @Test
    void aFamilyEndsNinetyDaysAfterTheCodeExchangeHoweverOftenItIsRefreshed() {
        TokenResponse token = webTokens();
        for (int refresh = 0; refresh < 3; refresh++) {
            clock.pass(Duration.ofDays(29));
            token = refresh(token.refreshToken());
        }
        // Day 87: the last refresh token dies with the family, on day 90, not on day 117.
        assertThat(storage.tokens.get(3).refreshExpiresAt()).isEqualTo(START.plus(Duration.ofDays(90)));
        clock.pass(Duration.ofDays(3));
        String last = token.refreshToken();

        OAuth2Error error = refused(() -> refresh(last), 400, "invalid_grant");

        assertThat(error.getMessage()).contains("90 days");
    }

    @Test
    void aFamilyPastItsEndIsRefusedHoweverFreshItsRefreshToken() {
        String code = webCode();
        TokenResponse tokens = provider.token(web("grant_type", "authorization_code", "code", code));
        // As storage could hold it: the family's end moved before the refresh token's.
        storage.grants.get(Sha256.hex(code)).familyExpiresAt = START;

        OAuth2Error error = refused(() -> refresh(tokens.refreshToken()), 400, "invalid_grant");

        assertThat(error.getMessage()).contains("90 days");
        assertThat(provider.introspect(web("token", tokens.refreshToken()))).containsEntry("active", false);
    }

    @Test
    void aTokenStoredAfterItsFamilyWasRevokedIsDeadToo() {
        String code = webCode();
        TokenResponse first = provider.token(web("grant_type", "authorization_code", "code", code));
        InMemoryStorage.Grant grant = storage.grants.get(Sha256.hex(code));
        // A reuse revokes the family while a rotation is between its read and its write.
        storage.revokeGrant(Sha256.hex(code));
        NewToken late = NewToken.of(TokenResponse.generate(List.of("profile"), true), clock.instant(),
                clock.instant().plus(Duration.ofDays(30)));

        assertThat(storage.rotateRefreshToken(Sha256.hex(first.refreshToken()), late)).isFalse();
        storage.tokens.add(new InMemoryStorage.Token(late, "web", "alice", grant));
        assertThat(storage.tokens).allMatch(InMemoryStorage.Token::revoked);
        assertThat(works(first)).isFalse();
    }
}
