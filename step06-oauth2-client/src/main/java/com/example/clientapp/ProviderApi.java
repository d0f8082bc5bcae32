package com.example.clientapp;

import java.io.IOException;

import com.github.scribejava.core.builder.api.DefaultApi20;
import com.github.scribejava.core.exceptions.OAuthException;
import com.github.scribejava.core.extractors.OAuth2AccessTokenJsonExtractor;
import com.github.scribejava.core.extractors.TokenExtractor;
import com.github.scribejava.core.model.OAuth2AccessToken;

/** scribejava's description of the provider: its endpoints (RFC 8414 lists the same). */
public class ProviderApi extends DefaultApi20 {

    private final String baseUrl;

    public ProviderApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String getAccessTokenEndpoint() {
        return baseUrl + "/oauth/token";
    }

    @Override
    protected String getAuthorizationBaseUrl() {
        return baseUrl + "/oauth/authorize";
    }

    @Override
    public String getRevokeTokenEndpoint() {
        return baseUrl + "/oauth/revoke";
    }

    /**
     * scribejava's reader of the token endpoint's JSON (RFC 6749 §5.1, §5.2),
     * except that an answer it cannot read is the provider's bad answer:
     * scribejava alone would throw IllegalArgumentException for an empty body,
     * and for one that is not JSON an IOException, as if the network had failed.
     */
    @Override
    public TokenExtractor<OAuth2AccessToken> getAccessTokenExtractor() {
        return response -> {
            String body = response.getBody(); // read now: an IOException after this is not the network's
            if (body == null || body.isEmpty()) {
                throw new OAuthException("The token endpoint answered status " + response.getCode()
                        + " without a body");
            }
            try {
                return OAuth2AccessTokenJsonExtractor.instance().extract(response);
            } catch (IOException notJson) {
                throw new OAuthException("The token endpoint answered something that is not JSON", notJson);
            }
        };
    }
}
