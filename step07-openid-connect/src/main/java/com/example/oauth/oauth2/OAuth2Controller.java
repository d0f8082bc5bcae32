package com.example.oauth.oauth2;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.example.oauth.apps.Consents;
import com.example.oauth.common.oauth2.AuthorizationError;
import com.example.oauth.common.oauth2.AuthorizationRequest;
import com.example.oauth.common.oauth2.AuthorizationResponse;
import com.example.oauth.common.oauth2.ClientType;
import com.example.oauth.common.oauth2.FormRequest;
import com.example.oauth.common.oauth2.OAuth2Error;
import com.example.oauth.common.oauth2.OAuth2Provider;
import com.example.oauth.common.oauth2.TokenResponse;
import com.example.oauth.common.oidc.AuthenticationError;
import com.example.oauth.common.oidc.AuthenticationRequest;
import com.example.oauth.common.oidc.IdTokens;
import com.example.oauth.common.oidc.SignInDecision;
import com.example.oauth.common.security.Sha256;
import com.example.oauth.common.user.CurrentUser;
import com.example.oauth.common.user.LoginRequiredException;
import com.example.oauth.common.user.User;
import com.example.oauth.common.web.CsrfExempt;
import com.example.oauth.common.web.ErrorPage;
import com.example.oauth.common.web.OAuth2Requests;
import com.example.oauth.common.web.SeeOther;
import com.example.oauth.openid.OpenIdStorage;
import com.example.oauth.user.HomeController;

/**
 * The endpoints of RFC 6749 and its companions, the article's handlers:
 * the user authorizes a client, the client gets, refreshes, revokes and
 * inspects tokens, and anyone can read what this provider offers. With
 * OpenID Connect, the authorization request is also an authentication
 * request (Core §3.1.2), and a code for scope openid brings an id_token.
 */
@Controller
public class OAuth2Controller {

    /** In the session: {authorization query: when it was sent to the login page}, for one request at a time. */
    private static final String LOGIN_ASKED = "login_asked";

    private final OAuth2Provider provider;
    private final CurrentUser currentUser;
    private final IdTokens idTokens;
    private final OpenIdStorage openId;
    private final Consents consents;
    private final Clock clock;

    public OAuth2Controller(OAuth2Provider provider, CurrentUser currentUser, IdTokens idTokens,
            OpenIdStorage openId, Consents consents, Clock clock) {
        this.provider = provider;
        this.currentUser = currentUser;
        this.idTokens = idTokens;
        this.openId = openId;
        this.consents = consents;
        this.clock = clock;
    }

    /**
     * RFC 6749 §4.1.1: the consent page, for a logged-in user; or no page
     * at all (Core §3.1.2.3, §3.1.2.4): the login page when prompt or
     * max_age ask for a new login, straight back to the client when the
     * user allowed these scopes before. One transaction: see {@link #approve}.
     */
    @GetMapping("/oauth/authorize")
    @Transactional
    public ModelAndView authorizeForm(HttpServletRequest request) {
        Map<String, String[]> query = OAuth2Requests.authorization(request);
        Instant now = clock.instant();
        // Core §3.1.2.6: prompt=none shows no login page; the decision below answers login_required.
        AuthorizationRequest asked = provider.checkAuthorizationRequest(query, () -> currentUser.find(request)
                .map(User::getUsername).orElseGet(() -> {
                    if (AuthenticationRequest.asksNoPage(query)) {
                        return null;
                    }
                    throw logInFirst(request, now);
                }));
        AuthenticationRequest authentication = parse(asked, query);
        Instant loggedInAt = asked.username() == null ? null : HomeController.loggedInAt(request);
        List<String> allowed = asked.username() == null ? List.of()
                : consents.allowedScopes(asked.username(), asked.client().getClientId());
        SignInDecision.Step step;
        try {
            step = SignInDecision.decide(authentication, loggedInAt, loginAskedAt(request), now, asked.scopes(),
                    allowed, asked.client().getClientType() == ClientType.PUBLIC);
        } catch (AuthenticationError e) {
            throw backToClient(asked, e);
        }
        if (step == SignInDecision.Step.LOGIN_PAGE) {
            throw logInFirst(request, now);
        }
        if (step == SignInDecision.Step.PROCEED) {
            return approve(asked, authentication, loggedInAt);
        }
        ModelAndView page = new ModelAndView("authorize");
        page.addObject("client", asked.client());
        page.addObject("authorization", asked);
        page.addObject("openIdFields", AuthenticationRequest.formFields(query));
        return page;
    }

