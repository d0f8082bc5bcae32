package com.example.clientapp.common;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The legs that go through the browser, as they went: the redirect the
 * client app sends to the provider's authorization endpoint, and the answer
 * the provider sends back through the browser to the redirect URI, with
 * what the client app answered it.
 *
 * <p>A servlet filter, so that it sees every redirect the app sends,
 * whoever sends it: a controller's {@code redirect:} view, or a filter in
 * front of the controllers (Spring Security's OAuth2 Login sends its own);
 * such a filter must come after this one.
 */
public class BrowserLegs extends OncePerRequestFilter {

    private final String authorizationEndpoint;
    private final String redirectPath;
    private final Leg.Kind request;
    private final Leg.Kind response;
    private final Masking masking;
    private boolean startsEachDance;

    /**
     * @param authorizationEndpoint the provider's authorization endpoint: a redirect to it starts a leg
     * @param redirectPath the path of the client app's redirect URI, where the provider's answer arrives
     * @param request the kind of leg of the redirect to the provider
     * @param response the kind of leg of the answer at the redirect URI
     * @param masking what of the two is secret (a code, a verifier)
     */
    public BrowserLegs(String authorizationEndpoint, String redirectPath, Leg.Kind request, Leg.Kind response,
            Masking masking) {
        this.authorizationEndpoint = authorizationEndpoint;
        this.redirectPath = redirectPath;
        this.request = request;
        this.response = response;
        this.masking = masking;
    }

    /**
     * Each redirect to the authorization endpoint starts a new dance: for a
     * client app whose sign-in begins with that redirect, sent by a filter
     * it does not write (Spring Security's OAuth2 Login), so that nothing
     * of its own calls {@link Dance#start}.
     */
    public BrowserLegs startingEachDance() {
        this.startsEachDance = true;
        return this;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        boolean answerArrives = req.getRequestURI().equals(redirectPath);
        if (answerArrives) {
            // Recorded before the client app reads it, as it came (the raw query).
            String query = req.getQueryString();
            Dance.in(req.getSession()).add(new Leg(response, req.getMethod() + " " + req.getRequestURI()
                    + (query == null ? "" : "?" + masking.inForm(query)) + " HTTP/1.1\nHost: " + req.getHeader("Host"),
                    null));
        }
        try {
            chain.doFilter(req, res);
        } finally {
            answered(req, res, answerArrives);
        }
    }

    /** What the client app answered: its redirect to the provider, or its answer to the provider's answer. */
    private void answered(HttpServletRequest req, HttpServletResponse res, boolean answerArrives) {
        HttpSession session = req.getSession(false);
        if (session == null) {
            return;
        }
        String location = res.getHeader("Location");
        String answer = "HTTP/1.1 " + res.getStatus() + (location == null ? "" : "\nLocation: " + location);
        if (answerArrives) {
            Dance dance = Dance.in(session);
            dance.answer(response, answer);
            if (res.getStatus() >= 400) {
                dance.fail(response, "The client app refused this answer: status " + res.getStatus() + ".");
            }
        } else if (location != null && location.startsWith(authorizationEndpoint)) {
            Dance dance = startsEachDance ? Dance.start(session) : Dance.in(session);
            dance.add(new Leg(request, masking.inForm(answer), null));
        }
    }
}
