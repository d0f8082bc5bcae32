package com.example.oauth.common.oauth1;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the {@code application/x-www-form-urlencoded} bodies of the token
 * endpoints (RFC 5849 §2.1, §2.3) and of error answers.
 */
public final class FormEncoding {

    private FormEncoding() {
    }

    public static String format(Map<String, String> fields) {
        // §3.6's encoding is a valid form encoding too, and never writes '+'.
        return fields.entrySet().stream()
                .map(e -> PercentEncoding.encode(e.getKey()) + "=" + PercentEncoding.encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
