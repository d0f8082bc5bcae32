package com.example.oauth.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.example.oauth.common.oauth1.PemPublicKeys;
import com.example.oauth.common.oauth1.SignatureBaseString;
import com.example.oauth.common.oauth1.SignatureMethods;
import com.example.oauth.common.testing.Browser;
import com.example.oauth.common.testing.Browser.Page;
import com.example.oauth.common.testing.H2Statements;
import com.example.oauth.common.testing.SignedRequestBuilder;

import okhttp3.Request;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every rule of the provider, each broken once: the status and problem of
 * the answer, the challenge of a 401, and that nothing was stored or used up.
 */
class OAuth1ErrorsTest extends OAuth1Test {

    @Autowired
    RequestTokenRepository requestTokens;

    @Autowired
    AccessTokenRepository accessTokens;

    @Autowired
    NonceRepository nonces;

    @Autowired
    OAuth1Housekeeping housekeeping;

    @Autowired
    JdbcTemplate jdbc;

    private SignedRequestBuilder tokenRequest(Credentials client) {
        return new SignedRequestBuilder("POST", provider() + "/oauth/request_token", client.key(), client.secret())
                .oauth("oauth_callback", CALLBACK);
    }

    /** Temporary credentials authorized by a user: token, secret, verifier. */
    private Map<String, String> authorizedRequestToken(Credentials client) {
        Map<String, String> issued = send(tokenRequest(client).build()).form();
        Page back = consent(loggedInUser(uniqueName("user")), issued.get("oauth_token"), "yes");
        issued.put("oauth_verifier", queryParameter(back.location(), "oauth_verifier"));
        return issued;
    }

    private SignedRequestBuilder exchange(Credentials client, Map<String, String> requestToken) {
        return new SignedRequestBuilder("POST", provider() + "/oauth/access_token", client.key(), client.secret())
                .token(requestToken.get("oauth_token"), requestToken.get("oauth_token_secret"))
                .oauth("oauth_verifier", requestToken.get("oauth_verifier"));
    }

    private Map<String, String> accessToken(Credentials client) {
        Answer answer = send(exchange(client, authorizedRequestToken(client)).build());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.form();
    }

    private SignedRequestBuilder me(Credentials client, Map<String, String> token) {
        return new SignedRequestBuilder("GET", provider() + "/api/me", client.key(), client.secret())
                .token(token.get("oauth_token"), token.get("oauth_token_secret"));
    }

    /** Sends a request that must be refused, and checks that it stored nothing. */
    private Answer refused(Request request, int status, String problem) {
        long tokensBefore = requestTokens.count();
        long accessBefore = accessTokens.count();
        long noncesBefore = nonces.count();

        Answer answer = send(request);

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(answer.form()).containsEntry("oauth_problem", problem).containsKey("oauth_problem_advice");
        if (status == 401) {
            assertThat(answer.header("WWW-Authenticate")).startsWith("OAuth realm=\"");
        }
        assertThat(requestTokens.count()).isEqualTo(tokensBefore);
        assertThat(accessTokens.count()).isEqualTo(accessBefore);
        // The nonce is recorded last: a refused request leaves none behind.
        assertThat(nonces.count()).isEqualTo(noncesBefore);
        return answer;
    }

    @Test
    void aMissingCallbackIsNamed() {
        Credentials client = registerClient(CALLBACK, "profile");

        Answer answer = refused(tokenRequest(client).oauth("oauth_callback", null).build(), 400, "parameter_absent");

        assertThat(answer.form()).containsEntry("oauth_parameters_absent", "oauth_callback");
    }

    @Test
    void missingProtocolParametersAreNamed() {
        Credentials client = registerClient(CALLBACK, "profile");

        Answer answer = refused(tokenRequest(client).oauth("oauth_nonce", null).oauth("oauth_timestamp", null).build(),
                400, "parameter_absent");

        assertThat(answer.form()).containsEntry("oauth_parameters_absent", "oauth_timestamp&oauth_nonce");
    }

