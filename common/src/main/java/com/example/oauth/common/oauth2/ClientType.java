package com.example.oauth.common.oauth2;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two client types of RFC 6749 §2.1. A confidential client runs where
 * it can keep a secret (a web server); a public client cannot (an app on a
 * phone, a script in a browser), so it has no secret and proves instead,
 * with PKCE (RFC 7636), that it is the one that asked for the code.
 */
public enum ClientType {

    PUBLIC("public"),
    CONFIDENTIAL("confidential");

    private final String value;

    ClientType(String value) {
        this.value = value;
    }

    /** The name used in forms and JSON: "public" or "confidential". */
    public String value() {
        return value;
    }

    public static Optional<ClientType> fromValue(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }
}
