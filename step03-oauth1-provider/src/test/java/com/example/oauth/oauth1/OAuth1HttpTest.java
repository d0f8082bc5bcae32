package com.example.oauth.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.example.oauth.common.oauth1.AuthorizationHeader;
import com.example.oauth.common.oauth1.Parameter;
import com.example.oauth.common.oauth1.PemPublicKeys;
import com.example.oauth.common.oauth1.SignatureMethods;
import com.example.oauth.common.testing.H2Statements;
import com.example.oauth.common.testing.OAuth1ProviderTest;
import com.example.oauth.common.testing.SignedRequestBuilder;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * What only the running step can show of the signed endpoints: how a
 * refusal travels over HTTP, that answers holding secrets are never cached,
 * that a form body reaches the engine unread, and that a signed call is one
 * read and one write. The rules themselves are tested on the engine, in
 * common ({@code RequestChecksTest} and its neighbours).
 */
class OAuth1HttpTest extends OAuth1ProviderTest {

    @Autowired
    JdbcTemplate jdbc;

    /** The same request without Authorization header: its parameters in the query (GET) or the body (POST). */
    private static Request withoutHeader(Request signed) {
        String parameters = AuthorizationHeader.parse(signed.header("Authorization")).parameters().stream()
                .map(Parameter::encoded).collect(Collectors.joining("&"));
        return signed.method().equals("GET") ? new Request.Builder().url(signed.url() + "?" + parameters).build()
                : new Request.Builder().url(signed.url())
                        .post(RequestBody.create(parameters, MediaType.get("application/x-www-form-urlencoded"))).build();
    }

    /** A dance by hand, the exchange with GET (which the token endpoints take too): the access token's answer. */
    private Answer accessToken(Credentials client) {
        Map<String, String> issued =
                send(signed("POST", "/oauth/request_token", client).oauth("oauth_callback", CALLBACK).build()).form();
        String back = consent(loggedInUser(uniqueName("user")), issued.get("oauth_token"), "yes").location();
        return send(signed("GET", "/oauth/access_token", client)
                .token(issued.get("oauth_token"), issued.get("oauth_token_secret"))
                .oauth("oauth_verifier", queryParameter(back, "oauth_verifier")).build());
    }

    @Test
    void aRefusalIsFormEncodedWithItsStatusAndA401NamesTheRealm() {
        Answer api = send(new Request.Builder().url(provider() + "/api/me").build());
        Answer tokens = send(new Request.Builder().url(provider() + "/oauth/request_token").build());
        Answer malformed = send(signed("POST", "/oauth/request_token", registerClient(CALLBACK, "profile")).build());

        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("WWW-Authenticate")).isEqualTo("OAuth realm=\"profile\"");
        assertThat(api.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(api.form()).containsEntry("oauth_problem", "parameter_absent").containsKey("oauth_problem_advice");
        assertThat(tokens.header("WWW-Authenticate")).isEqualTo("OAuth realm=\"oauth\"");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("WWW-Authenticate")).isNull();
        assertThat(malformed.form()).containsEntry("oauth_parameters_absent", "oauth_callback");
    }

    @Test
    void credentialsTravelFormEncodedAndUncachedWhereverTheParametersCame() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Credentials client = registerClient(Map.of("redirect_uri", CALLBACK, "realms", "profile",
                "rsa_public_key", PemPublicKeys.format(keys.getPublic())));
        SignedRequestBuilder rsa = signed("POST", "/oauth/request_token", client)
                .oauth("oauth_signature_method", "RSA-SHA1").oauth("oauth_callback", CALLBACK);
        rsa.signature(SignatureMethods.RSA_SHA1.sign(rsa.baseString(), keys.getPrivate()));

        // RFC 5849 §3.5.2, the form body (which must reach the engine unread);
        // §3.5.3, the query of a GET; §3.5.1, the header.
        List<Answer> answers = List.of(send(withoutHeader(rsa.build())),
                send(withoutHeader(signed("GET", "/oauth/request_token", client).oauth("oauth_callback", CALLBACK)
                        .build())),
                accessToken(registerClient(CALLBACK, "profile")));

        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void aSignedCallIsOneReadAndOneNonceInsertItsAnswerIsNotCachedAndItsReplayIsRefused() {
        Credentials client = registerClient(CALLBACK, "profile");
        Map<String, String> token = accessToken(client).form();
        Request call = signed("GET", "/api/me", client)
                .token(token.get("oauth_token"), token.get("oauth_token_secret")).build();

        List<String> statements = H2Statements.during(jdbc, () -> {
            Answer me = send(call);
            assertThat(me.body()).startsWith("{\"username\":\"user-");
            assertThat(me.header("Cache-Control")).isEqualTo("no-store");
        });

        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).startsWith("1x insert into nonce");
        assertThat(statements.get(1)).startsWith("1x select").contains("from access_token");
        // The nonce table's unique constraint refuses the same call again.
        assertThat(send(call).form()).containsEntry("oauth_problem", "nonce_used");
    }
}