    @Test
    void noCredentialsAtAllAskForThem() {
        Answer answer = refused(new Request.Builder().url(provider() + "/api/me").build(), 401, "parameter_absent");

        // RFC 5849 Section 3.2 with RFC 7235 Section 3.1: unauthenticated, so a challenge naming the realm.
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("OAuth realm=\"profile\"");
        assertThat(answer.form().get("oauth_parameters_absent")).contains("oauth_consumer_key").contains("oauth_token");
        Answer tokenEndpoint = refused(new Request.Builder().url(provider() + "/oauth/request_token").build(), 401,
                "parameter_absent");
        assertThat(tokenEndpoint.header("WWW-Authenticate")).isEqualTo("OAuth realm=\"oauth\"");
    }

    @Test
    void someOAuthParametersButNotAllAreABadRequest() {
        Request onlyAKey = new Request.Builder().url(provider() + "/api/me")
                .header("Authorization", "OAuth oauth_consumer_key=\"abc\"").build();

        Answer answer = refused(onlyAKey, 400, "parameter_absent");

        assertThat(answer.form().get("oauth_parameters_absent")).contains("oauth_signature").contains("oauth_token");
    }

    @Test
    void aProtocolParameterSentTwiceIsRefused() {
        Credentials client = registerClient(CALLBACK, "profile");

        refused(tokenRequest(client).query("oauth_nonce", "second").build(), 400, "parameter_rejected");
    }

    @Test
    void anotherVersionIsRefused() {
        Credentials client = registerClient(CALLBACK, "profile");

        Answer answer = refused(tokenRequest(client).oauth("oauth_version", "2.0").build(), 400, "version_rejected");

        assertThat(answer.form()).containsEntry("oauth_acceptable_versions", "1.0-1.0");
    }

    @Test
    void anUnknownSignatureMethodIsRefused() {
        Credentials client = registerClient(CALLBACK, "profile");

        refused(tokenRequest(client).oauth("oauth_signature_method", "HMAC-MD5").build(), 400,
                "signature_method_rejected");
    }

    @Test
    void plaintextIsRefusedOverHttp() {
        Credentials client = registerClient(CALLBACK, "profile");

        Answer answer = refused(tokenRequest(client).oauth("oauth_signature_method", "PLAINTEXT")
                .signature(client.secret() + "&").build(), 400, "signature_method_rejected");

        assertThat(answer.form().get("oauth_problem_advice")).contains("HTTPS");
    }

    @Test
    void aTimestampThatIsNotAPositiveIntegerIsRefused() {
        Credentials client = registerClient(CALLBACK, "profile");

        refused(tokenRequest(client).oauth("oauth_timestamp", "-5").build(), 400, "parameter_rejected");
        refused(tokenRequest(client).oauth("oauth_timestamp", "12.5").build(), 400, "parameter_rejected");
    }

    @Test
    void aStaleTimestampIsRefused() {
        Credentials client = registerClient(CALLBACK, "profile");
        String hourAgo = Long.toString(Instant.now().getEpochSecond() - 3600);

        Answer answer = refused(tokenRequest(client).oauth("oauth_timestamp", hourAgo).build(), 401,
                "timestamp_refused");

        assertThat(answer.form()).containsKey("oauth_acceptable_timestamps");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("OAuth realm=\"oauth\"");
    }

    @Test
    void anOverLongNonceIsRefused() {
        Credentials client = registerClient(CALLBACK, "profile");

        refused(tokenRequest(client).oauth("oauth_nonce", "n".repeat(65)).build(), 400, "parameter_rejected");
    }

    @Test
    void anUnknownClientIsRefused() {
        refused(new SignedRequestBuilder("POST", provider() + "/oauth/request_token", "nobody", "secret")
                .oauth("oauth_callback", CALLBACK).build(), 401, "consumer_key_unknown");
    }

    @Test
    void aWrongSignatureIsRefusedWithTheBaseStringToCompare() {
        Credentials client = registerClient(CALLBACK, "profile");

        Answer answer = refused(tokenRequest(client).signWith("not-the-secret", "").build(), 401, "signature_invalid");

        assertThat(answer.form().get("oauth_signature_base_string"))
                .startsWith("POST&" + com.example.oauth.common.oauth1.PercentEncoding.encode(provider()));
    }

