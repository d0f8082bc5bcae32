package com.example.oauth.common.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** OpenID Connect Core §2, §3.1.3.3 and §12.2: the id_token, as a client reads and checks it. */
class IdTokensTest extends OidcTest {

    static final Instant LOGGED_IN = START.minus(Duration.ofMinutes(42));

    final Authentication alice = new Authentication("u-7f3a", "web", LOGGED_IN, "n-0S6_WzA2Mj");

    @Test
    void anIdTokenVerifiesWithThePublishedJwksAndCarriesTheClaimsOfSection2() {
        String idToken = idTokens.issue(alice);

        Map<String, Object> claims = verifiedPayload(idToken, publishedJwks());
        assertThat(claims).containsOnlyKeys("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce")
                .containsEntry("iss", ISSUER)
                .containsEntry("sub", "u-7f3a")
                // One audience: the client id as a string, not an array.
                .containsEntry("aud", "web")
                .containsEntry("iat", START.getEpochSecond())
                .containsEntry("exp", START.plus(IdTokens.LIFETIME).getEpochSecond())
                // The time of the login, not of this sign-in.
                .containsEntry("auth_time", LOGGED_IN.getEpochSecond())
                .containsEntry("nonce", "n-0S6_WzA2Mj");
        assertThat(kid(idToken)).isEqualTo(FIRST_KEY.kid());
    }

    @Test
    void theHeaderNamesRs256AndTheKid() throws Exception {
        JWSHeader header = SignedJWT.parse(idTokens.issue(alice)).getHeader();

        assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(header.getKeyID()).isEqualTo(FIRST_KEY.kid());
    }

    @Test
    void theNonceIsExactlyAsSentAndAbsentWhenNoneWasSent() {
        String odd = "ä b+c/=%20\u00e9";
        String withNonce = idTokens.issue(new Authentication("u-7f3a", "web", LOGGED_IN, odd));
        String without = idTokens.issue(new Authentication("u-7f3a", "web", LOGGED_IN, null));

        assertThat(verifiedPayload(withNonce, publishedJwks())).containsEntry("nonce", odd);
        assertThat(verifiedPayload(without, publishedJwks())).doesNotContainKey("nonce");
    }

    @Test
    void aRefreshedIdTokenKeepsIssSubAudAndAuthTimeAndHasNoNonce() {
        String first = idTokens.issue(alice);
        clock.pass(Duration.ofHours(3));

        String refreshed = idTokens.refreshed(alice);

        Map<String, Object> before = verifiedPayload(first, publishedJwks());
        Map<String, Object> after = verifiedPayload(refreshed, publishedJwks());
        for (String same : List.of("iss", "sub", "aud", "auth_time")) {
            assertThat(after.get(same)).as(same).isEqualTo(before.get(same));
        }
        // §12.2: iat is the new token's; "it SHOULD NOT have a nonce Claim".
        assertThat(after).containsEntry("iat", START.plus(Duration.ofHours(3)).getEpochSecond())
                .containsEntry("exp", START.plus(Duration.ofHours(3)).plus(IdTokens.LIFETIME).getEpochSecond())
                .doesNotContainKey("nonce");
    }

    @Test
    void anIdTokenGoesWithTheOpenidScopeOnly() {
        assertThat(IdTokens.requested(List.of("openid", "profile"))).isTrue();
        assertThat(IdTokens.requested(List.of("profile", "email"))).isFalse();
    }

    @Test
    void theCallerGivesTheSubject() {
        assertThatThrownBy(() -> new Authentication("", "web", LOGGED_IN, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Authentication("x".repeat(256), "web", LOGGED_IN, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // RP-Initiated Logout 1.0 §2: the id_token_hint.

    @Test
    void aHintThisProviderSignedIsReadEvenAfterItExpired() throws Exception {
        String idToken = idTokens.issue(alice);
        clock.pass(IdTokens.LIFETIME.multipliedBy(30));

        IdTokenClaims claims = idTokens.verifyHint(idToken);

        assertThat(claims.issuer()).isEqualTo(ISSUER);
        assertThat(claims.subject()).isEqualTo("u-7f3a");
        assertThat(claims.audience()).isEqualTo("web");
        assertThat(claims.authTime()).isEqualTo(Instant.ofEpochSecond(LOGGED_IN.getEpochSecond()));
        assertThat(claims.nonce()).isEqualTo("n-0S6_WzA2Mj");
        assertThat(claims.expiresAt()).isBefore(clock.instant());
    }

    @Test
    void aHintOfAnotherProviderOrIssuerOrAlgorithmIsRefused() throws Exception {
        // Another provider, with its own key, claiming to be this one.
        InMemorySigningKeyStorage otherStorage = new InMemorySigningKeyStorage();
        otherStorage.save(SigningKey.generate(START).toStored());
        IdTokens forger = new IdTokens(new SigningKeys(otherStorage, clock), clock, () -> ISSUER);
        assertThatThrownBy(() -> idTokens.verifyHint(forger.issue(alice)))
                .isInstanceOf(InvalidIdTokenException.class).hasMessageContaining("signature");

        // This provider's key, under another issuer (e.g. before the issuer was configured).
        IdTokens elsewhere = new IdTokens(keys, clock, () -> "https://other.example");
        assertThatThrownBy(() -> idTokens.verifyHint(elsewhere.issue(alice)))
                .isInstanceOf(InvalidIdTokenException.class).hasMessageContaining("another provider");

        // HS256 with the public modulus as a secret, the classic confusion: the algorithm is not chosen by the token.
        SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(FIRST_KEY.kid()).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).subject("u-7f3a").audience("web").build());
        hs256.sign(new MACSigner(Base64.getDecoder().decode(FIRST_KEY.publicKey())));
        assertThatThrownBy(() -> idTokens.verifyHint(hs256.serialize()))
                .isInstanceOf(InvalidIdTokenException.class).hasMessageContaining("RS256");
    }

    @Test
    void anAlteredOrUnsignedHintIsRefused() {
        String[] parts = idTokens.issue(alice).split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"" + ISSUER + "\",\"sub\":\"admin\",\"aud\":\"web\"}").getBytes());
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";

        assertThatThrownBy(() -> idTokens.verifyHint(parts[0] + "." + otherClaims + "." + parts[2]))
                .isInstanceOf(InvalidIdTokenException.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> idTokens.verifyHint(unsigned)).isInstanceOf(InvalidIdTokenException.class);
    }

    @Test
    void noMalformedHintThrowsAnythingButInvalidIdToken() {
        String good = idTokens.issue(alice);
        List<String> garbage = List.of("", ".", "..", "abc", "a.b.c", "e30.e30.", "e30.e30.e30",
                "eyJhbGciOiJSUzI1NiJ9.e30.AAAA", "eyJhbGciOiJSUzI1NiIsImtpZCI6MX0.e30.AAAA",
                "eyJhbGciOiJSUzI1NiIsImtpZCI6Im5vcGUifQ.e30.AAAA", "%%%.%%%.%%%", good + "x",
                good.substring(0, good.length() / 2), "x".repeat(IdTokens.MAX_HINT_LENGTH + 1),
                "\u0000.\u00ff.\ud83d\ude00");

        for (String hint : garbage) {
            assertThatThrownBy(() -> idTokens.verifyHint(hint)).as(hint)
                    .isInstanceOf(InvalidIdTokenException.class);
        }
    }
}
