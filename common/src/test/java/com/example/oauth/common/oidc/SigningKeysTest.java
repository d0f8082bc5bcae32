package com.example.oauth.common.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * OpenID Connect Core §10.1.1: the provider signs with its newest key and
 * publishes the old one until the tokens it signed have expired. Keys are
 * stored, so that a restart or another instance signs and verifies alike.
 */
class SigningKeysTest extends OidcTest {

    final Authentication alice = new Authentication("u-7f3a", "web", START, "n-1");

    /** The moment the key replaced by one made now leaves the JWKS. */
    static final Duration OLD_KEY_STAYS = IdTokens.LIFETIME.plus(SigningKeys.RELOAD_INTERVAL);

    @Test
    void aProviderWithoutKeysMakesOneAtStartAndOnlyOne() throws Exception {
        InMemorySigningKeyStorage empty = new InMemorySigningKeyStorage();
        SigningKeys fresh = new SigningKeys(empty, clock);

        SigningKey made = fresh.addKeyIfNone();
        fresh.addKeyIfNone();

        assertThat(empty.rows).hasSize(1);
        assertThat(empty.rows.get(0).kid()).isEqualTo(made.kid());
        assertThat(empty.rows.get(0).createdAt()).isEqualTo(START);
        // RS256 wants 2048 bits or more (RFC 7518 §3.3); the kid is the key's RFC 7638 thumbprint.
        RSAKey jwk = RSAKey.parse(made.publicJwk());
        assertThat(jwk.toRSAPublicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(made.kid()).isEqualTo(jwk.computeThumbprint().toString());
    }

    @Test
    void aStoredKeyIsUsedAsItIsAfterARestart() {
        assertThat(keys.addKeyIfNone().kid()).isEqualTo(FIRST_KEY.kid());
        String before = idTokens.issue(alice);

        SigningKeys restarted = new SigningKeys(storage, clock);
        restarted.addKeyIfNone();
        String after = new IdTokens(restarted, clock, () -> ISSUER).issue(alice);

        assertThat(storage.rows).hasSize(1);
        assertThat(kid(after)).isEqualTo(kid(before));
        verifiedPayload(before, publishedJwks());
    }

    @Test
    void theKeysAreReadOnceNotForEachToken() {
        keys.addKeyIfNone();
        int reads = storage.reads;

        for (int i = 0; i < 100; i++) {
            idTokens.issue(alice);
            clock.pass(Duration.ofMillis(500));
        }

        // 50 seconds of signing: no read of storage at all (within the reload interval).
        assertThat(storage.reads).isEqualTo(reads);
    }

    @Test
    void aTokenSignedBeforeARotationVerifiesWithTheJwksServedAfterAndTheOldKeyLeavesOnceItsTokensExpired() {
        keys.addKeyIfNone();
        String before = idTokens.issue(alice);
        clock.pass(Duration.ofMinutes(1));

        SigningKey newKey = keys.rotate();
        String after = idTokens.issue(alice);

        // The new key signs at once; the old token still verifies with the JWKS served now.
        assertThat(kid(after)).isEqualTo(newKey.kid()).isNotEqualTo(FIRST_KEY.kid());
        verifiedPayload(before, publishedJwks());
        verifiedPayload(after, publishedJwks());
        assertThat(publishedJwks().getKeys()).extracting(JWK::getKeyID)
                .containsExactly(newKey.kid(), FIRST_KEY.kid());

        // Just before every token of the old key has expired (here or on another instance), it is still there...
        clock.pass(OLD_KEY_STAYS.minusSeconds(1));
        assertThat(publishedJwks().getKeys()).extracting(JWK::getKeyID)
                .containsExactly(newKey.kid(), FIRST_KEY.kid());
        // ... then it leaves; the new key stays.
        clock.pass(Duration.ofSeconds(1));
        assertThat(publishedJwks().getKeys()).extracting(JWK::getKeyID).containsExactly(newKey.kid());
        verifiedPayload(after, publishedJwks());
        // It is still the provider's own key: an old id_token_hint still proves who signed it.
        assertThat(keys.find(FIRST_KEY.kid())).isPresent();
    }

    @Test
    void aKeyAddedByAnotherInstanceIsPublishedAtOnceVerifiedByKidAndSignsAfterTheReloadInterval() throws Exception {
        SigningKeys here = keys;
        here.addKeyIfNone();
        SigningKeys there = new SigningKeys(storage, clock);
        IdTokens thereTokens = new IdTokens(there, clock, () -> ISSUER);
        clock.pass(Duration.ofSeconds(10));

        SigningKey added = there.rotate();
        String signedThere = thereTokens.issue(alice);

        // This instance's JWKS reads the table: a client that fetches it from here can check the new token.
        verifiedPayload(signedThere, publishedJwks());
        // An id_token_hint with the new kid is found here too (storage read once more).
        assertThat(idTokens.verifyHint(signedThere).subject()).isEqualTo("u-7f3a");
        // And within the reload interval, this instance signs with the new key as well.
        clock.pass(SigningKeys.RELOAD_INTERVAL);
        assertThat(kid(idTokens.issue(alice))).isEqualTo(added.kid());
    }

    @Test
    void aKeyInALogLineShowsItsKidNeverItsKeys() {
        SigningKey key = keys.addKeyIfNone();

        assertThat(key.toString()).isEqualTo("SigningKey[kid=" + FIRST_KEY.kid() + ", createdAt="
                + FIRST_KEY.createdAt() + "]");
        assertThat(FIRST_KEY.toString()).isEqualTo("StoredSigningKey[kid=" + FIRST_KEY.kid() + ", createdAt="
                + FIRST_KEY.createdAt() + "]");
    }
}
