package com.example.clientapp;

import com.github.scribejava.core.builder.api.DefaultApi10a;

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
}
