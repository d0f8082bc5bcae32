package com.example.oauth.common.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.example.oauth.common.testing.MovableClock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the OpenID Connect engine's tests share: a clock they move, a key
 * table in memory holding one key made once for the whole run (an RSA key
 * takes a while to make), and a client's view of the provider's tokens:
 * the JWKS as JSON, checked with nimbus, never with the key that signed.
 */
abstract class OidcTest {

    static final String ISSUER = "https://op.example";
    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The provider's first key, stored. */
    static final StoredSigningKey FIRST_KEY = SigningKey.generate(START.minusSeconds(86_400)).toStored();

    final MovableClock clock = new MovableClock(START);
    final InMemorySigningKeyStorage storage = new InMemorySigningKeyStorage(FIRST_KEY);
    final SigningKeys keys = new SigningKeys(storage, clock);
    final IdTokens idTokens = new IdTokens(keys, clock, () -> ISSUER);

    /** The JWKS as a client gets it: the document written as JSON, then parsed. */
    JWKSet publishedJwks() {
        try {
            return JWKSet.parse(JSON.writeValueAsString(JwkSet.of(keys)));
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * As a client checks an id_token (OpenID Connect Core §3.1.3.7 step 6):
     * RS256, the key its kid names in the JWKS, a good signature. Returns
     * the payload as JSON, to read the claims as sent.
     */
    static Map<String, Object> verifiedPayload(String idToken, JWKSet jwks) {
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            JWK jwk = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(jwk).as("a key with the token's kid in the JWKS").isNotNull();
            assertThat(jwt.verify(new RSASSAVerifier((RSAKey) jwk))).as("signature").isTrue();
            return jwt.getPayload().toJSONObject();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError(e);
        }
    }

    static String kid(String idToken) {
        try {
            return SignedJWT.parse(idToken).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** A query as a servlet container gives it: each name with all its values. */
    static Map<String, String[]> query(String... pairs) {
        Map<String, String[]> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String[] old = query.getOrDefault(pairs[i], new String[0]);
            String[] values = Arrays.copyOf(old, old.length + 1);
            values[old.length] = pairs[i + 1];
            query.put(pairs[i], values);
        }
        return query;
    }
}
