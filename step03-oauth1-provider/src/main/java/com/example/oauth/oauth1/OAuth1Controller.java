package com.example.oauth.oauth1;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.example.oauth.common.oauth1.AuthorizationResponse;
import com.example.oauth.common.oauth1.CredentialsResponse;
import com.example.oauth.common.oauth1.OAuth1Provider;
import com.example.oauth.common.oauth1.TemporaryCredentials;
import com.example.oauth.common.user.CurrentUser;
import com.example.oauth.common.user.User;
import com.example.oauth.common.web.CsrfExempt;
import com.example.oauth.common.web.ErrorPage;
import com.example.oauth.common.web.OAuth1Requests;
import com.example.oauth.common.web.SeeOther;

/**
 * The three endpoints of RFC 5849 §2, the article's handlers: a client gets
 * a request token, the user authorizes it, the client exchanges it for an
 * access token. The engine checks, issues and saves; a handler reads the
 * request and shows the answer. A refusal is the engine's exception, which
 * common's OAuth1Errors answers: the client's problem, or the user's page.
 */
@Controller
public class OAuth1Controller {

    private final OAuth1Provider provider;
    private final CurrentUser currentUser;

    public OAuth1Controller(OAuth1Provider provider, CurrentUser currentUser) {
        this.provider = provider;
        this.currentUser = currentUser;
    }

    /** §2.1: temporary credentials. POST as the RFC says; GET too, as many clients use it. */
    @CsrfExempt
    @RequestMapping(value = "/oauth/request_token", method = {RequestMethod.POST, RequestMethod.GET})
    public ResponseEntity<String> requestToken(HttpServletRequest request) {
        return formAnswer(provider.issueTemporaryCredentials(OAuth1Requests.signedRequest(request)));
    }

    /** §2.2: the consent page, for a logged-in user. */
    @GetMapping("/oauth/authorize")
    public ModelAndView authorizeForm(@RequestParam(name = "oauth_token", required = false) String oauthToken,
            HttpServletRequest request) {
        User user = currentUser.require(request);
        TemporaryCredentials token = provider.pendingAuthorization(oauthToken);
        ModelAndView page = new ModelAndView("authorize");
        page.addObject("user", user);
        page.addObject("token", token);
        page.addObject("client", token.getClient());
        return page;
    }

    /** §2.2: the user's answer. Yes: back to the client with a verifier. No: back with a refusal. */
    @PostMapping("/oauth/authorize")
    public ModelAndView authorize(@RequestParam(name = "oauth_token", defaultValue = "") String oauthToken,
            @RequestParam(defaultValue = "") String confirm, HttpServletRequest request,
            HttpServletResponse response) {
        User user = currentUser.require(request);
        AuthorizationResponse answer;
        if (confirm.equals("yes")) {
            answer = provider.allow(oauthToken, user.getUsername());
        } else if (confirm.equals("no")) {
            answer = provider.deny(oauthToken);
        } else {
            return ErrorPage.of(HttpStatus.BAD_REQUEST, "The answer must be confirm=yes or confirm=no.");
        }
        if (!answer.outOfBand()) {
            return SeeOther.to(answer.location());
        }
        if (!answer.allowed()) {
            return new ModelAndView("denied");
        }
        // Out of band: the user types the verifier into the application.
        ModelAndView page = new ModelAndView("verifier");
        page.addObject("verifier", answer.verifier());
        page.addObject("client", answer.client());
        response.setHeader("Cache-Control", "no-store");
        return page;
    }

    /** §2.3: token credentials, for the request token and its verifier, once. */
    @CsrfExempt
    @RequestMapping(value = "/oauth/access_token", method = {RequestMethod.POST, RequestMethod.GET})
    public ResponseEntity<String> accessToken(HttpServletRequest request) {
        return formAnswer(provider.issueTokenCredentials(OAuth1Requests.signedRequest(request)));
    }

    /** §2.1, §2.3: the credentials as a form-encoded body, never cached. */
    private static ResponseEntity<String> formAnswer(CredentialsResponse credentials) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cacheControl(CacheControl.noStore())
                .body(credentials.toFormBody());
    }
}
