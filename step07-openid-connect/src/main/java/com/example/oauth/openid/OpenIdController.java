package com.example.oauth.openid;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import com.example.oauth.client.Scopes;
import com.example.oauth.common.oauth2.OAuth2Provider;
import com.example.oauth.common.oauth2.OAuth2Token;
import com.example.oauth.common.oidc.IdTokens;
import com.example.oauth.common.oidc.JwkSet;
import com.example.oauth.common.oidc.ProviderMetadata;
import com.example.oauth.common.oidc.SigningKeys;
import com.example.oauth.common.oidc.UserInfo;
import com.example.oauth.common.web.CsrfExempt;

/**
 * What an OpenID Connect client reads of the provider, besides the OAuth 2
 * endpoints: the discovery document, the keys that verify id_tokens, and
 * the UserInfo endpoint.
 */
@RestController
public class OpenIdController {

    /**
     * Discovery and the JWKS hold nothing secret: a cache may keep them. The
     * JWKS a minute only: a new key signs at once, and a client that meets
     * its kid fetches the set again, which a cache must not answer with the old.
     */
    private static final CacheControl DISCOVERY = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private static final CacheControl JWKS = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    private final OAuth2Provider provider;
    private final SigningKeys keys;
    private final OpenIdStorage storage;

    public OpenIdController(OAuth2Provider provider, SigningKeys keys, OpenIdStorage storage) {
        this.provider = provider;
        this.keys = keys;
        this.storage = storage;
    }

    /** OpenID Connect Discovery 1.0 §4. */
    @GetMapping(ProviderMetadata.PATH)
    public ResponseEntity<Map<String, Object>> configuration() {
        return ResponseEntity.ok().cacheControl(DISCOVERY)
                .body(ProviderMetadata.of(provider.issuer(), Scopes.KNOWN));
    }

    /** RFC 7517 §5: public keys only. */
    @GetMapping(ProviderMetadata.JWKS_URI)
    public ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(JWKS)
                .body(JwkSet.of(keys));
    }

    /**
     * OpenID Connect Core §5.3: GET or POST, with a bearer token (RFC 6750)
     * issued for scope openid; the refusals are /api/me's. An id_token is
     * not a bearer token: no access token has its hash, so it is unknown.
     */
    @CsrfExempt
    @RequestMapping(value = ProviderMetadata.USERINFO_ENDPOINT, method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<Map<String, Object>> userInfo(HttpServletRequest request) {
        OAuth2Token token = provider.checkBearerToken(request.getHeader(HttpHeaders.AUTHORIZATION), IdTokens.OPENID);
        // Personal data: no cache may keep it.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(UserInfo.of(storage.subject(token.username()), token.username(), token.scopes()));
    }
}
