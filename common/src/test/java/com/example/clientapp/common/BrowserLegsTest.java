package com.example.clientapp.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import com.example.oauth.common.security.SecretMask;

/** The legs through the browser are recorded as they went, whoever sends the redirect. */
class BrowserLegsTest {

    private static final String CODE = "abcdefghijklmnopqrstuvwxyz123456";

    private final BrowserLegs browserLegs = new BrowserLegs("http://127.0.0.1:5000/oauth/authorize", "/authorized",
            TestLegs.AUTHORIZATION_REQUEST, TestLegs.AUTHORIZATION_RESPONSE, new Masking() {
                @Override
                public String inForm(String form) {
                    return Masking.inForm(form, java.util.Set.of("code"));
                }

                @Override
                public String inAuthorization(String header) {
                    return SecretMask.of(header);
                }
            });
    private final MockHttpSession session = new MockHttpSession();

    /** A request to the client app, whose handler answers as the given one does. */
    private void visit(String path, String query, int status, String location) throws Exception {
        visit(browserLegs, path, query, status, location);
    }

    private void visit(BrowserLegs browserLegs, String path, String query, int status, String location)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        request.setSession(session);
        request.addHeader("Host", "localhost:8000");
        browserLegs.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            ((HttpServletResponse) res).setStatus(status);
            if (location != null) {
                ((HttpServletResponse) res).setHeader("Location", location);
            }
        });
    }

    @Test
    void theRedirectToTheProviderAndTheAnswerAtTheRedirectUriAreLegs() throws Exception {
        Dance.start(session);

        visit("/", null, 302, "http://127.0.0.1:5000/oauth/authorize?state=s");
        visit("/authorized", "code=" + CODE + "&state=s", 303, "/");

        var legs = Dance.in(session).legs();
        assertThat(legs).extracting(Leg::kind)
                .containsExactly(TestLegs.AUTHORIZATION_REQUEST, TestLegs.AUTHORIZATION_RESPONSE);
        assertThat(legs.get(0).message()).isEqualTo("HTTP/1.1 302\nLocation: http://127.0.0.1:5000/oauth/authorize?state=s");
        assertThat(legs.get(1).message())
                .isEqualTo("GET /authorized?code=abcdef…(32)&state=s HTTP/1.1\nHost: localhost:8000");
        assertThat(legs.get(1).answer()).isEqualTo("HTTP/1.1 303\nLocation: /");
        assertThat(legs.get(1).failure()).isNull();
    }

    @Test
    void anAnswerTheClientAppRefusesEndsTheDanceThere() throws Exception {
        visit("/authorized", "code=x&state=planted", 400, null);

        Leg answer = Dance.in(session).newest(TestLegs.AUTHORIZATION_RESPONSE);
        assertThat(answer.answer()).isEqualTo("HTTP/1.1 400");
        assertThat(answer.failure()).isEqualTo("The client app refused this answer: status 400.");
    }

    @Test
    void whereTheSignInBeginsWithTheRedirectEachRedirectStartsANewDance() throws Exception {
        BrowserLegs startingEachDance = new BrowserLegs("http://127.0.0.1:5000/oauth/authorize",
                "/login/oauth2/code/tutorial", TestLegs.AUTHORIZATION_REQUEST, TestLegs.AUTHORIZATION_RESPONSE,
                new Masking() {
                    @Override
                    public String inForm(String form) {
                        return form;
                    }

                    @Override
                    public String inAuthorization(String header) {
                        return header;
                    }
                }).startingEachDance();

        visit(startingEachDance, "/oauth2/authorization/tutorial", null, 302, "http://127.0.0.1:5000/oauth/authorize?a");
        visit(startingEachDance, "/login/oauth2/code/tutorial", "code=c&state=a", 302, "/");
        assertThat(Dance.in(session).legs()).hasSize(2);
        visit(startingEachDance, "/oauth2/authorization/tutorial", null, 302, "http://127.0.0.1:5000/oauth/authorize?b");

        assertThat(Dance.in(session).legs()).extracting(Leg::message)
                .containsExactly("HTTP/1.1 302\nLocation: http://127.0.0.1:5000/oauth/authorize?b");
    }

    @Test
    void otherPagesAndRedirectsAreNoLegs() throws Exception {
        Dance.start(session);

        visit("/", null, 200, null);
        visit("/logout", null, 302, "http://127.0.0.1:5000/elsewhere");

        assertThat(Dance.in(session).legs()).isEmpty();
    }
}
