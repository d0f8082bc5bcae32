package com.example.oauth.common.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import com.example.oauth.common.oauth1.AuthorizationError;
import com.example.oauth.common.oauth1.OAuthProblem;

/**
 * How a refused OAuth 1 request is answered, for every step with an OAuth 1
 * provider: the status of RFC 5849 §3.2, a form-encoded body naming the
 * problem, and for a 401 the {@code WWW-Authenticate: OAuth} challenge of
 * §3.5.1. On the consent page, a page for the user.
 */
@ControllerAdvice
public class OAuth1Errors {

    /** The protection realm of the API (§3.5.1): the realm its token must hold. */
    public static final String API_REALM = "profile";

    @ExceptionHandler(OAuthProblem.class)
    public ResponseEntity<String> problem(OAuthProblem problem, HttpServletRequest request) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (problem.getStatus() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "OAuth realm=\"" + realmOf(request) + "\"");
        }
        return answer.body(problem.toFormBody());
    }

    /** §2.2: the user reads it, on the provider's own page. */
    @ExceptionHandler(AuthorizationError.class)
    public ModelAndView authorization(AuthorizationError error) {
        return ErrorPage.of(HttpStatus.BAD_REQUEST, error.getMessage());
    }

    /** The protection realm: the API's, or the token endpoints' own. */
    private static String realmOf(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/") ? API_REALM : "oauth";
    }
}
