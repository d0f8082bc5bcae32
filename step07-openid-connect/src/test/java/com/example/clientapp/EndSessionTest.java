package com.example.clientapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import com.example.clientapp.common.Dance;
import com.example.clientapp.common.Leg;
import com.example.oauth.common.security.RandomTokens;

/**
 * RP-Initiated Logout 1.0 §2: the browser goes to the provider's
 * end_session_endpoint with the id_token as a hint and the post-logout
 * redirect URI this app registered, made from its configuration whatever
 * Host header the request came with; the dance survives the session.
 */
class EndSessionTest {

    private final ClientAppProperties properties = new ClientAppProperties("http://127.0.0.1:5000", "demo-1",
            "secret", "http://127.0.0.1:5000/oauth/authorize", "http://localhost:8000", "");

    @Test
    void logoutGoesToTheEndSessionEndpointWithTheHintAndTheRegisteredReturn() throws Exception {
        ClientRegistration registration = ClientRegistration.withClientRegistration(IdTokenChecksTest.registration())
                .providerConfigurationMetadata(Map.of("end_session_endpoint", "http://127.0.0.1:5000/oauth/logout"))
                .build();
        EndSession endSession = new EndSession(new InMemoryClientRegistrationRepository(registration), properties);
        String signature = RandomTokens.generate(342);
        String idTokenValue = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9." + signature;
        OidcIdToken idToken = new OidcIdToken(idTokenValue, Instant.now(), Instant.now().plusSeconds(300),
                Map.of("sub", "alice", "iss", "http://127.0.0.1:5000"));
        OAuth2AuthenticationToken signedIn = new OAuth2AuthenticationToken(
                new DefaultOidcUser(AuthorityUtils.NO_AUTHORITIES, idToken), List.of(), "tutorial");
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/logout");
        request.setServerName("attacker.example"); // the Host header is the browser's to choose
        request.addHeader("Host", "attacker.example");
        Dance dance = Dance.start(request.getSession());
        dance.add(new Leg(LegKind.AUTHORIZATION_REQUEST, "the sign-in", null));
        MockHttpServletResponse response = new MockHttpServletResponse();

        endSession.logout(request, response, signedIn);
        request.getSession().invalidate(); // what Spring Security's own logout handler does next
        endSession.onLogoutSuccess(request, response, signedIn);

        assertThat(response.getRedirectedUrl()).startsWith("http://127.0.0.1:5000/oauth/logout?")
                .contains("id_token_hint=" + idTokenValue)
                .contains("post_logout_redirect_uri=http://localhost:8000/").doesNotContain("attacker");
        Dance carried = (Dance) request.getSession().getAttribute(Dance.SESSION_KEY);
        assertThat(carried.legs()).extracting(Leg::kind)
                .containsExactly(LegKind.AUTHORIZATION_REQUEST, LegKind.LOGOUT_REQUEST);
        assertThat(carried.newest(LegKind.LOGOUT_REQUEST).answer()).doesNotContain(signature)
                .contains("id_token_hint=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9." + signature.substring(0, 6));
        assertThat(request.getSession().getAttribute(EndSession.LOGGED_OUT)).isEqualTo(Boolean.TRUE);
    }

    @Test
    void withoutAnEndSessionEndpointTheAppLogsOutAloneAndSaysSo() throws Exception {
        EndSession endSession = new EndSession(
                new InMemoryClientRegistrationRepository(IdTokenChecksTest.registration()), properties);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/logout");
        MockHttpServletResponse response = new MockHttpServletResponse();

        endSession.onLogoutSuccess(request, response, null);

        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        Dance dance = (Dance) request.getSession().getAttribute(Dance.SESSION_KEY);
        assertThat(dance.newest(LegKind.LOGOUT_REQUEST).failure()).startsWith("Logged out of this app only");
    }
}
