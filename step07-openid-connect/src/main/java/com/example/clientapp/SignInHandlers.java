package com.example.clientapp;

import java.io.IOException;
import java.io.Serializable;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

import com.example.clientapp.common.Dance;
import com.example.clientapp.common.Leg;

/**
 * The end of a sign-in, on the dance: the checks Spring made last (state,
 * nonce) when it succeeded, or which leg failed and why when it did not.
 * Then home, or to the page that explains the failure.
 */
public class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String FAILURE = "sign_in_failure";

    private final String issuer;

    public SignInHandlers(String issuer) {
        this.issuer = issuer;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        request.getSession().removeAttribute(FAILURE);
        Dance dance = Dance.in(request.getSession());
        // RFC 6749 §10.12: Spring found the request this browser started by its state.
        dance.check(LegKind.AUTHORIZATION_RESPONSE, "state is the one this browser's sign-in sent", true);
        // RFC 9207 §2.4: Spring Security does not check iss. With one provider there is nobody to
        // mix it up with (§1); the page shows whether it matches all the same.
        String iss = request.getParameter("iss");
        if (iss != null) {
            dance.check(LegKind.AUTHORIZATION_RESPONSE, "iss is " + iss + " (RFC 9207), the issuer this app signs in"
                    + " with: " + iss.equals(issuer), iss.equals(issuer));
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            // OpenID Connect Core §3.1.3.7 rule 11, §15.5.2: the nonce binds the id_token to this
            // browser's session; Spring sent the hash of a value it kept, and compared.
            Leg authorization = dance.newest(LegKind.AUTHORIZATION_REQUEST);
            String sent = authorization == null ? null : ProviderCalls.parameter(authorization.message(), "nonce");
            dance.check(LegKind.TOKEN_REQUEST, "nonce is " + user.getIdToken().getNonce()
                    + ", the one this browser's sign-in sent" + (authorization == null ? "" : " in leg "
                    + authorization.number()) + " (rule 11)", sent == null || sent.equals(user.getIdToken().getNonce()));
        }
        response.sendRedirect("/");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth2 ? oauth2.getError()
                : new OAuth2Error("sign_in_failed", exception.getMessage(), null);
        Dance dance = Dance.in(request.getSession());
        LegKind where = switch (error.getErrorCode()) {
            case "invalid_nonce", "invalid_id_token", "invalid_token_response" -> LegKind.TOKEN_REQUEST;
            case "invalid_user_info_response" -> LegKind.USERINFO;
            default -> LegKind.AUTHORIZATION_RESPONSE;
        };
        if (error.getErrorCode().equals("authorization_request_not_found")) {
            dance.check(LegKind.AUTHORIZATION_RESPONSE, "state is the one this browser's sign-in sent", false);
        }
        if (error.getErrorCode().equals("invalid_nonce")) {
            dance.check(LegKind.TOKEN_REQUEST, "nonce is the one this browser's sign-in sent (rule 11)", false);
        }
        dance.fail(where, Failure.explain(error));
        request.getSession().setAttribute(FAILURE, new Failure(error.getErrorCode(), Failure.explain(error)));
        response.sendRedirect("/refused");
    }

    /** Why a sign-in failed, for the page at /refused. */
    record Failure(String code, String text) implements Serializable {

        static String explain(OAuth2Error error) {
            String description = error.getDescription() == null ? "" : ": " + error.getDescription();
            return switch (error.getErrorCode()) {
                case "access_denied" -> "You did not allow access (error=access_denied): the provider sent no code,"
                        + " and the dance ends here.";
                case "authorization_request_not_found" -> "This answer from the provider does not belong to a sign-in"
                        + " started in this browser (its state matches none).";
                default -> "The sign-in failed (" + error.getErrorCode() + ")" + description + ".";
            };
        }
    }
}
