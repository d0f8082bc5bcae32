package com.example.oauth.oauth1;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.example.oauth.client.Client;
import com.example.oauth.common.oauth1.OAuth1Provider;
import com.example.oauth.common.oauth1.SignedRequest;

/** The protected resource: who granted the token. */
@RestController
public class ApiController {

    /** The realm /api/me needs. */
    public static final String REALM = "profile";

    private final OAuth1Provider<Client, RequestToken, AccessToken> provider;

    public ApiController(OAuth1Provider<Client, RequestToken, AccessToken> provider) {
        this.provider = provider;
    }

    @Transactional // one transaction for the token read and the nonce write
    @GetMapping("/api/me")
    public ResponseEntity<Map<String, String>> me(HttpServletRequest request) {
        AccessToken token = provider.checkResourceRequest(SignedRequest.from(request), REALM);
        // Personal data: no cache may keep it.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("username", token.getUser().getUsername()));
    }
}
