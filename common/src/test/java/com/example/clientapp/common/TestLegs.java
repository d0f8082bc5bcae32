package com.example.clientapp.common;

/** The legs of a made-up flow, for the tests of the dance's plumbing. */
enum TestLegs implements Leg.Kind {

    AUTHORIZATION_REQUEST, AUTHORIZATION_RESPONSE, TOKEN_REQUEST, API_CALL;

    @Override
    public String title() {
        return name().toLowerCase();
    }

    @Override
    public String route() {
        return "client app → provider";
    }

    @Override
    public String rfc() {
        return "RFC 6749 §4.1";
    }

    @Override
    public String rfcUrl() {
        return "https://www.rfc-editor.org/rfc/rfc6749#section-4.1";
    }

    @Override
    public String chapter() {
        return "docs/06-oauth2-client.md";
    }
}