    @Test
    void aMalformedHeaderIsABadRequest() {
        Request request = new Request.Builder().url(provider() + "/oauth/request_token")
                .header("Authorization", "OAuth oauth_consumer_key=\"unterminated")
                .post(okhttp3.RequestBody.create(new byte[0])).build();

        refused(request, 400, "parameter_rejected");
    }

    @Test
    void theSameSignedRequestTwiceIsAReplay() {
        Credentials client = registerClient(CALLBACK, "profile");
        Request request = tokenRequest(client).build();

        assertThat(send(request).status()).isEqualTo(200);
        refused(request, 401, "nonce_used");
    }

    @Test
    void onlyARegisteredCallbackIsAccepted() {
        Credentials client = registerClient(CALLBACK, "profile");

        refused(tokenRequest(client).oauth("oauth_callback", "http://localhost:8000/elsewhere").build(), 400,
                "parameter_rejected");
        refused(tokenRequest(client).oauth("oauth_callback", CALLBACK + "/").build(), 400, "parameter_rejected");
        Answer oob = refused(tokenRequest(client).oauth("oauth_callback", "oob").build(), 400, "parameter_rejected");
        assertThat(oob.form().get("oauth_problem_advice")).contains("oob");
    }

    @Test
    void onlyRegisteredRealmsMayBeAskedFor() {
        Credentials client = registerClient(CALLBACK, "email");

        refused(tokenRequest(client).body("scope", "profile").build(), 400, "parameter_rejected");
        refused(tokenRequest(client).body("scope", "admin").build(), 400, "parameter_rejected");
    }

