package com.example.clientapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.example.clientapp.common.Dance;
import com.example.clientapp.common.Leg;
import com.example.oauth.common.oauth2.PkceChallenge;
import com.example.oauth.common.security.RandomTokens;

/**
 * Spring Security's calls to the provider, made through a RestClient with
 * the recording interceptor, become legs of the visitor's dance, secrets
 * masked; Spring still reads every answer whole.
 */
class ProviderCallsTest {

    private final ProviderCalls calls = new ProviderCalls();
    private final MockHttpServletRequest browser = new MockHttpServletRequest();
    private Dance dance;

    @BeforeEach
    void aVisitorsRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(browser));
        dance = Dance.start(browser.getSession());
    }

    @AfterEach
    void noRequestLeft() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theTokenRequestIsRecordedMaskedAndItsVerifierChecked() {
        String code = RandomTokens.generate(32);
        String verifier = RandomTokens.generate(43);
        String secret = RandomTokens.generate(40);
        String accessToken = RandomTokens.generate(40);
        String signature = RandomTokens.generate(342);
        String answer = "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"id_token\":\"eyJh.eyJz."
                + signature + "\"}";
        dance.add(new Leg(LegKind.AUTHORIZATION_REQUEST, "HTTP/1.1 302\nLocation: http://127.0.0.1:5000/oauth/authorize?"
                + "code_challenge=" + PkceChallenge.s256(verifier) + "&code_challenge_method=S256", null));
        RestClient.Builder builder = RestClient.builder().requestInterceptor(calls.recording(LegKind.TOKEN_REQUEST));
        MockRestServiceServer provider = MockRestServiceServer.bindTo(builder).build();
        provider.expect(requestTo("http://127.0.0.1:5000/oauth/token")).andExpect(method(HttpMethod.POST))
                .andRespond(withSuccess(answer, MediaType.APPLICATION_JSON));

        String read = builder.build().post().uri("http://127.0.0.1:5000/oauth/token")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("demo-1:" + secret).getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=authorization_code&code=" + code + "&code_verifier=" + verifier)
                .retrieve().body(String.class);

        assertThat(read).isEqualTo(answer); // Spring reads the answer whole, after the recording
        Leg leg = dance.newest(LegKind.TOKEN_REQUEST);
        assertThat(leg.message()).startsWith("POST /oauth/token HTTP/1.1\nHost: 127.0.0.1:5000")
                .contains("\"demo-1:" + secret.substring(0, 6) + "…(40)\"")
                .contains("code=" + code.substring(0, 6) + "…(32)").doesNotContain(code).doesNotContain(verifier)
                .doesNotContain(secret);
        assertThat(leg.answer()).startsWith("HTTP/1.1 200").doesNotContain(accessToken).doesNotContain(signature)
                .contains("\"id_token\":\"eyJh.eyJz." + signature.substring(0, 6) + "…(342)\"");
        assertThat(leg.checks()).singleElement().satisfies(check -> {
            assertThat(check.passed()).isTrue();
            assertThat(check.what()).startsWith("S256(code_verifier) = " + PkceChallenge.s256(verifier));
        });
        assertThat(leg.failure()).isNull();
    }

    @Test
    void aRefusalEndsTheDanceAtThatLegWithTheProvidersErrorCode() {
        RestClient.Builder builder = RestClient.builder().requestInterceptor(calls.recording(LegKind.USERINFO));
        MockRestServiceServer provider = MockRestServiceServer.bindTo(builder).build();
        provider.expect(requestTo("http://127.0.0.1:5000/oauth/userinfo")).andRespond(withStatus(HttpStatus.FORBIDDEN)
                .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"")
                .contentType(MediaType.APPLICATION_JSON).body("{\"error\":\"insufficient_scope\"}"));

        assertThatThrownBy(() -> builder.build().get().uri("http://127.0.0.1:5000/oauth/userinfo").retrieve()
                .body(String.class)).isNotNull();

        Leg leg = dance.newest(LegKind.USERINFO);
        assertThat(leg.answer()).contains("WWW-Authenticate: Bearer error=\"insufficient_scope\"");
        assertThat(leg.failure()).isEqualTo("The provider refused this call: status 403 (insufficient_scope).");
    }

    @Test
    void discoveryIsTheAppsOnceAndEverySignInShowsIt() {
        RestClient.Builder builder = RestClient.builder().requestInterceptor(calls.recording(LegKind.DISCOVERY));
        MockRestServiceServer provider = MockRestServiceServer.bindTo(builder).build();
        provider.expect(requestTo("http://127.0.0.1:5000/.well-known/openid-configuration"))
                .andRespond(withSuccess("{\"issuer\":\"http://127.0.0.1:5000\"}", MediaType.APPLICATION_JSON));

        builder.build().get().uri("http://127.0.0.1:5000/.well-known/openid-configuration").retrieve().body(String.class);
        calls.checkShared(LegKind.DISCOVERY, "issuer is http://127.0.0.1:5000", true);

        // Made while no sign-in of this visitor's had begun: not in the dance it happened in...
        assertThat(dance.newest(LegKind.DISCOVERY)).isNull();
        // ...but in every dance that relies on it, once.
        Dance next = Dance.start(browser.getSession());
        calls.reuse(next, LegKind.DISCOVERY);
        calls.reuse(next, LegKind.DISCOVERY);
        assertThat(next.legs()).singleElement().satisfies(leg -> {
            assertThat(leg.kind()).isEqualTo(LegKind.DISCOVERY);
            assertThat(leg.answer()).contains("\"issuer\":\"http://127.0.0.1:5000\"");
            assertThat(leg.checks()).extracting(Leg.Check::what).first().isEqualTo("issuer is http://127.0.0.1:5000");
            assertThat(leg.checks().get(1).what()).startsWith("asked once by the app, at ");
        });
    }

    @Test
    void aCallThatGetsNoAnswerIsRecordedAndSaysWhy() {
        RestClient client = RestClient.builder().requestInterceptor(calls.recording(LegKind.JWKS)).build();

        assertThatThrownBy(() -> client.get().uri("http://127.0.0.1:1/oauth/jwks").retrieve().body(String.class))
                .isInstanceOf(ResourceAccessException.class);

        assertThat(dance.newest(LegKind.JWKS).failure())
                .isEqualTo("No answer: nothing listens at http://127.0.0.1:1. Is the provider running?");
    }

    @Test
    void outsideAVisitorsRequestNothingIsRecordedInAnyDance() {
        RequestContextHolder.resetRequestAttributes();
        RestClient.Builder builder = RestClient.builder().requestInterceptor(calls.recording(LegKind.USERINFO));
        MockRestServiceServer provider = MockRestServiceServer.bindTo(builder).build();
        provider.expect(requestTo("http://127.0.0.1:5000/oauth/userinfo")).andRespond(withSuccess());

        builder.build().get().uri("http://127.0.0.1:5000/oauth/userinfo").retrieve().toBodilessEntity();

        assertThat(dance.legs()).isEmpty();
    }
}
