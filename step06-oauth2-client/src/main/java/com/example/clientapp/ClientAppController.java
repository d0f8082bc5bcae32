package com.example.clientapp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.concurrent.ExecutionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.WebUtils;

import com.example.clientapp.common.Dance;
import com.example.oauth.common.security.ConstantTime;
import com.example.oauth.common.security.RandomTokens;
import com.example.oauth.common.web.CommonErrors;
import com.example.oauth.common.web.ErrorPage;
import com.github.scribejava.core.exceptions.OAuthException;
import com.github.scribejava.core.model.OAuth2AccessTokenErrorResponse;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.AccessTokenRequestParams;
import com.github.scribejava.core.oauth.AuthorizationUrlBuilder;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.github.scribejava.core.revoke.TokenTypeHint;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client side of the authorization code flow (RFC 6749 §4.1) with PKCE
 * (RFC 7636): send the user to the provider with a state and a code
 * challenge, check the state that comes back, exchange the code with the
 * code verifier, call /api/me, refresh the access token when it expires,
 * and revoke the tokens at logout (RFC 7009).
 */
@Controller
public class ClientAppController {

    private static final String SIGN_IN = "sign_in";
    private static final String TOKENS = "tokens";

    private final OAuth20Service oauth;
    private final ClientAppProperties properties;
    private final CommonErrors commonErrors;
    private final JsonMapper json = JsonMapper.builder().build();

    public ClientAppController(OAuth20Service oauth, ClientAppProperties properties, CommonErrors commonErrors) {
        this.oauth = oauth;
        this.properties = properties;
        this.commonErrors = commonErrors;
    }

    /** Who the visitor is at the provider; without tokens yet, the sign-in starts here. */
    @GetMapping("/")
    public ModelAndView home(HttpSession session) throws IOException, InterruptedException, ExecutionException {
        if (!(session.getAttribute(TOKENS) instanceof Tokens tokens)) {
            return startSignIn(session);
        }
        if (tokens.expiresSoon(Instant.now())) {
            tokens = refresh(session, tokens);
            if (tokens == null) {
                return startSignIn(session);
            }
        }
        try (Response response = callMe(tokens)) {
            if (response.getCode() == 401 && tokens.refreshToken() != null) {
                // Revoked or expired early: one refresh, then sign in anew.
                Tokens refreshed = refresh(session, tokens);
                return refreshed == null ? startSignIn(session) : showMe(session, refreshed);
            }
            return answer(session, response);
        }
    }

    /** RFC 6749 §4.1.1: to the provider, with a fresh state and PKCE challenge. */
    private ModelAndView startSignIn(HttpSession session) {
        String state = RandomTokens.generate(32);
        AuthorizationUrlBuilder url = oauth.createAuthorizationUrlBuilder().state(state).initPKCE();
        session.setAttribute(SIGN_IN, new SignIn(state, url.getPkce().getCodeVerifier()));
        Dance.start(session); // a new dance; its first leg is this redirect
        return new ModelAndView("redirect:" + url.build());
    }

