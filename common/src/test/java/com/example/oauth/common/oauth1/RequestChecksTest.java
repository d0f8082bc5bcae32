package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.oauth.common.testing.SignedRequestBuilder;

/**
 * The checks every signed request passes (RFC 5849 §3.2 to §3.4), each
 * broken once, on the temporary credentials endpoint unless the rule needs
 * a token: the status and problem of the refusal, and that nothing was stored.
 */
class RequestChecksTest extends OAuth1EngineTest {

    private CredentialsResponse issue(SignedRequestBuilder request) {
        return provider.issueTemporaryCredentials(request.toSignedRequest(false));
    }

    private OAuthProblem refusedTemporary(SignedRequestBuilder request, int status, String problem) {
        return refused(() -> issue(request), status, problem);
    }

    private SignedRequestBuilder request() {
        return temporaryCredentialsRequest(client);
    }

    private String now(long plusSeconds) {
        return Long.toString(clock.instant().getEpochSecond() + plusSeconds);
    }

    @Test
    void aGoodRequestIsAccepted() {
        assertThat(issue(request()).token()).hasSize(30);
    }

    @Test
    void noOAuthParameterAtAllIsUnauthenticatedAndNamesWhatIsNeeded() {
        SignedRequest unsigned = SignedRequest.read("POST", PROVIDER + "/oauth/request_token", null, null, null, false);

        OAuthProblem problem = refused(() -> provider.issueTemporaryCredentials(unsigned), 401, "parameter_absent");

        // §3.2 with RFC 7235 §3.1: 401, so that the step sends the challenge.
        assertThat(fields(problem)).containsEntry("oauth_parameters_absent",
                "oauth_consumer_key&oauth_signature_method&oauth_signature&oauth_callback");
        SignedRequest unsignedCall = SignedRequest.read("GET", PROVIDER + "/api/me", null, null, null, false);
        OAuthProblem call = refused(() -> provider.checkResourceRequest(unsignedCall, "profile"), 401,
                "parameter_absent");
        assertThat(fields(call).get("oauth_parameters_absent")).contains("oauth_token");
    }

    @Test
    void someOAuthParametersButNotAllAreABadRequestNamingTheMissingOnes() {
        SignedRequest onlyAKey = SignedRequest.read("GET", PROVIDER + "/api/me", null,
                "OAuth oauth_consumer_key=\"client-key\"", null, false);

        OAuthProblem problem = refused(() -> provider.checkResourceRequest(onlyAKey, "profile"), 400,
                "parameter_absent");

        assertThat(fields(problem).get("oauth_parameters_absent"))
                .contains("oauth_signature_method", "oauth_signature", "oauth_token");
    }

    @Test
    void aMissingCallbackIsNamed() {
        OAuthProblem problem = refusedTemporary(request().oauth("oauth_callback", null), 400, "parameter_absent");

        assertThat(fields(problem)).containsEntry("oauth_parameters_absent", "oauth_callback");
    }

    @Test
    void aMissingTimestampAndNonceAreNamed() {
        OAuthProblem problem = refusedTemporary(request().oauth("oauth_timestamp", null).oauth("oauth_nonce", null),
                400, "parameter_absent");

        assertThat(fields(problem)).containsEntry("oauth_parameters_absent", "oauth_timestamp&oauth_nonce");
    }

    @Test
    void aNonceWithoutItsTimestampIsRefused() {
        refusedTemporary(request().oauth("oauth_timestamp", null), 400, "parameter_absent");
    }

    @Test
    void aProtocolParameterSentTwiceIsRefusedInOnePlaceOrTwo() {
        // §3.1: once, whether the second is in the header too or in the query.
        for (SignedRequestBuilder twice : List.of(request().header("oauth_nonce", "second"),
                request().query("oauth_nonce", "second"))) {
            OAuthProblem problem = refusedTemporary(twice, 400, "parameter_rejected");

            assertThat(fields(problem)).containsEntry("oauth_parameters_rejected", "oauth_nonce");
        }
    }

    @Test
    void onlyVersionOnePointZeroIsAcceptedAndItMayBeLeftOut() {
        OAuthProblem problem = refusedTemporary(request().oauth("oauth_version", "2.0"), 400, "version_rejected");

        assertThat(fields(problem)).containsEntry("oauth_acceptable_versions", "1.0-1.0");
        assertThat(issue(request().oauth("oauth_version", null)).token()).isNotEmpty();
    }

    @Test
    void anUnknownSignatureMethodIsRefusedAndNamesAreCaseSensitive() {
        refusedTemporary(request().oauth("oauth_signature_method", "HMAC-MD5"), 400, "signature_method_rejected");
        refusedTemporary(request().oauth("oauth_signature_method", "hmac-sha1"), 400, "signature_method_rejected");
    }

    @Test
    void hmacSha256IsAccepted() {
        assertThat(issue(request().oauth("oauth_signature_method", "HMAC-SHA256")).token()).isNotEmpty();
    }

    @Test
    void plaintextIsRefusedOverHttpAndAcceptedOverHttpsEvenWithoutTimestampAndNonce() {
        SignedRequestBuilder plaintext = request().oauth("oauth_signature_method", "PLAINTEXT")
                .signature(client.clientSecret() + "&");

        OAuthProblem problem = refusedTemporary(plaintext, 400, "signature_method_rejected");

        assertThat(problem.getMessage()).contains("HTTPS");
        assertThat(provider.issueTemporaryCredentials(plaintext.toSignedRequest(true)).token()).isNotEmpty();
        SignedRequestBuilder bare = plaintext.oauth("oauth_timestamp", null).oauth("oauth_nonce", null);
        assertThat(provider.issueTemporaryCredentials(bare.toSignedRequest(true)).token()).isNotEmpty();
    }

