package com.example.oauth.oauth1;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.oauth.common.oauth1.OAuth1Provider;
import com.example.oauth.common.oauth1.TokenCredentials;
import com.example.oauth.common.web.OAuth1Errors;
import com.example.oauth.common.web.OAuth1Requests;

/** The protected resource: who granted the token. */
@RestController
public class ApiController {

    private final OAuth1Provider provider;

    public ApiController(OAuth1Provider provider) {
        this.provider = provider;
    }

    // No transaction: one read (the token, with its client and user), then
    // one insert (the nonce), whose unique constraint is the replay check.
    @GetMapping("/api/me")
    public Map<String, String> me(HttpServletRequest request, HttpServletResponse response) {
        TokenCredentials token = provider.checkResourceRequest(OAuth1Requests.signedRequest(request),
                OAuth1Errors.API_REALM);
        // Personal data: no cache may keep it.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return Map.of("username", token.username());
    }
}
