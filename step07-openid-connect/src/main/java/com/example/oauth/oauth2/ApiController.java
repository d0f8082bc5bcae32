package com.example.oauth.oauth2;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.oauth.common.oauth2.OAuth2Provider;
import com.example.oauth.common.oauth2.OAuth2Token;

/** The protected resource: who granted the token. */
@RestController
public class ApiController {

    /** The scope /api/me needs. */
    public static final String SCOPE = "profile";

    private final OAuth2Provider provider;

    public ApiController(OAuth2Provider provider) {
        this.provider = provider;
    }

    @GetMapping("/api/me")
    public Map<String, String> me(HttpServletRequest request, HttpServletResponse response) {
        // A client's own token (client_credentials) stands for no user and
        // has no scope, so the check refuses it: every token that passes
        // has a user.
        OAuth2Token token = provider.checkBearerToken(request.getHeader(HttpHeaders.AUTHORIZATION), SCOPE);
        // Personal data: no cache may keep it.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // The body itself, not a ResponseEntity: it goes out in one piece.
        return Map.of("username", token.username());
    }
}
