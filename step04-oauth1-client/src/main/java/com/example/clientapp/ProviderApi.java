package com.example.clientapp;

import java.io.IOException;

import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.exceptions.OAuthException;
import com.github.scribejava.core.extractors.BaseStringExtractor;
import com.github.scribejava.core.extractors.OAuth1AccessTokenExtractor;
import com.github.scribejava.core.extractors.OAuth1RequestTokenExtractor;
import com.github.scribejava.core.extractors.TokenExtractor;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuth1RequestToken;
import com.github.scribejava.core.model.Response;

/** scribejava's description of the provider: its three endpoints (RFC 5849 §2). */
public class ProviderApi extends DefaultApi10a {

    private final String baseUrl;

    public ProviderApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String getRequestTokenEndpoint() {
        return baseUrl + "/oauth/request_token";
    }

    @Override
    public String getAccessTokenEndpoint() {
        return baseUrl + "/oauth/access_token";
    }

    @Override
    protected String getAuthorizationBaseUrl() {
        return baseUrl + "/oauth/authorize";
    }

    /** scribejava's own base string, handed to the dance page on its way to the signature. */
    @Override
    public BaseStringExtractor getBaseStringExtractor() {
        BaseStringExtractor standard = super.getBaseStringExtractor();
        return request -> ProviderCalls.signed(standard.extract(request));
    }

    @Override
    public TokenExtractor<OAuth1RequestToken> getRequestTokenExtractor() {
        return response -> OAuth1RequestTokenExtractor.instance().extract(refusedOrNot(response));
    }

    @Override
    public TokenExtractor<OAuth1AccessToken> getAccessTokenExtractor() {
        return response -> OAuth1AccessTokenExtractor.instance().extract(refusedOrNot(response));
    }

    /**
     * A 400 or 401 is the provider's refusal (RFC 5849 §3.2), with its
     * oauth_problem; scribejava alone would see only a body without a token.
     * An empty body is an answer without a token too (scribejava would take
     * it for a programming error, IllegalArgumentException).
     */
    private static Response refusedOrNot(Response response) throws IOException {
        if (response.getCode() == 400 || response.getCode() == 401) {
            throw new ProviderRefusal(response.getCode(), response.getBody());
        }
        if (response.getBody() == null || response.getBody().isEmpty()) {
            throw new OAuthException("The provider answered status " + response.getCode() + " without a body");
        }
        return response;
    }
}
