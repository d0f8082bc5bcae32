package com.example.clientapp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

import com.example.clientapp.common.Dance;
import com.example.clientapp.common.Leg;
import com.example.oauth.common.security.SecretMask;
import com.example.oauth.common.web.ErrorPage;

/**
 * The client app's pages around Spring Security's sign-in: who the visitor
 * is, from the id_token Spring checked; the way back from the provider's
 * logout; and why a sign-in failed.
 */
@Controller
public class ClientAppController {

    private final ClientRegistrationRepository registrations;
    private final String issuer;

    public ClientAppController(ClientRegistrationRepository registrations,
            @Value("${client-app.issuer}") String issuer) {
        this.registrations = registrations;
        this.issuer = issuer;
    }

    /** Greets a signed-in visitor by the claims of the OidcUser; sends anyone else to sign in. */
    @GetMapping("/")
    public ModelAndView home(@AuthenticationPrincipal OidcUser user, HttpServletRequest request) {
        HttpSession session = request.getSession();
        if (user == null && session.getAttribute(SignInConfig.LOGGED_OUT) != null) {
            // RP-Initiated Logout 1.0 §3: the provider sent the browser back to the registered URI.
            session.removeAttribute(SignInConfig.LOGGED_OUT);
            String query = request.getQueryString();
            Dance.in(session).add(new Leg(LegKind.LOGOUT_RESPONSE, "GET /" + (query == null ? "" : "?"
                    + Secrets.MASKING.inForm(query)) + " HTTP/1.1\nHost: " + request.getHeader("Host"), null));
            return new ModelAndView("clientapp/logged-out").addObject("issuer", issuer);
        }
        if (user == null) {
            try {
                // OpenID Connect Discovery 1.0 §4, at the first sign-in (SignInConfig): is the provider there?
                registrations.findByRegistrationId("tutorial");
            } catch (RuntimeException e) {
                return error(HttpStatus.BAD_GATEWAY, "The client app could not read the provider's metadata at "
                        + issuer + "/.well-known/openid-configuration (" + e.getMessage() + "). Is it running?");
            }
            // Spring Security's own path: it makes the authentication request and redirects.
            return new ModelAndView("redirect:/oauth2/authorization/tutorial");
        }
        // RFC 7515 §7.1: a JWS is three base64url parts: the header and claims are JSON anyone can read.
        String[] jws = user.getIdToken().getTokenValue().split("\\.");
        // OpenID Connect Core §5.1: preferred_username (from UserInfo) is a name to show; sub is the key.
        return new ModelAndView("clientapp/home")
                .addObject("name", user.getPreferredUsername() != null ? user.getPreferredUsername()
                        : user.getSubject()).addObject("subject", user.getSubject()).addObject("issuer", issuer)
                .addObject("header", base64url(jws[0])).addObject("claims", base64url(jws[1]))
                .addObject("signature", SecretMask.of(jws[2]))
                // Spring Security's CSRF token, for the logout form.
                .addObject("logoutCsrf", ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken());
    }

    /** Where Spring sends a failed sign-in: what went wrong, on this page and on the dance. */
    @GetMapping("/refused")
    public ModelAndView refused(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (!(failure instanceof OAuth2AuthenticationException e)) {
            return new ModelAndView("redirect:/");
        }
        session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        String code = e.getError().getErrorCode();
        String why = code.equals("access_denied") ? "You did not allow access (error=access_denied): the provider"
                + " sent no code, and the dance ends here." : "The sign-in failed (" + code + ")"
                + (e.getError().getDescription() == null ? "" : ": " + e.getError().getDescription()) + ".";
        LegKind where = switch (code) {
            case "invalid_nonce", "invalid_id_token", "invalid_token_response" -> LegKind.TOKEN_REQUEST;
            case "invalid_user_info_response" -> LegKind.USERINFO;
            default -> LegKind.AUTHORIZATION_RESPONSE;
        };
        Dance.in(session).fail(where, why);
        if (code.equals("access_denied")) {
            // The user said no: nobody's failure, so a normal page.
            return new ModelAndView("clientapp/denied").addObject("issuer", issuer);
        }
        // RFC 6749 §10.12: 400 for an answer to a sign-in this browser never started (no request has its
        // state); 403 for a refusal the provider sent; 502 for an answer from the provider Spring refused.
        return error(code.equals("authorization_request_not_found") ? HttpStatus.BAD_REQUEST
                : where == LegKind.AUTHORIZATION_RESPONSE ? HttpStatus.FORBIDDEN : HttpStatus.BAD_GATEWAY,
                why + " See the dance at /dance; open the home page to start again.");
    }

    private static ModelAndView error(HttpStatus status, String message) {
        return ErrorPage.of(status, message).addObject("site", "Client app");
    }

    private static String base64url(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
