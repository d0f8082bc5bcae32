package com.example.oauth.oauth1;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import com.example.oauth.client.Client;
import com.example.oauth.common.oauth1.FormEncoding;
import com.example.oauth.common.oauth1.OAuth1Provider;
import com.example.oauth.common.oauth1.OAuth1Provider.TemporaryCredentialsRequest;
import com.example.oauth.common.oauth1.SignedRequest;
import com.example.oauth.common.security.RandomTokens;
import com.example.oauth.common.security.Sha256;
import com.example.oauth.common.user.CurrentUser;
import com.example.oauth.common.user.User;
import com.example.oauth.common.web.CsrfExempt;
import com.example.oauth.common.web.ErrorPage;
import com.example.oauth.common.web.SeeOther;

/**
 * The three endpoints of RFC 5849 §2, the article's handlers: a client gets
 * a request token, the user authorizes it, the client exchanges it for an
 * access token.
 */
@Controller
public class OAuth1Controller {

    /** Temporary credentials must be used soon (§2.1 lets the provider choose). */
    static final Duration REQUEST_TOKEN_LIFETIME = Duration.ofMinutes(10);

    private final OAuth1Provider<Client, RequestToken> provider;
    private final RequestTokenRepository requestTokens;
    private final AccessTokenRepository accessTokens;
    private final CurrentUser currentUser;
    private final Clock clock;

    public OAuth1Controller(OAuth1Provider<Client, RequestToken> provider,
            RequestTokenRepository requestTokens, AccessTokenRepository accessTokens, CurrentUser currentUser,
            Clock clock) {
        this.provider = provider;
        this.requestTokens = requestTokens;
        this.accessTokens = accessTokens;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** §2.1: temporary credentials. POST as the RFC says; GET too, as many clients use it. */
    @CsrfExempt
    @Transactional // the nonce and the token are stored together, or neither
    @RequestMapping(value = "/oauth/request_token", method = {RequestMethod.POST, RequestMethod.GET})
    public ResponseEntity<String> requestToken(HttpServletRequest request) {
        TemporaryCredentialsRequest<Client> asked =
                provider.checkTemporaryCredentialsRequest(SignedRequest.from(request));
        RequestToken token = new RequestToken(RandomTokens.generate(30), RandomTokens.generate(40), asked.client(),
                asked.callback(), asked.realms(), clock.instant().plus(REQUEST_TOKEN_LIFETIME));
        requestTokens.save(token);

        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("oauth_token", token.getToken());
        answer.put("oauth_token_secret", token.getTokenSecret());
        answer.put("oauth_callback_confirmed", "true");
        return formAnswer(answer);
    }

    /** §2.2: the consent page, for a logged-in user. */
    @GetMapping("/oauth/authorize")
    public ModelAndView authorizeForm(@RequestParam(name = "oauth_token", required = false) String oauthToken,
            HttpServletRequest request) {
        User user = currentUser.require(request);
        Optional<RequestToken> token = pendingToken(oauthToken);
        if (token.isEmpty()) {
            return unknownToken();
        }
        ModelAndView page = new ModelAndView("authorize");
        page.addObject("user", user);
        page.addObject("token", token.get());
        page.addObject("client", token.get().getClient());
        return page;
    }

    /** §2.2: the user's answer. Yes: back to the client with a verifier. No: back with a refusal. */
    @PostMapping("/oauth/authorize")
    public ModelAndView authorize(@RequestParam(name = "oauth_token", defaultValue = "") String oauthToken,
            @RequestParam(defaultValue = "") String confirm, HttpServletRequest request,
            HttpServletResponse response) {
        User user = currentUser.require(request);
        Optional<RequestToken> found = pendingToken(oauthToken);
        if (found.isEmpty()) {
            return unknownToken();
        }
        RequestToken token = found.get();
        if (confirm.equals("no")) {
            // The token can never be used now; the client hears of the refusal
            // on its callback (Problem Reporting's permission_denied).
            if (requestTokens.deletePending(token.getToken()) == 0) {
                return unknownToken();
            }
            if (token.getCallback().equals("oob")) {
                return new ModelAndView("denied");
            }
            return redirect(UriComponentsBuilder.fromUriString(token.getCallback())
                    .queryParam("oauth_token", token.getToken())
                    .queryParam("oauth_problem", "permission_denied"));
        }
        if (!confirm.equals("yes")) {
            return ErrorPage.of(HttpStatus.BAD_REQUEST, "The answer must be confirm=yes or confirm=no.");
        }

        // §2.2: the verifier proves to the provider that this user said yes.
        String verifier = RandomTokens.generate(32);
        if (requestTokens.authorize(token.getToken(), user, Sha256.hex(verifier), clock.instant()) == 0) {
            return unknownToken(); // answered in another tab meanwhile, or expired
        }
        if (token.getCallback().equals("oob")) {
            ModelAndView page = new ModelAndView("verifier");
            page.addObject("verifier", verifier);
            page.addObject("client", token.getClient());
            response.setHeader("Cache-Control", "no-store");
            return page;
        }
        // The callback's own query is kept; ours is added to it.
        return redirect(UriComponentsBuilder.fromUriString(token.getCallback())
                .queryParam("oauth_token", token.getToken())
                .queryParam("oauth_verifier", verifier));
    }

    /** §2.3: token credentials, for the request token and its verifier, once. */
    @CsrfExempt
    @Transactional // nonce, used-up request token and access token: all or nothing
    @RequestMapping(value = "/oauth/access_token", method = {RequestMethod.POST, RequestMethod.GET})
    public ResponseEntity<String> accessToken(HttpServletRequest request) {
        RequestToken used = provider.checkTokenRequest(SignedRequest.from(request));
        AccessToken token = new AccessToken(RandomTokens.generate(30), RandomTokens.generate(40), used.getClient(),
                used.getUser(), used.getRealms(), clock.instant());
        accessTokens.save(token);

        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("oauth_token", token.getToken());
        answer.put("oauth_token_secret", token.getTokenSecret());
        return formAnswer(answer);
    }

    /** A request token that a user may still authorize: known, not expired, not authorized yet. */
    private Optional<RequestToken> pendingToken(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return requestTokens.findByToken(token)
                .filter(t -> !t.isAuthorized() && t.getExpiresAt().isAfter(clock.instant()));
    }

    private static ModelAndView unknownToken() {
        return ErrorPage.of(HttpStatus.BAD_REQUEST, "This authorization link is unknown, expired or already used."
                + " Go back to the application and start again.");
    }

    private static ModelAndView redirect(UriComponentsBuilder target) {
        return SeeOther.to(target.build().toUriString());
    }

    /** §2.1, §2.3: the credentials as a form-encoded body, never cached. */
    private static ResponseEntity<String> formAnswer(Map<String, String> fields) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .cacheControl(CacheControl.noStore())
                .body(FormEncoding.format(fields));
    }
}
