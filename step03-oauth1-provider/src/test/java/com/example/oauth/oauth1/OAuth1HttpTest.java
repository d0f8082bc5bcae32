package com.example.oauth.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * What only the running step can show: how a refusal travels over HTTP,
 * that answers holding secrets are never cached, that the form body reaches
 * the engine unread, and what the database does with a replay and a race.
 * The rules themselves are tested on the engine, in common
 * ({@code RequestChecksTest} and its neighbours).
 */
class OAuth1HttpTest extends OAuth1ProviderTest {

    @Autowired
    JdbcTemplate jdbc;

    /** A request token, authorized by a new user: oauth_token, oauth_token_secret and oauth_verifier. */
    private Map<String, String> authorizedRequestToken(Credentials client) {
        Map<String, String> issued =
                send(signed("POST", "/oauth/request_token", client).oauth("oauth_callback", CALLBACK).build()).form();
        String back = consent(loggedInUser(uniqueName("user")), issued.get("oauth_token"), "yes").location();
        issued.put("oauth_verifier", queryParameter(back, "oauth_verifier"));
        return issued;
    }

    private SignedRequestBuilder exchange(String method, Credentials client, Map<String, String> requestToken) {
        return signed(method, "/oauth/access_token", client)
                .token(requestToken.get("oauth_token"), requestToken.get("oauth_token_secret"))
                .oauth("oauth_verifier", requestToken.get("oauth_verifier"));
    }

    /** The same request without Authorization header: its parameters in the query (GET) or the body (POST). */
    private static Request withoutHeader(Request signed) {
        String parameters = AuthorizationHeader.parse(signed.header("Authorization")).parameters().stream()
                .map(Parameter::encoded).collect(Collectors.joining("&"));
        return signed.method().equals("GET") ? new Request.Builder().url(signed.url() + "?" + parameters).build()
                : new Request.Builder().url(signed.url())
                        .post(RequestBody.create(parameters, MediaType.get("application/x-www-form-urlencoded"))).build();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
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
    void everyParameterMayComeInTheBodyOrTheQueryAndNoAnswerWithSecretsIsCached() {
        Credentials client = registerClient(CALLBACK, "profile");
        // RFC 5849 §3.5.2: the body reaches the engine unread.
        Answer requestToken = send(withoutHeader(signed("POST", "/oauth/request_token", client)
                .oauth("oauth_callback", CALLBACK).build()));
        // §3.5.3, with GET, which the token endpoints take too.
        Answer accessToken = send(withoutHeader(exchange("GET", client, authorizedRequestToken(client)).build()));

        for (Answer answer : List.of(requestToken, accessToken)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        }
        Map<String, String> token = accessToken.form();
        Answer me = send(signed("GET", "/api/me", client).token(token.get("oauth_token"),
                token.get("oauth_token_secret")).build());
        assertThat(me.body()).startsWith("{\"username\":\"user-");
        assertThat(me.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aSignedCallIsOneReadAndOneNonceInsertAndItsReplayIsRefused() {
        Credentials client = registerClient(CALLBACK, "profile");
        Map<String, String> token = send(exchange("POST", client, authorizedRequestToken(client)).build()).form();
        Request call = null;
        List<String> statements = List.of();
        // A purge by the housekeeping job in between would count too: then try again.
        for (int attempt = 0; attempt < 3 && statements.size() != 2; attempt++) {
            Request request = signed("GET", "/api/me", client)
                    .token(token.get("oauth_token"), token.get("oauth_token_secret")).build();
            statements = H2Statements.during(jdbc, () -> assertThat(send(request).status()).isEqualTo(200));
            call = request;
        }
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).startsWith("1x insert into nonce");
        assertThat(statements.get(1)).startsWith("1x select").contains("from access_token");

        // The nonce table's unique constraint refuses the same call again.
        assertThat(send(call).form()).containsEntry("oauth_problem", "nonce_used");
    }

    @Test
    void oneVerifierExchangedFromManyThreadsGivesOneAccessTokenAndKeepsOnlyTheWinnersNonce() throws Exception {
        Credentials client = registerClient(CALLBACK, "profile");
        Map<String, String> requestToken = authorizedRequestToken(client);
        long tokensBefore = count("access_token");
        long noncesBefore = count("nonce");
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Request request = exchange("POST", client, requestToken).build(); // each with its own nonce
            attempts.add(() -> send(request).status());
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> result : pool.invokeAll(attempts)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(7);
        assertThat(count("access_token")).isEqualTo(tokensBefore + 1);
        // The losers' nonces went with the rest of their transaction.
        assertThat(count("nonce")).isEqualTo(noncesBefore + 1);
    }

    @Test
    void aClientRegisteredWithAnRsaKeySignsWithIt() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Credentials client = registerClient(Map.of("redirect_uri", CALLBACK, "realms", "profile",
                "rsa_public_key", PemPublicKeys.format(keys.getPublic())));
        SignedRequestBuilder request = signed("POST", "/oauth/request_token", client)
                .oauth("oauth_signature_method", "RSA-SHA1").oauth("oauth_callback", CALLBACK);

        Answer answer = send(request.signature(SignatureMethods.RSA_SHA1.sign(request.baseString(), keys.getPrivate()))
                .build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
