package com.example.clientapp;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

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
    private final JsonMapper json = JsonMapper.builder().build();

    public ClientAppController(OAuth10aService oauth, ClientAppProperties properties) {
        this.oauth = oauth;
        this.properties = properties;
    }

    /** Who the visitor is at the provider; without a token yet, the dance starts here. */
    @GetMapping("/")
    public ModelAndView home(HttpSession session) throws IOException, InterruptedException, ExecutionException {
        if (!(session.getAttribute(ACCESS_TOKEN) instanceof OAuth1AccessToken accessToken)) {
            // §2.1: temporary credentials, then off to the provider's consent page (§2.2).
            OAuth1RequestToken requestToken = oauth.getRequestToken();
            session.setAttribute(REQUEST_TOKEN, requestToken);
            return new ModelAndView("redirect:" + oauth.getAuthorizationUrl(requestToken));
        }

        // §3: a request signed with the access token.
        OAuthRequest request = new OAuthRequest(Verb.GET, properties.providerUrl() + "/api/me");
        oauth.signRequest(accessToken, request);
        try (Response response = oauth.execute(request)) {
            if (response.getCode() != 200) {
                // Revoked or not enough realm: forget the token, offer to start again.
                session.removeAttribute(ACCESS_TOKEN);
                return errorPage(HttpStatus.BAD_GATEWAY, "The provider refused the access token (status "
                        + response.getCode() + "). Open the home page again to sign in anew.");
            }
            ModelAndView page = new ModelAndView("clientapp/home");
            page.addObject("username", json.readTree(response.getBody()).get("username").asString());
            page.addObject("providerUrl", properties.providerUrl());
            return page;
        }
    }

    /** §2.2: the provider sends the user back here, with a verifier or a refusal. */
    @GetMapping("/authorized")
    public ModelAndView authorized(@RequestParam(name = "oauth_token", defaultValue = "") String token,
            @RequestParam(name = "oauth_verifier", required = false) String verifier,
            @RequestParam(name = "oauth_problem", required = false) String problem, HttpServletRequest request)
            throws IOException, InterruptedException, ExecutionException {
        HttpSession session = request.getSession();
        // Only the answer to the request this browser started counts: a
        // link planted by someone else must not log this visitor in.
        if (!(session.getAttribute(REQUEST_TOKEN) instanceof OAuth1RequestToken requestToken)
                || !requestToken.getToken().equals(token)) {
            return errorPage(HttpStatus.BAD_REQUEST, "This answer from the provider does not belong to a sign-in"
                    + " started in this browser. Open the home page to start again.");
        }
        session.removeAttribute(REQUEST_TOKEN);
        if ("permission_denied".equals(problem) || verifier == null) {
            ModelAndView page = new ModelAndView("clientapp/denied", HttpStatus.FORBIDDEN);
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
    public ModelAndView logout(HttpSession session) {
        session.invalidate();
        return new ModelAndView("clientapp/logged-out");
    }

    @ExceptionHandler({IOException.class, ExecutionException.class})
    public ModelAndView providerDown(Exception e) {
        return errorPage(HttpStatus.BAD_GATEWAY, "The provider at " + properties.providerUrl()
                + " did not answer. Is it running? (" + e.getClass().getSimpleName() + ")");
    }

    @ExceptionHandler({OAuthException.class, JacksonException.class, NullPointerException.class})
    public ModelAndView badAnswer(Exception e) {
        return errorPage(HttpStatus.BAD_GATEWAY, "The provider at " + properties.providerUrl()
                + " answered something this app could not use: " + e.getMessage());
    }

    @ExceptionHandler(InterruptedException.class)
    public ModelAndView interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return errorPage(HttpStatus.SERVICE_UNAVAILABLE, "The app is shutting down.");
    }

    /** The shared error page, headed with this app's name rather than the provider's. */
    private static ModelAndView errorPage(HttpStatus status, String message) {
        return ErrorPage.of(status, message).addObject("site", "Client app");
    }
}
