package com.example.oauth.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A registration form with a value that does not fit. The error codes are
 * those of dynamic client registration, RFC 7591 §3.2.2.
 */
public class InvalidRegistrationException extends RuntimeException {

    /** invalid_redirect_uri or invalid_client_metadata */
    private final String error;

    public InvalidRegistrationException(String error, String message) {
        super(message);
        this.error = error;
    }

    /** The JSON body of RFC 7591 §3.2.2, in this order: error, then error_description. */
    public Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", getMessage());
        return body;
    }
}
