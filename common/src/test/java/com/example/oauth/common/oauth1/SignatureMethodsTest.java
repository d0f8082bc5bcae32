package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureMethodsTest {

    private static final HmacSha1 HMAC_SHA1 = SignatureMethods.HMAC_SHA1;
    private static final HmacSha256 HMAC_SHA256 = SignatureMethods.HMAC_SHA256;
    private static final RsaSha1 RSA_SHA1 = SignatureMethods.RSA_SHA1;
    private static final Plaintext PLAINTEXT = SignatureMethods.PLAINTEXT;

    private static KeyPair generatedKeys;
    private static KeyPair otherKeys;

    @BeforeAll
    static void generateRsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        generatedKeys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    // ---- lookup ----

    @Test
    void findsEachMethodByItsExactName() {
        assertThat(SignatureMethods.byName("HMAC-SHA1")).containsSame(HMAC_SHA1);
        assertThat(SignatureMethods.byName("HMAC-SHA256")).containsSame(HMAC_SHA256);
        assertThat(SignatureMethods.byName("RSA-SHA1")).containsSame(RSA_SHA1);
        assertThat(SignatureMethods.byName("PLAINTEXT")).containsSame(PLAINTEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hmac-sha1", "HMAC-SHA512", "RSA-SHA256", "", " HMAC-SHA1"})
    void unknownNamesAreEmpty(String name) {
        // §3.1: values are case sensitive, so "hmac-sha1" is not HMAC-SHA1.
        assertThat(SignatureMethods.byName(name)).isEmpty();
    }

    @Test
    void aMissingNameIsEmpty() {
        assertThat(SignatureMethods.byName(null)).isEmpty();
    }

    // ---- HMAC-SHA1 ----

    // The "HMAC-SHA1" table of the oauth.net wiki TestCases page: consumer secret, token
    // secret, base string, signature.
    @ParameterizedTest
    @CsvSource({
        "cs,               '',               bs, egQqG5AJep5sJ7anhXju1unge2I=",
        "cs,               ts,               bs, VZVjXceV7JgPq/dOTnNmEfO0Fv8=",
    })
    void signsTheWikiHmacSha1Cases(String clientSecret, String tokenSecret, String baseString, String expected) {
        assertThat(HMAC_SHA1.sign(baseString, clientSecret, tokenSecret)).isEqualTo(expected);
        assertThat(HMAC_SHA1.verify(baseString, expected, clientSecret, tokenSecret, null)).isTrue();
    }

    @Test
    void signsTheWikiPhotosBaseString() {
        // Wiki TestCases, HMAC-SHA1 row 3: key "kd94hf93k423kf44&pfkkdhi9sl3r4s00".
        String signature = HMAC_SHA1.sign(WikiVectors.PHOTOS_BASE_STRING, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00");
        assertThat(signature).isEqualTo("tR3+Ty81lMeYAr/Fid0kMTYa/WM=");
    }

    @Test
    void aMissingTokenSecretIsTheEmptyString() {
        // §2.1: a request without a token uses "" as token secret; the '&' stays in the key.
        assertThat(HMAC_SHA1.sign("bs", "cs", null)).isEqualTo("egQqG5AJep5sJ7anhXju1unge2I=");
        assertThat(HMAC_SHA1.verify("bs", "egQqG5AJep5sJ7anhXju1unge2I=", "cs", null, null)).isTrue();
    }

    @Test
    void theSecretsAreEncodedBeforeTheyBecomeTheKey() {
        // §3.4.2: key = encode(client secret) & encode(token secret). With "a&b" unencoded the
        // key would be "a&b&c", the same as for client "a" and token "b&c"; encoded it is not.
        String signature = HMAC_SHA1.sign("bs", "a&b", "c");
        assertThat(signature).isNotEqualTo(HMAC_SHA1.sign("bs", "a", "b&c"));
        assertThat(HMAC_SHA1.verify("bs", signature, "a", "b&c", null)).isFalse();
    }

    @Test
    void hmacSha1RejectsAWrongSignatureOrSecret() {
        String good = "VZVjXceV7JgPq/dOTnNmEfO0Fv8=";
        // One character changed. (Not the last one: its low bits are padding that the base64
        // decoder ignores, so "...Fv9=" decodes to the very same bytes as "...Fv8=".)
        assertThat(HMAC_SHA1.verify("bs", "WZVjXceV7JgPq/dOTnNmEfO0Fv8=", "cs", "ts", null)).isFalse();
        assertThat(HMAC_SHA1.verify("bs", good, "cs", "other", null)).isFalse();
        assertThat(HMAC_SHA1.verify("bs", good, "other", "ts", null)).isFalse();
        assertThat(HMAC_SHA1.verify("bs2", good, "cs", "ts", null)).isFalse();
        assertThat(HMAC_SHA1.verify("bs", good, "cs", "ts", null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "%%%", "VZVjXceV7JgPq/dOTnNmEfO0Fv8=garbage", "", "===="})
    void aSignatureThatIsNotValidBase64IsFalseNotAnException(String signature) {
        assertThat(HMAC_SHA1.verify("bs", signature, "cs", "ts", null)).isFalse();
        assertThat(HMAC_SHA256.verify("bs", signature, "cs", "ts", null)).isFalse();
        assertThat(RSA_SHA1.verify("bs", signature, null, null, generatedKeys.getPublic())).isFalse();
    }

    @Test
    void withoutAClientSecretNothingVerifies() {
        // An RSA-only client has no shared secret; HMAC with key "&" must not pass for it.
        String keyedWithEmptySecret = HMAC_SHA1.sign("bs", "", "");
        assertThat(HMAC_SHA1.verify("bs", keyedWithEmptySecret, "", "", null)).isFalse();
        assertThat(HMAC_SHA1.verify("bs", keyedWithEmptySecret, null, null, null)).isFalse();
        assertThat(HMAC_SHA1.verify("bs", null, "cs", "ts", null)).isFalse();
    }

    // ---- HMAC-SHA256 ----

    @Test
    void signsAFixedHmacSha256Vector() {
        // Computed independently of this code with OpenSSL 3.0:
        //   printf '%s' bs | openssl dgst -sha256 -hmac 'cs&ts' -binary | base64
        assertThat(HMAC_SHA256.sign("bs", "cs", "ts")).isEqualTo("9HGKdfyP38c9+AtaEhdNhLubhigOrxSw0l46B8qgPso=");
    }

    @Test
    void signsTheRfcPhotosRequestWithHmacSha256() {
        // The RFC 5849 §1.2 protected-resource request, re-signed with HMAC-SHA256 (so the
        // signature method parameter says so). Expected value from OpenSSL 3.0:
        //   printf '%s' "$BASE" | openssl dgst -sha256 \
        //     -hmac 'kd94hf93k423kf44&pfkkdhi9sl3r4s00' -binary | base64
        String base = "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg"
                + "%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH"
                + "%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D137131202"
                + "%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal";
        assertThat(HMAC_SHA256.sign(base, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00"))
                .isEqualTo("HtMwoX2zenlFjgGg/SNEoKEQmL7CzxYFEKzs7er044Y=");
    }

    @Test
    void hmacSha256RoundTripsAndIsNotHmacSha1() {
        String signature = HMAC_SHA256.sign(WikiVectors.PHOTOS_BASE_STRING, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00");
        assertThat(Base64.getDecoder().decode(signature)).hasSize(32);
        assertThat(HMAC_SHA256.verify(WikiVectors.PHOTOS_BASE_STRING, signature,
                "kd94hf93k423kf44", "pfkkdhi9sl3r4s00", null)).isTrue();
        assertThat(HMAC_SHA256.verify(WikiVectors.PHOTOS_BASE_STRING + "x", signature,
                "kd94hf93k423kf44", "pfkkdhi9sl3r4s00", null)).isFalse();
        assertThat(HMAC_SHA1.verify(WikiVectors.PHOTOS_BASE_STRING, signature,
                "kd94hf93k423kf44", "pfkkdhi9sl3r4s00", null)).isFalse();
    }

    // ---- RSA-SHA1 ----

    @Test
    void signsAndVerifiesWithAGeneratedKeyPair() {
        String signature = RSA_SHA1.sign(WikiVectors.PHOTOS_BASE_STRING, generatedKeys.getPrivate());

        assertThat(RSA_SHA1.verify(WikiVectors.PHOTOS_BASE_STRING, signature, null, null,
                generatedKeys.getPublic())).isTrue();
    }

    @Test
    void aTamperedBaseStringOrSignatureDoesNotVerify() {
        String signature = RSA_SHA1.sign(WikiVectors.PHOTOS_BASE_STRING, generatedKeys.getPrivate());
        PublicKey key = generatedKeys.getPublic();

        String tamperedBase = WikiVectors.PHOTOS_BASE_STRING.replace("original", "thumbnail");
        assertThat(RSA_SHA1.verify(tamperedBase, signature, null, null, key)).isFalse();

        byte[] bytes = Base64.getDecoder().decode(signature);
        bytes[10] ^= 0x01;
        String tamperedSignature = Base64.getEncoder().encodeToString(bytes);
        assertThat(RSA_SHA1.verify(WikiVectors.PHOTOS_BASE_STRING, tamperedSignature, null, null, key)).isFalse();

        // Another client's key of the same size, a key of another size, a signature too short.
        assertThat(RSA_SHA1.verify(WikiVectors.PHOTOS_BASE_STRING, signature, null, null,
                otherKeys.getPublic())).isFalse();
        assertThat(RSA_SHA1.verify(WikiVectors.PHOTOS_BASE_STRING, signature, null, null,
                PemPublicKeys.parse(WikiVectors.RSA_PUBLIC_KEY_PEM))).isFalse();
        assertThat(RSA_SHA1.verify(WikiVectors.PHOTOS_BASE_STRING, "AAAA", null, null, key)).isFalse();
    }

    @Test
    void aClientWithoutAnRsaKeyNeverVerifies() {
        String signature = RSA_SHA1.sign(WikiVectors.PHOTOS_BASE_STRING, generatedKeys.getPrivate());
        assertThat(RSA_SHA1.verify(WikiVectors.PHOTOS_BASE_STRING, signature, "cs", "ts", null)).isFalse();
    }

    @Test
    void verifiesAndReproducesTheWikiRsaSha1Vector() throws Exception {
        // oauth.net wiki TestCases, RSA-SHA1 section. PKCS#1 v1.5 signatures are deterministic,
        // so signing with the published private key must give the published signature exactly.
        // (Also checked outside Java: openssl dgst -sha1 -sign/-verify gives the same.)
        PublicKey publicKey = PemPublicKeys.parse(WikiVectors.RSA_PUBLIC_KEY_PEM);
        assertThat(RSA_SHA1.verify(WikiVectors.RSA_BASE_STRING, WikiVectors.RSA_SIGNATURE, null, null, publicKey))
                .isTrue();

        byte[] pkcs8 = Base64.getMimeDecoder().decode(WikiVectors.RSA_PRIVATE_KEY_PKCS8);
        PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        assertThat(RSA_SHA1.sign(WikiVectors.RSA_BASE_STRING, privateKey)).isEqualTo(WikiVectors.RSA_SIGNATURE);
    }

    @Test
    void signingWithANonRsaKeyIsAnIllegalArgument() throws Exception {
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        assertThatThrownBy(() -> RSA_SHA1.sign("bs", ec.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RSA_SHA1.verify("bs", "AAAA", null, null, ec.getPublic())).isFalse();
    }

    // ---- PLAINTEXT ----

    @Test
    void plaintextIsTheEncodedSecrets() {
        // oauth.net wiki TestCases: PLAINTEXT with "cs"/"ts" is "cs&ts", and with no token "cs&".
        assertThat(PLAINTEXT.sign("cs", "ts")).isEqualTo("cs&ts");
        assertThat(PLAINTEXT.sign("kd94hf93k423kf44", null)).isEqualTo("kd94hf93k423kf44&");
        // §3.4.4: each secret is encoded, so an '&' inside one cannot shift the boundary.
        assertThat(PLAINTEXT.sign("a&b", "c d")).isEqualTo("a%26b&c%20d");
    }

    @Test
    void verifiesTheRfcPlaintextExample() {
        // RFC 5849 §2.1: oauth_signature="ja893SD9%26" in the header, i.e. "ja893SD9&" once the
        // header is decoded: client secret "ja893SD9", no token secret yet.
        AuthorizationHeader header = AuthorizationHeader.parse("""
                OAuth realm="Example",
                   oauth_consumer_key="jd83jd92dhsh93js",
                   oauth_signature_method="PLAINTEXT",
                   oauth_callback="http%3A%2F%2Fclient.example.net%2Fcb%3Fx%3D1",
                   oauth_signature="ja893SD9%26"
                """);
        String signature = header.get("oauth_signature").orElseThrow();

        assertThat(PLAINTEXT.verify(null, signature, "ja893SD9", "", null)).isTrue();
        assertThat(PLAINTEXT.verify(null, signature, "ja893SD9", null, null)).isTrue();
        assertThat(PLAINTEXT.verify(null, signature, "ja893SD8", "", null)).isFalse();
        assertThat(PLAINTEXT.verify(null, signature, "ja893SD9", "t", null)).isFalse();
    }

    @Test
    void plaintextRefusesMissingInput() {
        assertThat(PLAINTEXT.verify(null, null, "cs", "ts", null)).isFalse();
        assertThat(PLAINTEXT.verify(null, "&", "", "", null)).isFalse();
        assertThat(PLAINTEXT.verify(null, "&", null, null, null)).isFalse();
    }
}