    /** RFC 6749 §4.1.2: the provider sends the user back with a code, or an error. */
    @GetMapping("/authorized")
    public ModelAndView authorized(@RequestParam(required = false) String code,
            @RequestParam(defaultValue = "") String state, @RequestParam(required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription,
            @RequestParam(required = false) String iss, HttpServletRequest request)
            throws IOException, InterruptedException, ExecutionException {
        HttpSession session = request.getSession();
        Dance dance = Dance.in(session);
        // §10.12: only the answer to the sign-in this browser started counts;
        // otherwise someone could plant their own code in a victim's browser.
        SignIn signIn = session.getAttribute(SIGN_IN) instanceof SignIn started ? started : null;
        boolean ours = signIn != null && ConstantTime.equals(signIn.state(), state);
        dance.check(LegKind.AUTHORIZATION_RESPONSE, "state is the one this browser's sign-in sent", ours);
        if (!ours) {
            return refused(dance, HttpStatus.BAD_REQUEST, "This answer from the provider does not belong to a sign-in"
                    + " started in this browser (its state does not match). Open the home page to start again.");
        }
        session.removeAttribute(SIGN_IN);
        // RFC 9207: the answer names who sent it, so that a client talking to
        // several providers cannot be tricked into sending a code to the wrong
        // one (a mix-up attack). This provider always sends iss (its metadata
        // says so), so an answer without it is refused too (§2.4).
        boolean fromOurProvider = properties.issuer().equals(iss);
        dance.check(LegKind.AUTHORIZATION_RESPONSE, "iss is " + properties.issuer() + ", the issuer this app expects",
                fromOurProvider);
        if (!fromOurProvider) {
            return refused(dance, HttpStatus.BAD_REQUEST, "This answer comes from the issuer \"" + iss
                    + "\", not from " + properties.issuer() + ". Open the home page to start again.");
        }
        if ("access_denied".equals(error)) {
            // The user said no: not a failure of anybody's, so a normal page.
            dance.fail(LegKind.AUTHORIZATION_RESPONSE, "You did not allow access (error=access_denied):"
                    + " the provider sent no code, and the dance ends here.");
            ModelAndView page = new ModelAndView("clientapp/denied");
            page.addObject("providerUrl", properties.providerUrl());
            return page;
        }
        if (error != null || code == null) {
            // The provider refused this app's request (an unregistered scope...): no gateway failed.
            return refused(dance, HttpStatus.FORBIDDEN, "The provider refused the sign-in ("
                    + (error == null ? "no code" : error) + ")" + (errorDescription == null ? "." : ": " + errorDescription)
                    + " Open the home page to start again.");
        }
        // §4.1.3 and RFC 7636 §4.5: the code, with the verifier only this app knows.
        Tokens tokens = Tokens.from(oauth.getAccessToken(
                AccessTokenRequestParams.create(code).pkceCodeVerifier(signIn.codeVerifier())), Instant.now());
        // Signed in: a new session id, so that an id planted before (cookies
        // on localhost are shared by every port) is worth nothing now.
        request.changeSessionId();
        session.setAttribute(TOKENS, tokens);
        return new ModelAndView("redirect:/", HttpStatus.SEE_OTHER);
    }

    /** RFC 7009: the provider forgets the tokens, then the app forgets the visitor. */
    @PostMapping("/logout")
    public ModelAndView logout(HttpServletRequest request) throws InterruptedException {
        HttpSession session = request.getSession();
        boolean hadTokens = session.getAttribute(TOKENS) instanceof Tokens;
        boolean revoked = false;
        if (session.getAttribute(TOKENS) instanceof Tokens tokens) {
            revoked = true;
            try {
                // Revoking the refresh token revokes its access tokens too (RFC 7009 §2.1).
                if (tokens.refreshToken() != null) {
                    oauth.revokeToken(tokens.refreshToken(), TokenTypeHint.REFRESH_TOKEN);
                } else {
                    oauth.revokeToken(tokens.accessToken(), TokenTypeHint.ACCESS_TOKEN);
                }
            } catch (IOException | ExecutionException | OAuthException e) {
                revoked = false;
            }
        }
        Dance dance = Dance.in(session);
        session.invalidate();
        // The visitor is forgotten, not the dance: its page shows the revocation.
        request.getSession().setAttribute(Dance.SESSION_KEY, dance);
        ModelAndView page = new ModelAndView("clientapp/logged-out");
        page.addObject("hadTokens", hadTokens);
        page.addObject("revoked", revoked);
        return page;
    }

    private Response callMe(Tokens tokens) throws IOException, InterruptedException, ExecutionException {
        OAuthRequest request = new OAuthRequest(Verb.GET, properties.providerUrl() + "/api/me");
        // RFC 6750 §2.1: Authorization: Bearer <token>
        oauth.signRequest(tokens.accessToken(), request);
        return oauth.execute(request);
    }

    private ModelAndView showMe(HttpSession session, Tokens tokens)
            throws IOException, InterruptedException, ExecutionException {
        try (Response response = callMe(tokens)) {
            return answer(session, response);
        }
    }

    private ModelAndView answer(HttpSession session, Response response) throws IOException {
        if (response.getCode() == 403) {
            return errorPage(HttpStatus.FORBIDDEN, "The provider says this app's token does not hold the"
                    + " scope /api/me needs (profile). Register the client with the scope profile.");
        }
        if (response.getCode() >= 500) {
            return errorPage(HttpStatus.BAD_GATEWAY, "The provider at " + properties.providerUrl()
                    + " failed to answer /api/me (status " + response.getCode() + "). Try again later.");
        }
        if (response.getCode() != 200) {
            session.removeAttribute(TOKENS);
            return errorPage(HttpStatus.FORBIDDEN, "The provider refused the access token (status "
                    + response.getCode() + "). Open the home page again to sign in anew.");
        }
        ModelAndView page = new ModelAndView("clientapp/home");
        page.addObject("username", usernameIn(response));
        page.addObject("providerUrl", properties.providerUrl());
        return page;
    }

    /** /api/me answers {"username": "..."}: anything else is an answer this app cannot use. */
    private String usernameIn(Response response) throws IOException {
        return json.readTree(response.getBody()).path("username").stringValueOpt()
                .orElseThrow(() -> new OAuthException("/api/me answered without a username"));
    }

    /**
     * RFC 6749 §6: a new access token (and, rotated, a new refresh token),
     * or null if the provider refused. One refresh at a time per session:
     * two tabs refreshing with one refresh token would look like a stolen
     * token being replayed, and the provider would revoke them all.
     */
    private Tokens refresh(HttpSession session, Tokens stale)
            throws IOException, InterruptedException, ExecutionException {
        synchronized (WebUtils.getSessionMutex(session)) {
            if (session.getAttribute(TOKENS) instanceof Tokens current && !current.equals(stale)) {
                return current; // another request refreshed meanwhile
            }
            if (stale.refreshToken() == null) {
                session.removeAttribute(TOKENS);
                return null;
            }
            try {
                Tokens refreshed = Tokens.from(oauth.refreshAccessToken(stale.refreshToken()), Instant.now());
                session.setAttribute(TOKENS, refreshed);
                return refreshed;
            } catch (OAuth2AccessTokenErrorResponse refused) {
                session.removeAttribute(TOKENS); // invalid_grant: revoked or expired; sign in anew
                return null;
            }
        }
    }

    /**
     * A broken %-escape in the request ("%zz"): the browser's bad request, not
     * the provider's fault. Without this, the handlers below would take it
     * for a network failure, since Tomcat's exception carries an IOException.
     */
    @ExceptionHandler(InvalidParameterException.class)
    public ModelAndView malformedParameters(InvalidParameterException e) {
        return commonErrors.malformedParameters(e).addObject("site", "Client app");
    }

    /** RFC 6749 §5.2: the token endpoint refused (a code used twice, expired...). Nothing failed on the way. */
    @ExceptionHandler(OAuth2AccessTokenErrorResponse.class)
    public ModelAndView tokenRefused(OAuth2AccessTokenErrorResponse e) {
        if (e.getError() == null || e.getResponse() == null || e.getResponse().getCode() >= 500) {
            return badAnswer(e); // not an RFC 6749 error: a provider answering garbage
        }
        return errorPage(HttpStatus.FORBIDDEN, "The provider refused to give this app tokens ("
                + e.getError().getErrorString() + (e.getErrorDescription() == null ? "" : ": " + e.getErrorDescription())
                + "). Open the home page to start again.");
    }

    /** No answer in time: the gateway timed out (the read timeout of ProviderConfig). */
    @ExceptionHandler(InterruptedIOException.class)
    public ModelAndView providerSlow(InterruptedIOException e) {
        return errorPage(HttpStatus.GATEWAY_TIMEOUT, "The provider at " + properties.providerUrl()
                + " did not answer in time. Is it overloaded? Try again later.");
    }

    @ExceptionHandler({IOException.class, ExecutionException.class})
    public ModelAndView providerDown(Exception e) {
        return errorPage(HttpStatus.BAD_GATEWAY, "The provider at " + properties.providerUrl()
                + " did not answer. Is it running?");
    }

    /** An answer this app cannot read: no token where one belongs, no username from /api/me, no JSON. */
    @ExceptionHandler({OAuthException.class, JacksonException.class})
    public ModelAndView badAnswer(Exception e) {
        return errorPage(HttpStatus.BAD_GATEWAY, "The provider at " + properties.providerUrl()
                + " answered something this app could not use. The dance page, /dance, shows what it answered.");
    }

    @ExceptionHandler(InterruptedException.class)
    public ModelAndView interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return errorPage(HttpStatus.SERVICE_UNAVAILABLE, "The app is shutting down.");
    }

    /** The page says why the dance stopped, and so does the leg of the dance page. */
    private static ModelAndView refused(Dance dance, HttpStatus status, String message) {
        dance.fail(LegKind.AUTHORIZATION_RESPONSE, message);
        return errorPage(status, message);
    }

    /** The shared error page, headed with this app's name rather than the provider's. */
    private static ModelAndView errorPage(HttpStatus status, String message) {
        return ErrorPage.of(status, message).addObject("site", "Client app");
    }
}
