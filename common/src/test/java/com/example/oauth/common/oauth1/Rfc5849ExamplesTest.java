package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of RFC 5849, end to end, the way a server meets them: parse the
 * Authorization header, collect the parameters, rebuild the base string, verify the signature.
 */
class Rfc5849ExamplesTest {

    private static final String CLIENT_SECRET = "kd94hf93k423kf44";

    /** What a server does with a request, in the order it does it. */
    private static String baseStringOf(String method, String uri, String authorization, String formBody) {
        URI requestUri = URI.create(uri);
        AuthorizationHeader header = AuthorizationHeader.parse(authorization);
        List<Parameter> parameters = SignatureBaseString.collectParameters(
                requestUri.getRawQuery(), header.parameters(), formBody);
        return SignatureBaseString.of(method, requestUri, parameters);
    }

    private static String signatureIn(String authorization) {
        return AuthorizationHeader.parse(authorization).get("oauth_signature").orElseThrow();
    }

    // ---- §1.2: the three requests of the photos example ----
    //
    // The RFC prints the requests and their signatures but not the base strings; the base
    // strings below follow §3.4.1 by hand, and are confirmed by reproducing the printed
    // signature from them with OpenSSL:
    //   printf '%s' "$BASE" | openssl dgst -sha1 -hmac "$KEY" -binary | base64
    // The first two requests go to https (the RFC sends them over TLS), the third to plain
    // http; with the other scheme none of the three printed signatures comes out.

    private static final String INITIATE_HEADER = """
            OAuth realm="Photos",
               oauth_consumer_key="dpf43f3p2l4k3l03",
               oauth_signature_method="HMAC-SHA1",
               oauth_timestamp="137131200",
               oauth_nonce="wIjqoS",
               oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready",
               oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"
            """;

