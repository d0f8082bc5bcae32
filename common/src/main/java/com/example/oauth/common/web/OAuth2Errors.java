package com.example.oauth.common.web;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import com.example.oauth.common.oauth2.AuthorizationError;
import com.example.oauth.common.oauth2.BearerTokenError;
import com.example.oauth.common.oauth2.OAuth2Error;

/**
 * How each kind of refused OAuth 2 request is answered, as the RFCs say,
 * for every step with an OAuth 2 provider: the part of Flask-OAuthlib that
 * turns oauthlib's errors into HTTP answers.
 */
@ControllerAdvice
public class OAuth2Errors {

    /** The protection space named in the Bearer challenges of the API (RFC 6750 §3). */
    public static final String API_REALM = "api";

    /**
     * RFC 6749 §4.1.2.1: back to the client with the error, or, when the
     * client or its redirect URI is in doubt, a page here for the user.
     */
    @ExceptionHandler(AuthorizationError.class)
    public ModelAndView authorization(AuthorizationError error) {
        if (error.isRedirect()) {
            return SeeOther.to(error.getRedirect().location());
        }
        return ErrorPage.of(HttpStatus.BAD_REQUEST, error.getMessage());
    }

    /** RFC 6749 §5.2: token, revocation and introspection endpoints. JSON, never cached. */
    @ExceptionHandler(OAuth2Error.class)
    public ResponseEntity<Map<String, String>> token(OAuth2Error error) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(error.getStatus())
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache");
        if (error.getWwwAuthenticate() != null) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, error.getWwwAuthenticate());
        }
        if (error.getRetryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, error.getRetryAfter());
        }
        if (error.getAllow() != null) {
            answer.header(HttpHeaders.ALLOW, error.getAllow());
        }
        return answer.body(error.toJson());
    }

    /** RFC 6750 §3: the API. The challenge says what is wrong; the body repeats it for a reader. */
    @ExceptionHandler(BearerTokenError.class)
    public ResponseEntity<Map<String, String>> resource(BearerTokenError error) {
        return ResponseEntity.status(error.getStatus())
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, error.wwwAuthenticate(API_REALM))
                .body(error.toJson());
    }
}
