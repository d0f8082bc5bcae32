package com.example.clientapp;

import java.io.IOException;
import java.io.InterruptedIOException;
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

import com.example.clientapp.common.Dance;
import com.example.oauth.common.web.CommonErrors;
import com.example.oauth.common.web.ErrorPage;
import com.github.scribejava.core.exceptions.OAuthException;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Response;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client side of the three-legged dance (RFC 5849 §2): get a request
 * token, send the user to the provider, exchange the verifier that comes
 * back for an access token, then call /api/me with it.
 */
@Controller
public class ClientAppController {

    private static final String REQUEST_TOKEN = "request_token";
    private static final String ACCESS_TOKEN = "access_token";

    private final OAuth10aService oauth;
    private final ClientAppProperties properties;
    private final CommonErrors commonErrors;
    private final JsonMapper json = JsonMapper.builder().build();

    public ClientAppController(OAuth10aService oauth, ClientAppProperties properties, CommonErrors commonErrors) {
        this.oauth = oauth;
        this.properties = properties;
        this.commonErrors = commonErrors;
    }

    /** Who the visitor is at the provider; without a token yet, the dance starts here. */
    @GetMapping("/")
    public ModelAndView home(HttpSession session) throws IOException, InterruptedException, ExecutionException {
        if (!(session.getAttribute(ACCESS_TOKEN) instanceof OAuth1AccessToken accessToken)) {
            // §2.1: temporary credentials, then off to the provider's consent page (§2.2).
            Dance.start(session); // a new dance; its first leg is this call
            OAuth1RequestToken requestToken = oauth.getRequestToken();
            session.setAttribute(REQUEST_TOKEN, requestToken);
            return new ModelAndView("redirect:" + oauth.getAuthorizationUrl(requestToken));
        }

        // §3: a request signed with the access token.
        OAuthRequest request = new OAuthRequest(Verb.GET, properties.providerUrl() + "/api/me");
        oauth.signRequest(accessToken, request);
        try (Response response = oauth.execute(request)) {
            if (response.getCode() >= 500) {
                return errorPage(HttpStatus.BAD_GATEWAY, "The provider at " + properties.providerUrl()
                        + " failed to answer /api/me (status " + response.getCode() + "). Try again later.");
            }
            if (response.getCode() != 200) {
                // Revoked or not enough realm: forget the token, offer to start again.
                session.removeAttribute(ACCESS_TOKEN);
                return errorPage(HttpStatus.FORBIDDEN, "The provider refused the access token (status "
                        + response.getCode() + "). Open the home page again to sign in anew.");
            }
            ModelAndView page = new ModelAndView("clientapp/home");
            page.addObject("username", usernameIn(response));
            page.addObject("providerUrl", properties.providerUrl());
            return page;
        }
    }

    /** /api/me answers {"username": "..."}: anything else is an answer this app cannot use. */
    private String usernameIn(Response response) throws IOException {
        return json.readTree(response.getBody()).path("username").stringValueOpt()
                .orElseThrow(() -> new OAuthException("/api/me answered without a username"));
    }

    /** §2.2: the provider sends the user back here, with a verifier or a refusal. */
    @GetMapping("/authorized")
    public ModelAndView authorized(@RequestParam(name = "oauth_token", defaultValue = "") String token,
            @RequestParam(name = "oauth_verifier", required = false) String verifier,
            @RequestParam(name = "oauth_problem", required = false) String problem, HttpServletRequest request)
            throws IOException, InterruptedException, ExecutionException {
        HttpSession session = request.getSession();
        Dance dance = Dance.in(session);
        // Only the answer to the request this browser started counts: a
        // link planted by someone else must not log this visitor in.
        OAuth1RequestToken requestToken = session.getAttribute(REQUEST_TOKEN) instanceof OAuth1RequestToken started
                ? started : null;
        boolean ours = requestToken != null && requestToken.getToken().equals(token);
        dance.check(LegKind.AUTHORIZATION_RESPONSE, "oauth_token is the request token this browser's sign-in got",
                ours);
        if (!ours) {
            return refused(dance, HttpStatus.BAD_REQUEST, "This answer from the provider does not belong to a sign-in"
                    + " started in this browser. Open the home page to start again.");
        }
        session.removeAttribute(REQUEST_TOKEN);
        if ("permission_denied".equals(problem) || verifier == null) {
            // The user said no: not a failure of anybody's, so a normal page.
            dance.fail(LegKind.AUTHORIZATION_RESPONSE, "You did not allow access (oauth_problem=permission_denied):"
                    + " the provider sent no verifier, and the dance ends here.");
            ModelAndView page = new ModelAndView("clientapp/denied");
            page.addObject("providerUrl", properties.providerUrl());
            return page;
        }
        // §2.3: the verifier proves the user said yes; the answer is the access token.
        OAuth1AccessToken accessToken = oauth.getAccessToken(requestToken, verifier);
        // Signed in: a new session id, so that an id planted before (cookies
        // on localhost are shared by every port) is worth nothing now.
        request.changeSessionId();
        session.setAttribute(ACCESS_TOKEN, accessToken);
        return new ModelAndView("redirect:/", HttpStatus.SEE_OTHER);
    }

    /** Forgets the token. The user stays logged in at the provider, which is another site. */
    @PostMapping("/logout")
    public ModelAndView logout(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Dance dance = Dance.in(session);
        session.invalidate();
        // The visitor is forgotten, not the dance.
        request.getSession().setAttribute(Dance.SESSION_KEY, dance);
        return new ModelAndView("clientapp/logged-out");
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

    /** §3.2: the provider refused a token request (an unregistered callback, a used verifier...). */
    @ExceptionHandler(ProviderRefusal.class)
    public ModelAndView tokenRefused(ProviderRefusal e) {
        return errorPage(HttpStatus.FORBIDDEN, "The provider refused to give this app a token (status " + e.status()
                + (e.problem() == null ? "" : ", oauth_problem=" + e.problem())
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
