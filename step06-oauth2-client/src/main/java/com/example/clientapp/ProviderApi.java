package com.example.clientapp;

import com.github.scribejava.core.builder.api.DefaultApi20;

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
}
