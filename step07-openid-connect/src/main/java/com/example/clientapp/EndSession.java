package com.example.clientapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;

import com.example.clientapp.common.Dance;
import com.example.clientapp.common.Leg;

/**
 * Logout, RP-Initiated Logout 1.0 §2: Spring Security forgets the user
 * here (the session goes, and the tokens with it), then sends the browser
 * to the provider's end_session_endpoint with the id_token as
 * {@code id_token_hint} and the post-logout redirect URI this app
 * registered, so that the user is logged out there too. The dance is
 * carried into the new session, so /dance shows the logout as well.
 */
public class EndSession extends OidcClientInitiatedLogoutSuccessHandler implements LogoutHandler {

    static final String LOGGED_OUT = "logged_out";
    private static final String DANCE = EndSession.class.getName() + ".dance";

    public EndSession(ClientRegistrationRepository registrations, ClientAppProperties properties) {
        super(registrations);
        // From configuration, not from the request ("{baseUrl}" would read its Host header):
        // the provider redirects only to a URI registered exactly (RP-Initiated Logout §3).
        setPostLogoutRedirectUri(properties.postLogoutRedirectUri());
    }

    /** Before Spring Security drops the session: keeps the dance for the next one. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(Dance.SESSION_KEY) instanceof Dance dance) {
            request.setAttribute(DANCE, dance);
        }
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        // The end_session_endpoint with its parameters, or "/" if the user was not signed in
        // or the provider announces no end_session_endpoint.
        String target = super.determineTargetUrl(request, response, authentication);
        HttpSession session = request.getSession();
        Dance dance = request.getAttribute(DANCE) instanceof Dance kept ? kept : Dance.start(session);
        session.setAttribute(Dance.SESSION_KEY, dance);
        session.setAttribute(LOGGED_OUT, Boolean.TRUE);
        dance.add(new Leg(LegKind.LOGOUT_REQUEST, "POST /logout HTTP/1.1\nHost: " + request.getHeader("Host"),
                Secrets.MASKING.inForm("HTTP/1.1 302\nLocation: " + target)));
        if (!target.contains("id_token_hint=")) {
            dance.fail(LegKind.LOGOUT_REQUEST, "Logged out of this app only: the provider's metadata has no"
                    + " end_session_endpoint, or this browser was not signed in.");
        }
        return target;
    }
}
