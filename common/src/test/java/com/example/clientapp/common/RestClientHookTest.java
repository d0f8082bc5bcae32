package com.example.clientapp.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.example.oauth.common.security.SecretMask;
import com.example.oauth.common.testing.CannedProvider;
import com.example.oauth.common.testing.ClientAppUnderTest;

/**
 * The dance fed by a Spring {@code RestClient}, as a client app whose token
 * and UserInfo calls go through one would feed it: from a
 * {@link ClientHttpRequestInterceptor}, with nothing of scribejava or OkHttp.
 */
class RestClientHookTest {

    private static final Masking MASKING = new Masking() {
        @Override
        public String inForm(String form) {
            return Masking.inForm(form, Set.of("code", "client_secret"));
        }

        @Override
        public String inAuthorization(String header) {
            return SecretMask.of(header);
        }

        @Override
        public String inBody(String contentType, String body) {
            return Masking.inJson(body, Set.of("access_token"));
        }
    };

    /** What such a client app writes: each call to the provider becomes a leg of the visitor's dance. */
    static class DanceInterceptor implements ClientHttpRequestInterceptor {

        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            Dance dance = Dance.current();
            if (dance == null) {
                return execution.execute(request, body);
            }
            ProviderCall call = ProviderCall.sent(TestLegs.TOKEN_REQUEST, request.getMethod().name(),
                    request.getURI(), request.getHeaders()::getOrEmpty, new String(body, StandardCharsets.UTF_8),
                    MASKING);
            ClientHttpResponse response;
            try {
                response = execution.execute(request, body);
            } catch (IOException e) {
                dance.add(call.leg().withFailure(call.noAnswer(e)));
                throw e;
            }
            int status = response.getStatusCode().value();
            String answer = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8); // buffered
            dance.add(call.leg().withAnswer(call.answer(status, response.getHeaders()::getOrEmpty, answer, MASKING))
                    .withFailure(ProviderCall.refusal(status, null)));
            return response;
        }
    }

    private final RestClient rest = RestClient.builder()
            .requestFactory(new BufferingClientHttpRequestFactory(new SimpleClientHttpRequestFactory()))
            .requestInterceptor(new DanceInterceptor())
            .build();
    private Dance dance;

    /** A visitor's request is being served on this thread, as when the client app calls the provider. */
    @BeforeEach
    void aVisitorsRequest() {
        MockHttpServletRequest visitor = new MockHttpServletRequest();
        visitor.setSession(new MockHttpSession());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(visitor));
        dance = Dance.start(visitor.getSession());
    }

    @AfterEach
    void done() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aCallThroughARestClientIsALegSecretsMasked() {
        try (CannedProvider provider = new CannedProvider("application/json")) {
            provider.answer("/oauth/token", "{\"access_token\":\"abcdefghijklmnopqrstuvwxyz123456\"}");

            String body = rest.post().uri(provider.url() + "/oauth/token")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body("grant_type=authorization_code&code=abcdefghijklmnopqrstuvwxyz123456")
                    .retrieve().body(String.class);

            assertThat(body).contains("abcdefghijklmnopqrstuvwxyz123456"); // the app still reads the answer whole
            Leg leg = dance.legs().get(0);
            assertThat(leg.kind()).isEqualTo(TestLegs.TOKEN_REQUEST);
            assertThat(leg.message()).startsWith("POST /oauth/token HTTP/1.1\nHost: 127.0.0.1:")
                    .contains("\nContent-Type: application/x-www-form-urlencoded\n")
                    .endsWith("\n\ngrant_type=authorization_code&code=abcdef…(32)");
            assertThat(leg.answer()).startsWith("HTTP/1.1 200\nContent-Type: application/json")
                    .endsWith("\n\n{\"access_token\":\"abcdef…(32)\"}");
            assertThat(leg.failure()).isNull();
        }
    }

    @Test
    void aCallThatGetsNoAnswerIsALegMarked() {
        int closedPort = ClientAppUnderTest.freePort();

        try {
            rest.get().uri("http://127.0.0.1:" + closedPort + "/oauth/userinfo").retrieve().body(String.class);
            throw new AssertionError("answered");
        } catch (ResourceAccessException expected) {
            // the app sees the failure; the dance says it too
        }

        assertThat(dance.legs().get(0).failure())
                .isEqualTo("No answer: nothing listens at http://127.0.0.1:" + closedPort + ". Is the provider running?");
    }
}