    @Test
    void aTimestampMustBeAPositiveInteger() {
        for (String timestamp : List.of("-5", "12.5", "0", "1e9", "")) {
            OAuthProblem problem = refusedTemporary(request().oauth("oauth_timestamp", timestamp), 400,
                    "parameter_rejected");
            assertThat(fields(problem)).containsEntry("oauth_parameters_rejected", "oauth_timestamp");
        }
    }

    @Test
    void aTimestampMoreThanFiveMinutesFromTheClockIsRefusedEitherWay() {
        assertThat(issue(request().oauth("oauth_timestamp", now(-300))).token()).isNotEmpty();
        assertThat(issue(request().oauth("oauth_timestamp", now(300))).token()).isNotEmpty();

        OAuthProblem past = refusedTemporary(request().oauth("oauth_timestamp", now(-301)), 401, "timestamp_refused");
        refusedTemporary(request().oauth("oauth_timestamp", now(3600)), 401, "timestamp_refused");

        assertThat(fields(past)).containsEntry("oauth_acceptable_timestamps", now(-300) + "-" + now(300));
    }

    @Test
    void aNonceIsOneToSixtyFourCharacters() {
        assertThat(issue(request().oauth("oauth_nonce", "n".repeat(64))).token()).isNotEmpty();

        OAuthProblem problem = refusedTemporary(request().oauth("oauth_nonce", "n".repeat(65)), 400,
                "parameter_rejected");
        refusedTemporary(request().oauth("oauth_nonce", ""), 400, "parameter_rejected");

        assertThat(fields(problem)).containsEntry("oauth_parameters_rejected", "oauth_nonce");
    }

    @Test
    void anUnknownClientIsRefused() {
        InMemoryOAuth1Storage.Client stranger =
                new InMemoryOAuth1Storage.Client("nobody", "secret", null, List.of(CALLBACK), List.of("profile"));

        refusedTemporary(temporaryCredentialsRequest(stranger), 401, "consumer_key_unknown");
    }

    @Test
    void aWrongSignatureIsRefusedWithTheBaseStringToCompare() {
        SignedRequestBuilder wrong = request().signWith("not-the-secret", "");

        OAuthProblem problem = refusedTemporary(wrong, 401, "signature_invalid");

        assertThat(fields(problem)).containsEntry("oauth_signature_base_string", wrong.baseString());
    }

    @Test
    void aChangedParameterBreaksTheSignature() {
        SignedRequestBuilder signed = request().body("scope", "profile");
        String authorization = signed.authorization();
        SignedRequest changed = SignedRequest.read("POST", PROVIDER + "/oauth/request_token", null, authorization,
                "scope=email", false);

        refused(() -> provider.issueTemporaryCredentials(changed), 401, "signature_invalid");
    }

    @Test
    void rsaSha1IsCheckedWithTheRegisteredPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        InMemoryOAuth1Storage.Client rsaClient = new InMemoryOAuth1Storage.Client("rsa-client", "",
                PemPublicKeys.format(keys.getPublic()), List.of(CALLBACK), List.of("profile"));
        storage.clients.put(rsaClient.clientKey(), rsaClient);
        SignedRequestBuilder request = temporaryCredentialsRequest(rsaClient).oauth("oauth_signature_method", "RSA-SHA1");

        String signature = SignatureMethods.RSA_SHA1.sign(request.baseString(), keys.getPrivate());
        String otherKeys = SignatureMethods.RSA_SHA1.sign(request.baseString(),
                generator.generateKeyPair().getPrivate());

        refusedTemporary(request.signature(otherKeys), 401, "signature_invalid");
        assertThat(issue(request.signature(signature)).token()).isNotEmpty();
    }

    @Test
    void rsaSha1WithoutARegisteredKeyIsABadRequest() {
        refusedTemporary(request().oauth("oauth_signature_method", "RSA-SHA1").signature("AAAA"), 400,
                "signature_method_rejected");
    }

    @Test
    void theSameNonceAndTimestampTwiceIsAReplay() {
        SignedRequestBuilder request = request();
        issue(request);

        refusedTemporary(request, 401, "nonce_used");
    }

    @Test
    void aNonceIsOncePerClientTimestampAndToken() {
        InMemoryOAuth1Storage.Client other =
                storage.register("other-key", "other-secret", List.of(CALLBACK), List.of("profile"));
        String timestamp = now(0);

        issue(request().oauth("oauth_nonce", "same").oauth("oauth_timestamp", timestamp));
        issue(temporaryCredentialsRequest(other).oauth("oauth_nonce", "same").oauth("oauth_timestamp", timestamp));
        issue(request().oauth("oauth_nonce", "same").oauth("oauth_timestamp", now(1)));

        assertThat(storage.nonces).hasSize(3);
    }

    @Test
    void aRefusedRequestLeavesItsNonceUnusedSoTheClientCanRetry() {
        SignedRequestBuilder wrongCallback = request().oauth("oauth_callback", "http://localhost:8000/elsewhere");
        refusedTemporary(wrongCallback, 400, "parameter_rejected");

        assertThat(issue(wrongCallback.oauth("oauth_callback", CALLBACK)).token()).isNotEmpty();
    }
}
