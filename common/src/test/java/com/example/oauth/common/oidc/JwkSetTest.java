package com.example.oauth.common.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;

import tools.jackson.databind.JsonNode;

/** RFC 7517 §5, Discovery 1.0 §3 jwks_uri: the public keys, and nothing private. */
class JwkSetTest extends OidcTest {

    @Test
    void eachKeyHasExactlyItsPublicMembers() {
        keys.addKeyIfNone();
        keys.rotate();

        JsonNode document = JSON.readTree(JSON.writeValueAsString(JwkSet.of(keys)));

        assertThat(document.propertyNames()).containsExactly("keys");
        assertThat(document.get("keys")).hasSize(2);
        for (JsonNode key : document.get("keys")) {
            // RFC 7518 §6.3.2: d, p, q, dp, dq, qi and oth are the private members; none is here.
            assertThat(key.propertyNames()).containsExactlyInAnyOrder("kty", "use", "alg", "kid", "n", "e");
            assertThat(key.get("kty").asString()).isEqualTo("RSA");
            assertThat(key.get("use").asString()).isEqualTo("sig");
            assertThat(key.get("alg").asString()).isEqualTo("RS256");
        }
    }

    @Test
    void theJwksParsesAsPublicRsaKeysOf2048BitsWithTheirKids() throws Exception {
        keys.addKeyIfNone();

        List<JWK> published = publishedJwks().getKeys();

        assertThat(published).hasSize(1);
        RSAKey key = (RSAKey) published.get(0);
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.getKeyID()).isEqualTo(FIRST_KEY.kid());
        assertThat(key.toRSAPublicKey().getModulus().bitLength()).isGreaterThanOrEqualTo(2048);
    }

    @Test
    void noPartOfThePrivateKeyIsInTheDocument() throws Exception {
        keys.addKeyIfNone();
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(FIRST_KEY.privateKey())));
        RSAKey full = new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(FIRST_KEY.publicKey()))))
                .privateKey(privateKey).build();

        String json = JSON.writeValueAsString(JwkSet.of(keys));

        assertThat(json).contains(full.getModulus().toString());
        for (Base64URL secret : List.of(full.getPrivateExponent(), full.getFirstPrimeFactor(),
                full.getSecondPrimeFactor(), full.getFirstFactorCRTExponent(), full.getSecondFactorCRTExponent(),
                full.getFirstCRTCoefficient())) {
            assertThat(json).doesNotContain(secret.toString());
        }
    }
}
