package com.example.clientapp;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.ModelAndView;

import com.example.clientapp.common.Dance;
import com.example.clientapp.common.Leg;
import com.example.oauth.common.web.ErrorPage;

/**
 * The client app's pages around Spring Security's sign-in: who the visitor
 * is, from the id_token Spring checked; the way back from the provider's
 * logout; and why a sign-in failed.
 */
@Controller
public class ClientAppController {

    private final Discovery discovery;
    private final ProviderCalls calls;
    private final ClientAppProperties properties;

    public ClientAppController(Discovery discovery, ProviderCalls calls, ClientAppProperties properties) {
        this.discovery = discovery;
        this.calls = calls;
        this.properties = properties;
    }

    /** Greets a signed-in visitor by the id_token's claims; sends anyone else to sign in. */
    @GetMapping("/")
    public ModelAndView home(@AuthenticationPrincipal OidcUser user, HttpServletRequest request) {
        if (user == null) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(EndSession.LOGGED_OUT) != null) {
                return loggedOut(session, request);
            }
            try {
                discovery.findByRegistrationId(ClientAppProperties.REGISTRATION_ID);
            } catch (RestClientException | IllegalStateException e) {
                String why = e instanceof RestClientResponseException answer ? "it answered " + answer.getStatusCode()
                        : e instanceof ResourceAccessException ? "no answer" : e.getMessage();
                return error(HttpStatus.BAD_GATEWAY, "The client app could not read the provider's metadata at "
                        + properties.issuer() + "/.well-known/openid-configuration (" + why + "). Is the provider"
                        + " running, with this issuer?");
            }
            // A new dance; its first leg is what this sign-in relies on: the provider's metadata.
            calls.reuse(Dance.start(request.getSession()), LegKind.DISCOVERY);
            // Spring Security's own path: it makes the authentication request and redirects.
            return new ModelAndView("redirect:/oauth2/authorization/" + ClientAppProperties.REGISTRATION_ID);
        }
        ModelAndView page = new ModelAndView("clientapp/home");
        // OpenID Connect Core §5.1: preferred_username is a name to show, not a key (sub is).
        String name = user.getPreferredUsername() != null ? user.getPreferredUsername()
                : user.getFullName() != null ? user.getFullName() : user.getSubject();
        page.addObject("name", name);
        page.addObject("subject", user.getSubject());
        page.addObject("issuer", String.valueOf(user.getIssuer()));
        page.addObject("idToken", IdTokenView.of(user.getIdToken().getTokenValue()));
        if (user.getUserInfo() != null) {
            Map<String, String> userInfo = new LinkedHashMap<>();
            user.getUserInfo().getClaims().forEach((claim, value) -> userInfo.put(claim, String.valueOf(value)));
            page.addObject("userInfo", userInfo);
        }
        // Spring Security's CSRF token for the logout form (common's own csrfToken is another's).
        page.addObject("logoutCsrf", csrfToken(request));
        return page;
    }

    /** RP-Initiated Logout 1.0 §3: the provider sent the browser back to the registered URI. */
    private ModelAndView loggedOut(HttpSession session, HttpServletRequest request) {
        session.removeAttribute(EndSession.LOGGED_OUT);
        String query = request.getQueryString();
        Dance.in(session).add(new Leg(LegKind.LOGOUT_RESPONSE, "GET /" + (query == null ? "" : "?"
                + Secrets.MASKING.inForm(query)) + " HTTP/1.1\nHost: " + request.getHeader("Host"), null));
        ModelAndView page = new ModelAndView("clientapp/logged-out");
        page.addObject("issuer", properties.issuer());
        return page;
    }

    /** Where a failed sign-in lands (SignInHandlers): what went wrong, and the dance that shows it. */
    @GetMapping("/refused")
    public ModelAndView refused(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SignInHandlers.FAILURE) instanceof SignInHandlers.Failure failure)) {
            return new ModelAndView("redirect:/");
        }
        if (failure.code().equals("access_denied")) {
            // The user said no: not a failure of anybody's, so a normal page.
            ModelAndView page = new ModelAndView("clientapp/denied");
            page.addObject("issuer", properties.issuer());
            return page;
        }
        HttpStatus status = switch (failure.code()) {
            case "authorization_request_not_found", "invalid_state_parameter" -> HttpStatus.BAD_REQUEST;
            case "invalid_token_response", "invalid_user_info_response", "invalid_id_token", "invalid_nonce",
                    "sign_in_failed" -> HttpStatus.BAD_GATEWAY;
            // An error the provider sent to the redirect URI: it refused this app's request.
            default -> HttpStatus.FORBIDDEN;
        };
        return error(status, failure.text() + " See the dance at /dance; open the home page to start again.");
    }

    private static ModelAndView error(HttpStatus status, String message) {
        return ErrorPage.of(status, message).addObject("site", "Client app");
    }

    /** Spring Security's CSRF token, sent back in the form's _csrf field. */
    private static String csrfToken(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token.getToken() : "";
    }
}