    /**
     * §4.1.2: the user's answer. The form sends the request's parameters
     * again, and they are checked again: a browser can change hidden fields.
     */
    @PostMapping("/oauth/authorize")
    @Transactional
    public ModelAndView authorize(@RequestParam(defaultValue = "") String confirm, HttpServletRequest request) {
        // Checked as for the page: nothing is stored before every check passed.
        AuthorizationRequest asked = check(request);
        AuthenticationRequest authentication = parse(asked, OAuth2Requests.authorization(request));
        AuthorizationResponse answer;
        if (confirm.equals("yes")) {
            // Remembered: the next request for these scopes shows no page.
            consents.allow(asked.username(), asked.client().getClientId(), asked.scopes());
            return approve(asked, authentication, HomeController.loggedInAt(request));
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

    /**
     * Core §3.1.2.1: prompt, max_age and nonce, after the OAuth 2 engine
     * checked the client, the redirect URI and the rest in the order RFC
     * 9700 §4.11.2 asks; so an error goes back to the client.
     */
    private AuthenticationRequest parse(AuthorizationRequest asked, Map<String, String[]> query) {
        try {
            return AuthenticationRequest.parse(query);
        } catch (AuthenticationError e) {
            throw backToClient(asked, e);
        }
    }

    /** Core §3.1.2.6: at the redirect URI, with state and iss (RFC 9207), as the OAuth 2 errors. */
    private AuthorizationError backToClient(AuthorizationRequest asked, AuthenticationError e) {
        return AuthorizationError.backToClient(asked.redirectUri(), e.getError(), e.getMessage(), asked.state(),
                provider.issuer());
    }

    /**
     * The code, and what its id_token will say (Core §3.1.3.3), in the handler's transaction with the consent
     * it read (locked) or stored: all or nothing, and a revoke on /apps waits, then revokes this code too.
     */
    private ModelAndView approve(AuthorizationRequest asked, AuthenticationRequest authentication,
            Instant loggedInAt) {
        AuthorizationResponse answer = provider.approve(asked);
        openId.authenticated(Sha256.hex(answer.parameters().get("code")), loggedInAt, authentication.nonce());
        return SeeOther.to(answer.location());
    }

    /**
     * To the login page, without logging out (a GET any site can link to), and back to this request. The
     * session, never the URL, keeps when: the login after it is the one prompt or max_age asked for.
     */
    private static LoginRequiredException logInFirst(HttpServletRequest request, Instant now) {
        request.getSession().setAttribute(LOGIN_ASKED, Map.of(request.getQueryString(), now));
        return new LoginRequiredException(request);
    }

    /** When this very request was sent to the login page, taken from the session once; null if it was not. */
    private static Instant loginAskedAt(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(LOGIN_ASKED) instanceof Map<?, ?> asked
                && asked.get(request.getQueryString()) instanceof Instant at) {
            session.removeAttribute(LOGIN_ASKED);
            return at;
        }
        return null;
    }

    /**
     * §3.2: the token endpoint. POST only: its parameters carry secrets,
     * which a URL would leak to logs. Core §3.1.3.3: a code for scope openid
     * brings an id_token; §12.2: so does a refresh that keeps openid.
     */
    @CsrfExempt
    @PostMapping("/oauth/token")
    public ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
        FormRequest form = OAuth2Requests.form(request);
        TokenResponse tokens = provider.token(form);
        Map<String, Object> json = tokens.toJson();
        if (IdTokens.requested(tokens.scopes())) {
            boolean code = form.get("grant_type").orElse("").equals("authorization_code");
            openId.authenticationOf(Sha256.hex(tokens.accessToken())).ifPresent(authentication -> json.put(
                    "id_token", code ? idTokens.issue(authentication) : idTokens.refreshed(authentication)));
        }
        return json(json);
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
