package com.example.oauth.common.oauth1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.example.oauth.common.testing.MovableClock;
import com.example.oauth.common.testing.SignedRequestBuilder;

/**
 * What the engine's tests share: the engine on an in-memory storage and a
 * clock they can move, no database, no HTTP; a client registered; the legs
 * of the dance; and {@link #refused}, which checks a refusal and that it
 * stored nothing.
 */
abstract class OAuth1EngineTest {

    static final String PROVIDER = "http://127.0.0.1:5000";
    static final String CALLBACK = "http://localhost:8000/authorized";

    /** Temporary credentials as the client holds them, with the verifier once the user allowed access. */
    record Issued(String token, String secret, String verifier) {
    }

    final InMemoryOAuth1Storage storage = new InMemoryOAuth1Storage();
    final MovableClock clock = new MovableClock(Instant.now());
    final OAuth1Provider provider = new OAuth1Provider(storage, clock);
    final InMemoryOAuth1Storage.Client client =
            storage.register("client-key", "client-secret", List.of(CALLBACK), List.of("profile", "email"));

    /** §2.1, signed by this client. */
    SignedRequestBuilder temporaryCredentialsRequest(InMemoryOAuth1Storage.Client by) {
        return new SignedRequestBuilder("POST", PROVIDER + "/oauth/request_token", by.clientKey(), by.clientSecret())
                .oauth("oauth_callback", CALLBACK);
    }

    Issued requestToken(InMemoryOAuth1Storage.Client by) {
        CredentialsResponse answer =
                provider.issueTemporaryCredentials(temporaryCredentialsRequest(by).toSignedRequest(false));
        return new Issued(answer.token(), answer.tokenSecret(), null);
    }

    /** A request token, which alice allowed. */
    Issued authorizedRequestToken(InMemoryOAuth1Storage.Client by) {
        Issued issued = requestToken(by);
        AuthorizationResponse answer = provider.allow(issued.token(), "alice");
        return new Issued(issued.token(), issued.secret(), answer.verifier());
    }

    /** §2.3, signed by this client with the request token's secret. */
    SignedRequestBuilder tokenRequest(InMemoryOAuth1Storage.Client by, Issued requestToken) {
        return new SignedRequestBuilder("POST", PROVIDER + "/oauth/access_token", by.clientKey(), by.clientSecret())
                .token(requestToken.token(), requestToken.secret())
                .oauth("oauth_verifier", requestToken.verifier());
    }

    Issued accessToken(InMemoryOAuth1Storage.Client by) {
        CredentialsResponse answer = provider.issueTokenCredentials(
                tokenRequest(by, authorizedRequestToken(by)).toSignedRequest(false));
        return new Issued(answer.token(), answer.tokenSecret(), null);
    }

    /** §3, a call to /api/me signed with this access token. */
    SignedRequestBuilder resourceRequest(InMemoryOAuth1Storage.Client by, Issued accessToken) {
        return new SignedRequestBuilder("GET", PROVIDER + "/api/me", by.clientKey(), by.clientSecret())
                .token(accessToken.token(), accessToken.secret());
    }

    /** The call must be refused with this status and problem, and store nothing. */
    OAuthProblem refused(Supplier<?> call, int status, String problem) {
        Set<String> before = storage.contents();

        OAuthProblem refusal = catchThrowableOfType(OAuthProblem.class, call::get);

        assertThat(refusal).as("refused with " + problem).isNotNull();
        assertThat(refusal.getStatus()).as(refusal.getMessage()).isEqualTo(status);
        assertThat(fields(refusal)).as(refusal.getMessage()).containsEntry("oauth_problem", problem);
        assertThat(storage.contents()).isEqualTo(before);
        return refusal;
    }

    /** The form-encoded answer of a refusal, as a map. */
    static Map<String, String> fields(OAuthProblem problem) {
        Map<String, String> fields = new HashMap<>();
        Parameter.parseForm(problem.toFormBody()).forEach(p -> fields.put(p.name(), p.value()));
        return fields;
    }
}
