package com.example.clientapp;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The legs that go through the browser, as they went: the redirect Spring
 * Security sends to the provider's authorization endpoint, and the answer
 * the provider sends back through the browser to the redirect URI, with
 * what the app answered it. A filter in front of Spring Security's, since
 * Spring's own filters answer these two paths, not a controller.
 */
public class BrowserLegs extends OncePerRequestFilter {

    static final String AUTHORIZATION_PATH = "/oauth2/authorization/";
    static final String CALLBACK_PATH = "/login/oauth2/code/";

    private final ClientAppProperties properties;
    private final ProviderCalls calls;

    public BrowserLegs(ClientAppProperties properties, ProviderCalls calls) {
        this.properties = properties;
        this.calls = calls;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (path.startsWith(AUTHORIZATION_PATH)) {
            // A new dance; its first leg is what this sign-in relies on: the provider's metadata.
            Dance dance = Dance.start(request.getSession());
            calls.reuse(dance, LegKind.DISCOVERY);
            chain.doFilter(request, response);
            dance.add(new Leg(LegKind.AUTHORIZATION_REQUEST, Secrets.inForm(answer(response)), null));
        } else if (path.startsWith(CALLBACK_PATH)) {
            // Recorded before Spring reads it, as it came (the raw query).
            String query = request.getQueryString();
            Dance dance = Dance.in(request.getSession());
            dance.add(new Leg(LegKind.AUTHORIZATION_RESPONSE, request.getMethod() + " " + path
                    + (query == null ? "" : "?" + Secrets.inForm(query)) + " HTTP/1.1\nHost: "
                    + request.getHeader("Host"), null));
            if (!fromOurProvider(request, dance)) {
                response.sendError(HttpStatus.BAD_REQUEST.value());
                return;
            }
            chain.doFilter(request, response);
            dance.answer(LegKind.AUTHORIZATION_RESPONSE, answer(response));
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * RFC 9207 §2.4: an answer that names its issuer must name ours, so that
     * a code meant for another provider is never sent to this one (a mix-up
     * attack). Spring Security does not check iss; an answer without it is
     * let through, as Spring would (not every provider sends it).
     */
    private boolean fromOurProvider(HttpServletRequest request, Dance dance) {
        String iss = request.getParameter("iss");
        if (iss == null) {
            return true;
        }
        boolean ours = properties.issuer().equals(iss);
        dance.check(LegKind.AUTHORIZATION_RESPONSE, "iss is " + properties.issuer()
                + ", the issuer this app signs in with (RFC 9207)", ours);
        if (!ours) {
            dance.fail(LegKind.AUTHORIZATION_RESPONSE, "This answer comes from the issuer \"" + iss + "\", not from "
                    + properties.issuer() + ": the app refused it.");
        }
        return ours;
    }

    private static String answer(HttpServletResponse response) {
        String location = response.getHeader("Location");
        return "HTTP/1.1 " + response.getStatus() + (location == null ? "" : "\nLocation: " + location);
    }
}
