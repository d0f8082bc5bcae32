package com.example.oauth.common.testing;

import com.github.scribejava.core.builder.api.DefaultApi10a;

/** scribejava's description of this tutorial's OAuth 1 provider, at any base URL. */
public class TutorialOAuth1Api extends DefaultApi10a {

    private final String baseUrl;

    public TutorialOAuth1Api(String baseUrl) {
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
