package com.example.oauth.common.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

import com.example.oauth.common.user.LoginRequiredException;

/**
 * Answers for the two rules every step shares: pages that need a login, and
 * forms without the right CSRF token.
 */
@ControllerAdvice
public class CommonErrors {

    /** To the login form, which sends the user back here afterwards. */
    @ExceptionHandler(LoginRequiredException.class)
    public String loginFirst(LoginRequiredException e) {
        if (e.getReturnTo() == null) {
            return "redirect:/";
        }
        // Keeps "/" and "?" readable; escapes "&", "=", "#" and "+" (which a
        // server would read back as a space).
        String next = UriUtils.encodeQueryParam(e.getReturnTo(), StandardCharsets.UTF_8).replace("+", "%2B");
        return "redirect:/?next=" + next;
    }

    /**
     * A query or form with a broken %-escape ("%zz"): Tomcat refuses to read
     * its parameters at all. The request is bad, so 400, never a 500.
     */
    @ExceptionHandler(InvalidParameterException.class)
    public ModelAndView malformedParameters(InvalidParameterException e) {
        return ErrorPage.of(HttpStatus.BAD_REQUEST, "The request's parameters could not be read: a %-escape is"
                + " malformed (a % must be followed by two hexadecimal digits, and the bytes must be UTF-8).");
    }

    @ExceptionHandler(value = InvalidCsrfTokenException.class, produces = "application/json")
    public ResponseEntity<Map<String, String>> csrfJson(InvalidCsrfTokenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Map.of("error", "invalid_csrf_token", "error_description", e.getMessage()));
    }

    @ExceptionHandler(InvalidCsrfTokenException.class)
    public ModelAndView csrfPage(InvalidCsrfTokenException e) {
        return ErrorPage.of(HttpStatus.FORBIDDEN, e.getMessage());
    }
}