    @Test
    void parametersMayComeFromTheQueryWithAGet() {
        Credentials client = registerClient(CALLBACK, "profile");
        Request request = new SignedRequestBuilder("GET", provider() + "/oauth/request_token", client.key(),
                client.secret()).query("oauth_callback", CALLBACK).query("scope", "profile").build();

        Answer answer = send(request);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.form()).containsEntry("oauth_callback_confirmed", "true");
    }

    @Test
    void parametersMayComeFromAFormBody() {
        Credentials client = registerClient(CALLBACK, "profile");
        Request request = new SignedRequestBuilder("POST", provider() + "/oauth/request_token", client.key(),
                client.secret()).body("oauth_callback", CALLBACK).body("scope", "profile").build();

        Answer answer = send(request);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void everyProtocolParameterMayComeFromTheBody() {
        Credentials client = registerClient(CALLBACK, "profile");
        // No Authorization header at all: RFC 5849 §3.5.2.
        Request headerSigned = tokenRequest(client).body("x", "a b+c").build();
        var header = com.example.oauth.common.oauth1.AuthorizationHeader.parse(headerSigned.header("Authorization"));
        okhttp3.FormBody.Builder body = new okhttp3.FormBody.Builder().add("x", "a b+c");
        header.parameters().forEach(p -> body.add(p.name(), p.value()));
        Request request = new Request.Builder().url(provider() + "/oauth/request_token").post(body.build()).build();

        Answer answer = send(request);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void aStrangeHostHeaderIsABadRequest() throws Exception {
        Credentials client = registerClient(CALLBACK, "profile");
        String authorization = tokenRequest(client).build().header("Authorization");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /oauth/request_token HTTP/1.1\r\nHost: 1.2.3:5000\r\n"
                    + "Authorization: " + authorization + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                    .lines().findFirst().orElse("");
            assertThat(status).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void aNonceWithoutATimestampIsRefused() {
        Credentials client = registerClient(CALLBACK, "profile");

        refused(tokenRequest(client).oauth("oauth_timestamp", null).build(), 400, "parameter_absent");
    }

    @Test
    void hmacSha256IsAccepted() {
        Credentials client = registerClient(CALLBACK, "profile");

        Answer answer = send(tokenRequest(client).oauth("oauth_signature_method", "HMAC-SHA256").build());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void rsaSha1IsAcceptedWithTheRegisteredKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Browser developer = loggedInUser(uniqueName("rsa"));
        Map<String, String> form = new HashMap<>(Map.of("redirect_uri", CALLBACK, "realms", "profile",
                "rsa_public_key", PemPublicKeys.format(keys.getPublic())));
        form.put("_csrf", developer.get(provider() + "/client").csrfToken());
        Page registered = developer.post(provider() + "/client", form, Map.of("Accept", "application/json"));
        String key = JsonMapper.builder().build().readTree(registered.body()).get("client_key").asString();

        SignedRequestBuilder builder = new SignedRequestBuilder("POST", provider() + "/oauth/request_token", key, "")
                .oauth("oauth_signature_method", "RSA-SHA1").oauth("oauth_callback", CALLBACK);
        // Sign the same parameters the builder will send.
        Request unsigned = builder.signature("x").build();
        String header = unsigned.header("Authorization");
        var parameters = new ArrayList<>(com.example.oauth.common.oauth1.AuthorizationHeader.parse(header).parameters());
        parameters.removeIf(p -> p.name().equals("oauth_signature"));
        String baseString = SignatureBaseString.of("POST", java.net.URI.create(provider() + "/oauth/request_token"),
                parameters);
        Request signed = builder.signature(SignatureMethods.RSA_SHA1.sign(baseString, keys.getPrivate())).build();

        Answer answer = send(signed);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);

        // The same request signed with another key fails.
        KeyPair other = generator.generateKeyPair();
        refused(builder.signature(SignatureMethods.RSA_SHA1.sign(baseString, other.getPrivate())).build(), 401,
                "signature_invalid");
    }

    @Test
    void rsaSha1WithoutARegisteredKeyIsRefused() {
        Credentials client = registerClient(CALLBACK, "profile");

        refused(tokenRequest(client).oauth("oauth_signature_method", "RSA-SHA1").signature("AAAA").build(), 400,
                "signature_method_rejected");
    }

    @Test
    void aWrongVerifierIsRefusedAndTheTokenStaysUsable() {
        Credentials client = registerClient(CALLBACK, "profile");
        Map<String, String> requestToken = authorizedRequestToken(client);

        refused(exchange(client, requestToken).oauth("oauth_verifier", "wrong").build(), 401, "verifier_invalid");

        assertThat(send(exchange(client, requestToken).build()).status()).isEqualTo(200);
    }

    @Test
    void theConsentAnswerMustBeYesOrNo() {
        Credentials client = registerClient(CALLBACK, "profile");
        String token = send(tokenRequest(client).build()).form().get("oauth_token");

        Page answer = consent(loggedInUser(uniqueName("maybe")), token, "Yes");

        assertThat(answer.status()).isEqualTo(400);
        RequestToken stored = requestTokens.findByToken(token).orElseThrow();
        assertThat(stored.isAuthorized()).isFalse();
    }

    @Test
    void aRequestTokenIsAnsweredOnce() {
        Credentials client = registerClient(CALLBACK, "profile");
        String token = send(tokenRequest(client).build()).form().get("oauth_token");
        Browser user = loggedInUser(uniqueName("twice"));
        Page form = user.get(provider() + "/oauth/authorize?oauth_token=" + token);

        Page yes = user.post(provider() + "/oauth/authorize",
                Map.of("oauth_token", token, "confirm", "yes", "_csrf", form.csrfToken()));
        Page no = user.post(provider() + "/oauth/authorize",
                Map.of("oauth_token", token, "confirm", "no", "_csrf", form.csrfToken()));

        assertThat(yes.status()).isEqualTo(303);
        assertThat(no.status()).isEqualTo(400);
        assertThat(requestTokens.findByToken(token).orElseThrow().isAuthorized()).isTrue();
    }

    @Test
    void aTokenNotYetAuthorizedCannotBeExchanged() {
        Credentials client = registerClient(CALLBACK, "profile");
        Map<String, String> issued = send(tokenRequest(client).build()).form();
        issued.put("oauth_verifier", "guess");

        refused(exchange(client, issued).build(), 401, "permission_unknown");
    }

    @Test
    void anotherClientsRequestTokenIsRefused() {
        Credentials owner = registerClient(CALLBACK, "profile");
        Credentials thief = registerClient(CALLBACK, "profile");
        Map<String, String> requestToken = authorizedRequestToken(owner);

        refused(exchange(thief, requestToken).build(), 401, "token_rejected");

        assertThat(send(exchange(owner, requestToken).build()).status()).isEqualTo(200);
    }

    @Test
    void theTokenSecretIsPartOfTheSignature() {
        Credentials client = registerClient(CALLBACK, "profile");
        Map<String, String> requestToken = authorizedRequestToken(client);

        refused(exchange(client, requestToken).signWith(client.secret(), "wrong").build(), 401, "signature_invalid");
    }

    @Test
    void anExpiredRequestTokenIsRefused() {
        Credentials client = registerClient(CALLBACK, "profile");
        Map<String, String> requestToken = authorizedRequestToken(client);
        jdbc.update("update request_token set expires_at = ? where token = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), requestToken.get("oauth_token"));

        refused(exchange(client, requestToken).build(), 401, "token_expired");
    }

    @Test
    void anExpiredRequestTokenCannotBeAuthorized() {
        Credentials client = registerClient(CALLBACK, "profile");
        String token = send(tokenRequest(client).build()).form().get("oauth_token");
        jdbc.update("update request_token set expires_at = ? where token = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), token);

        Page page = loggedInUser(uniqueName("late")).get(provider() + "/oauth/authorize?oauth_token=" + token);

        assertThat(page.status()).isEqualTo(400);
    }

    @Test
    void aRequestTokenIsNoAccessToken() {
        Credentials client = registerClient(CALLBACK, "profile");
        Map<String, String> requestToken = authorizedRequestToken(client);

        refused(me(client, requestToken).build(), 401, "token_rejected");
    }

    @Test
    void theApiAnswersWithTheProfileRealmChallenge() {
        Credentials client = registerClient(CALLBACK, "profile");
        Map<String, String> token = accessToken(client);

        Answer answer = refused(me(client, token).signWith(client.secret(), "wrong").build(), 401,
                "signature_invalid");

        assertThat(answer.header("WWW-Authenticate")).isEqualTo("OAuth realm=\"profile\"");
    }

    @Test
    void aSignedApiCallCannotBeReplayed() {
        Credentials client = registerClient(CALLBACK, "profile");
        Map<String, String> token = accessToken(client);
        Request request = me(client, token).build();

        assertThat(send(request).status()).isEqualTo(200);
        refused(request, 401, "nonce_used");
    }

    @Test
    void oneVerifierExchangedFromManyThreadsGivesExactlyOneAccessToken() throws Exception {
        Credentials client = registerClient(CALLBACK, "profile");
        Map<String, String> requestToken = authorizedRequestToken(client);
        long before = accessTokens.count();
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Request request = exchange(client, requestToken).build(); // each with its own nonce
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
        assertThat(accessTokens.count()).isEqualTo(before + 1);
    }

    @Test
    void oldNoncesAndExpiredRequestTokensArePurged() {
        Credentials client = registerClient(CALLBACK, "profile");
        long old = Instant.now().getEpochSecond() - 3600;
        nonces.saveAndFlush(new Nonce(client.key(), old, "old-nonce", ""));
        String expired = send(tokenRequest(client).build()).form().get("oauth_token");
        String live = send(tokenRequest(client).build()).form().get("oauth_token");
        jdbc.update("update request_token set expires_at = ? where token = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), expired);

        housekeeping.purge();

        assertThat(jdbc.queryForObject("select count(*) from nonce where timestamp < ?", Long.class,
                Instant.now().getEpochSecond() - 400)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from nonce where client_key = ?", Long.class, client.key()))
                .isEqualTo(2); // the two fresh requests' nonces stay
        assertThat(requestTokens.findByToken(expired)).isEmpty();
        assertThat(requestTokens.findByToken(live)).isPresent();
    }

    @Test
    void aSignedCallCostsOneReadAndOneNonceWrite() {
        Credentials client = registerClient(CALLBACK, "profile");
        Map<String, String> token = accessToken(client);
        List<String> statements = List.of();
        // A purge by the housekeeping job in between would count too: then try again.
        for (int attempt = 0; attempt < 3 && statements.size() != 2; attempt++) {
            Request request = me(client, token).build(); // a fresh nonce for each attempt
            statements = H2Statements.during(jdbc, () -> assertThat(send(request).status()).isEqualTo(200));
        }
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).startsWith("1x insert into nonce");
        assertThat(statements.get(1)).startsWith("1x select").contains("from access_token");
    }
}
