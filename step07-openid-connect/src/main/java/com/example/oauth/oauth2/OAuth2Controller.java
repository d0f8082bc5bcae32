package com.example.oauth.oauth2;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.example.oauth.common.oauth2.AuthorizationRequest;
import com.example.oauth.common.oauth2.AuthorizationResponse;
import com.example.oauth.common.oauth2.OAuth2Error;
import com.example.oauth.common.oauth2.OAuth2Provider;
import com.example.oauth.common.user.CurrentUser;
import com.example.oauth.common.web.CsrfExempt;
import com.example.oauth.common.web.ErrorPage;
import com.example.oauth.common.web.OAuth2Requests;
import com.example.oauth.common.web.SeeOther;

/**
 * The endpoints of RFC 6749 and its companions, the article's handlers:
 * the user authorizes a client, the client gets, refreshes, revokes and
 * inspects tokens, and anyone can read what this provider offers.
 */
@Controller
public class OAuth2Controller {

    private final OAuth2Provider provider;
    private final CurrentUser currentUser;

    public OAuth2Controller(OAuth2Provider provider, CurrentUser currentUser) {
        this.provider = provider;
        this.currentUser = currentUser;
    }

    /** RFC 6749 §4.1.1: the consent page, for a logged-in user. */
    @GetMapping("/oauth/authorize")
    public ModelAndView authorizeForm(HttpServletRequest request) {
        AuthorizationRequest asked = check(request);
        ModelAndView page = new ModelAndView("authorize");
        page.addObject("client", asked.client());
        page.addObject("authorization", asked);
        return page;
    }

    /**
     * §4.1.2: the user's answer. The form sends the request's parameters
     * again, and they are checked again: a browser can change hidden fields.
     */
    @PostMapping("/oauth/authorize")
    public ModelAndView authorize(@RequestParam(defaultValue = "") String confirm, HttpServletRequest request) {
        // Checked as for the page: nothing is stored before every check passed.
        AuthorizationRequest asked = check(request);
        AuthorizationResponse answer;
        if (confirm.equals("yes")) {
            answer = provider.approve(asked);
        } else if (confirm.equals("no")) {
            answer = provider.deny(asked);
        } else {
            return ErrorPage.of(HttpStatus.BAD_REQUEST, "The answer must be confirm=yes or confirm=no.");
        }
        return SeeOther.to(answer.location());
    }

    /**
     * The request, checked by the engine in the order RFC 9700 §4.11.2 asks:
     * a wrong client or redirect URI is explained at once, to anyone, on a
     * page here; then a visitor is sent to log in, and only then can an
     * error send the browser to the redirect URI.
     */
    private AuthorizationRequest check(HttpServletRequest request) {
        return provider.checkAuthorizationRequest(OAuth2Requests.authorization(request),
                () -> currentUser.require(request).getUsername());
    }

    /** §3.2: the token endpoint. POST only: its parameters carry secrets, which a URL would leak to logs. */
    @CsrfExempt
    @PostMapping("/oauth/token")
    public ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
        return json(provider.token(OAuth2Requests.form(request)).toJson());
    }

    /** RFC 7009: token revocation. */
    @CsrfExempt
    @PostMapping("/oauth/revoke")
    public ResponseEntity<Void> revoke(HttpServletRequest request) {
        provider.revoke(OAuth2Requests.form(request));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
    }

    /** RFC 7662: token introspection. */
    @CsrfExempt
    @PostMapping("/oauth/introspect")
    public ResponseEntity<Map<String, Object>> introspect(HttpServletRequest request) {
        return json(provider.introspect(OAuth2Requests.form(request)));
    }

    /**
     * The three endpoints above take POST only. Any other method gets the
     * endpoint's own JSON error rather than a generic page: a client that
     * sent GET reads what to do instead.
     */
    @CsrfExempt
    @RequestMapping({"/oauth/token", "/oauth/revoke", "/oauth/introspect"})
    public ResponseEntity<Map<String, Object>> notPost(HttpServletRequest request) {
        throw OAuth2Error.methodNotAllowed(request.getRequestURI() + " takes POST only, with its parameters in a"
                + " form body (application/x-www-form-urlencoded), never in the URL.");
    }

    /** RFC 8414: the provider's metadata. */
    @GetMapping("/.well-known/oauth-authorization-server")
    public ResponseEntity<Map<String, Object>> metadata() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(provider.metadata());
    }

    /** RFC 6749 §5.1: answers that hold tokens are never cached. */
    private static ResponseEntity<Map<String, Object>> json(Map<String, Object> body) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(body);
    }
}