    @Test
    void temporaryCredentialsRequest() {
        String base = baseStringOf("POST", "https://photos.example.net/initiate", INITIATE_HEADER, null);

        assertThat(base).isEqualTo("POST&https%3A%2F%2Fphotos.example.net%2Finitiate"
                + "&oauth_callback%3Dhttp%253A%252F%252Fprinter.example.com%252Fready"
                + "%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DwIjqoS"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131200");
        // No token yet: the token secret is "" (§2.1).
        assertThat(SignatureMethods.HMAC_SHA1.sign(base, CLIENT_SECRET, ""))
                .isEqualTo("74KNZJeDHnMBp0EMJ9ZHt/XKycU=");
        assertThat(SignatureMethods.HMAC_SHA1.verify(base, signatureIn(INITIATE_HEADER), CLIENT_SECRET, "", null))
                .isTrue();
    }

    private static final String TOKEN_HEADER = """
            OAuth realm="Photos",
               oauth_consumer_key="dpf43f3p2l4k3l03",
               oauth_token="hh5s93j4hdidpola",
               oauth_signature_method="HMAC-SHA1",
               oauth_timestamp="137131201",
               oauth_nonce="walatlh",
               oauth_verifier="hfdp7dh39dks9884",
               oauth_signature="gKgrFCywp7rO0OXSjdot%2FIHF7IU%3D"
            """;

    @Test
    void tokenRequest() {
        String base = baseStringOf("POST", "https://photos.example.net/token", TOKEN_HEADER, null);

        assertThat(base).isEqualTo("POST&https%3A%2F%2Fphotos.example.net%2Ftoken"
                + "&oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dwalatlh"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201"
                + "%26oauth_token%3Dhh5s93j4hdidpola%26oauth_verifier%3Dhfdp7dh39dks9884");
        // Signed with the temporary credentials' secret from the previous response.
        assertThat(SignatureMethods.HMAC_SHA1.sign(base, CLIENT_SECRET, "hdhd0244k9j7ao03"))
                .isEqualTo("gKgrFCywp7rO0OXSjdot/IHF7IU=");
        assertThat(SignatureMethods.HMAC_SHA1.verify(base, signatureIn(TOKEN_HEADER),
                CLIENT_SECRET, "hdhd0244k9j7ao03", null)).isTrue();
    }

    private static final String PHOTOS_HEADER = """
            OAuth realm="Photos",
               oauth_consumer_key="dpf43f3p2l4k3l03",
               oauth_token="nnch734d00sl2jdk",
               oauth_signature_method="HMAC-SHA1",
               oauth_timestamp="137131202",
               oauth_nonce="chapoH",
               oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"
            """;

    @Test
    void protectedResourceRequest() {
        String base = baseStringOf("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original",
                PHOTOS_HEADER, null);

        assertThat(base).isEqualTo("GET&http%3A%2F%2Fphotos.example.net%2Fphotos"
                + "&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03"
                + "%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1"
                + "%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal");
        assertThat(SignatureMethods.HMAC_SHA1.sign(base, CLIENT_SECRET, "pfkkdhi9sl3r4s00"))
                .isEqualTo("MdpQcU8iPSUjWoN/UDMsK2sui9I=");
        assertThat(SignatureMethods.HMAC_SHA1.verify(base, signatureIn(PHOTOS_HEADER),
                CLIENT_SECRET, "pfkkdhi9sl3r4s00", null)).isTrue();
        // The wrong token secret, or someone else's request, does not verify.
        assertThat(SignatureMethods.HMAC_SHA1.verify(base, signatureIn(PHOTOS_HEADER),
                CLIENT_SECRET, "hdhd0244k9j7ao03", null)).isFalse();
        assertThat(SignatureMethods.HMAC_SHA1.verify(base.replace("original", "thumbnail"),
                signatureIn(PHOTOS_HEADER), CLIENT_SECRET, "pfkkdhi9sl3r4s00", null)).isFalse();
    }

    // ---- §3.1 / §3.4.1.1: query, header and form body together ----

    private static final String EXAMPLE_HEADER = """
            OAuth realm="Example",
                  oauth_consumer_key="9djdj82h48djs9d2",
                  oauth_token="kkk9d7dh3k39sjv7",
                  oauth_signature_method="HMAC-SHA1",
                  oauth_timestamp="137131201",
                  oauth_nonce="7d8f3e4a",
                  oauth_signature="bYT5CMsGcbgUdFHObYMEfcx6bsw%3D"
            """;

    @Test
    void requestWithQueryHeaderAndFormBody() {
        String base = baseStringOf("POST", "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
                EXAMPLE_HEADER, "c2&a3=2+q");

        // The base string exactly as §3.4.1.1 prints it (there it is wrapped over five lines).
        // Note "c%2540" before "c2": the sort is over the encoded names (§3.4.1.3.2).
        assertThat(base).isEqualTo("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
                + "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_"
                + "key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_m"
                + "ethod%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk"
                + "9d7dh3k39sjv7");

        // The signature the RFC prints in §3.1 and §3.4.1.1, "bYT5CMsGcbgUdFHObYMEfcx6bsw=", is
        // wrong: RFC errata ID 2550 (verified) corrects it to "r6/TJjbCOr97/+UU0NsvSne7s5g=",
        // the HMAC-SHA1 of the base string above with key "j49sk3j29djd&dh893hdasih9" (OpenSSL
        // agrees). The base string itself is correct as printed.
        String errata2550Signature = "r6/TJjbCOr97/+UU0NsvSne7s5g=";
        assertThat(SignatureMethods.HMAC_SHA1.sign(base, "j49sk3j29djd", "dh893hdasih9"))
                .isEqualTo(errata2550Signature);
        assertThat(SignatureMethods.HMAC_SHA1.verify(base, errata2550Signature, "j49sk3j29djd", "dh893hdasih9", null))
                .isTrue();
        assertThat(SignatureMethods.HMAC_SHA1.verify(base, signatureIn(EXAMPLE_HEADER),
                "j49sk3j29djd", "dh893hdasih9", null)).isFalse();
    }

    @Test
    void theHeaderRealmIsNotSignedAndTheSignatureIsNotSigned() {
        // Same request with another realm and another oauth_signature: same base string.
        String other = EXAMPLE_HEADER.replace("realm=\"Example\"", "realm=\"Elsewhere\"")
                .replace("bYT5CMsGcbgUdFHObYMEfcx6bsw%3D", "r6%2FTJjbCOr97%2F%2BUU0NsvSne7s5g%3D");
        String uri = "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b";
        assertThat(baseStringOf("POST", uri, other, "c2&a3=2+q"))
                .isEqualTo(baseStringOf("POST", uri, EXAMPLE_HEADER, "c2&a3=2+q"));
    }
}
