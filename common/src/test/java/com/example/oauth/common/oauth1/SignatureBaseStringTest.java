package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureBaseStringTest {

    @ParameterizedTest
    @CsvSource({
        // RFC 5849 §3.4.1.2, both published examples (the Host header folded into the URI).
        "HTTP://EXAMPLE.COM:80/r%20v/X?id=123,    http://example.com/r%20v/X",
        "https://www.example.net:8080/?q=1,       https://www.example.net:8080/",
        // Default ports dropped, other ports kept, fragment dropped, empty path is "/".
        "https://Photos.Example.NET:443/initiate, https://photos.example.net/initiate",
        "http://example.com:443/,                 http://example.com:443/",
        "https://example.com:80/a#top,            https://example.com:80/a",
        "http://example.com,                      http://example.com/",
        "http://user:pw@example.com/p,            http://example.com/p",
        "http://[::1]:8080/p,                     http://[::1]:8080/p",
    })
    void buildsTheBaseStringUri(String requestUri, String expected) {
        assertThat(SignatureBaseString.baseStringUri(URI.create(requestUri))).isEqualTo(expected);
    }

    @Test
    void thePathKeepsItsCaseAndEncodingAsSent() {
        // Only scheme and host are lower-cased (§3.4.1.2 step 1); the path is the client's bytes.
        assertThat(SignatureBaseString.baseStringUri(URI.create("http://EXAMPLE.com/Photos/a%2fb")))
                .isEqualTo("http://example.com/Photos/a%2fb");
    }

    @Test
    void onlyHttpAndHttpsUrisHaveABaseStringUri() {
        assertThatThrownBy(() -> SignatureBaseString.baseStringUri(URI.create("ftp://example.com/x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignatureBaseString.baseStringUri(URI.create("/relative/path")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalizesTheRfcExampleParameters() {
        // RFC 5849 §3.4.1.3.2: the decoded parameters of §3.4.1.3.1, in the order listed there,
        // give this "concatenated together into a single string" result.
        List<Parameter> parameters = List.of(
                new Parameter("b5", "=%3D"),
                new Parameter("a3", "a"),
                new Parameter("c@", ""),
                new Parameter("a2", "r b"),
                new Parameter("oauth_consumer_key", "9djdj82h48djs9d2"),
                new Parameter("oauth_token", "kkk9d7dh3k39sjv7"),
                new Parameter("oauth_signature_method", "HMAC-SHA1"),
                new Parameter("oauth_timestamp", "137131201"),
                new Parameter("oauth_nonce", "7d8f3e4a"),
                new Parameter("c2", ""),
                new Parameter("a3", "2 q"));

        assertThat(SignatureBaseString.normalizedParameters(parameters)).isEqualTo(
                "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2"
                        + "&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1"
                        + "&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7");
    }

    // The "Normalize Request Parameters" table of the oauth.net wiki TestCases page; inputs are
    // form-encoded, so '+' is a space. (Revisions of that page from 2007 print "a=%21y" in the
    // third row, a typo fixed in 2008 to "a=x%21y", which is what §3.4.1.3.2 gives.)
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "name        | name=",
        "a=b         | a=b",
        "a=b&c=d     | a=b&c=d",
        "a=x!y&a=x+y | a=x%20y&a=x%21y",
        "x!y=a&x=a   | x=a&x%21y=a",
    })
    void normalizesTheWikiTestCases(String formEncoded, String normalized) {
        assertThat(SignatureBaseString.normalizedParameters(Parameter.parseForm(formEncoded)))
                .isEqualTo(normalized);
    }

    @Test
    void sortsByEncodedNameThenEncodedValue() {
        // RFC 5849 §3.4.1.3.2 sorts the *encoded* forms: "c%40" comes before "c2" because
        // '%' (0x25) < '2' (0x32), although decoded "c@" (0x40) would come after "c2".
        List<Parameter> parameters = List.of(
                new Parameter("c2", ""),
                new Parameter("c@", ""),
                new Parameter("a3", "a"),
                new Parameter("a3", "2 q"));
        assertThat(SignatureBaseString.normalizedParameters(parameters)).isEqualTo("a3=2%20q&a3=a&c%40=&c2=");
    }

    @Test
    void leavesOutOauthSignatureButKeepsEveryDuplicate() {
        List<Parameter> parameters = List.of(
                new Parameter("oauth_signature", "ignored"),
                new Parameter("a", "1"),
                new Parameter("a", "1"));
        assertThat(SignatureBaseString.normalizedParameters(parameters)).isEqualTo("a=1&a=1");
    }

    @Test
    void aRealmParameterInTheQueryIsSigned() {
        // Only the header's realm is left out (§3.4.1.3.1); AuthorizationHeader keeps that one
        // apart, so a "realm" that reaches this method is an ordinary parameter.
        List<Parameter> parameters = SignatureBaseString.collectParameters(
                "realm=x",
                AuthorizationHeader.parse("OAuth realm=\"Example\", oauth_nonce=\"n\"").parameters(),
                null);
        assertThat(SignatureBaseString.normalizedParameters(parameters)).isEqualTo("oauth_nonce=n&realm=x");
    }

    // The "Concatenate Request Elements" table of the oauth.net wiki TestCases page.
    @Test
    void buildsTheWikiBaseStrings() {
        assertThat(SignatureBaseString.of("GET", URI.create("http://example.com/"),
                Parameter.parseForm("n=v")))
                .isEqualTo("GET&http%3A%2F%2Fexample.com%2F&n%3Dv");
        // Same with no path at all: the base string URI gets "/".
        assertThat(SignatureBaseString.of("GET", URI.create("http://example.com"),
                Parameter.parseForm("n=v")))
                .isEqualTo("GET&http%3A%2F%2Fexample.com%2F&n%3Dv");

        assertThat(SignatureBaseString.of("POST", URI.create("https://photos.example.net/request_token"),
                Parameter.parseForm("oauth_version=1.0&oauth_consumer_key=dpf43f3p2l4k3l03"
                        + "&oauth_timestamp=1191242090&oauth_nonce=hsu94j3884jdopsl"
                        + "&oauth_signature_method=PLAINTEXT&oauth_signature=ignored")))
                .isEqualTo("POST&https%3A%2F%2Fphotos.example.net%2Frequest_token"
                        + "&oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dhsu94j3884jdopsl"
                        + "%26oauth_signature_method%3DPLAINTEXT%26oauth_timestamp%3D1191242090"
                        + "%26oauth_version%3D1.0");

        assertThat(SignatureBaseString.of("GET", URI.create("http://photos.example.net/photos"),
                Parameter.parseForm("file=vacation.jpg&size=original&oauth_version=1.0"
                        + "&oauth_consumer_key=dpf43f3p2l4k3l03&oauth_token=nnch734d00sl2jdk"
                        + "&oauth_timestamp=1191242096&oauth_nonce=kllo9940pd9333jh"
                        + "&oauth_signature=ignored&oauth_signature_method=HMAC-SHA1")))
                .isEqualTo(WikiVectors.PHOTOS_BASE_STRING);
    }

    @Test
    void upperCasesAndEncodesTheMethod() {
        // §3.4.1.1 step 1: uppercase, and a custom method is encoded.
        assertThat(SignatureBaseString.of("get", URI.create("http://example.com/"), List.of()))
                .isEqualTo("GET&http%3A%2F%2Fexample.com%2F&");
        assertThat(SignatureBaseString.of("my method", URI.create("http://example.com/"), List.of()))
                .startsWith("MY%20METHOD&");
    }

    @Test
    void ofDoesNotReadTheQueryOfTheUri() {
        // The caller gathers query parameters with collectParameters; of() only uses the list.
        URI uri = URI.create("http://example.com/p?a=1");
        assertThat(SignatureBaseString.of("GET", uri, List.of()))
                .isEqualTo("GET&http%3A%2F%2Fexample.com%2Fp&");
        assertThat(SignatureBaseString.of("GET", uri,
                SignatureBaseString.collectParameters(uri.getRawQuery(), List.of(), null)))
                .isEqualTo("GET&http%3A%2F%2Fexample.com%2Fp&a%3D1");
    }
}
