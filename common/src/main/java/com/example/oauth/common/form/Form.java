package com.example.oauth.common.form;

import java.util.ArrayList;
import java.util.List;

/**
 * The one parser of {@code application/x-www-form-urlencoded} text in this
 * project: a query string, or the body of a POST (HTML 4.01 §17.13.4.1).
 * Both engines read their requests with it.
 */
public final class Form {

    /** One name and value, decoded. A name may occur more than once, so fields travel as a list. */
    public record Field(String name, String value) {
    }

    private Form() {
    }

    /**
     * Parses {@code a=1&b=2+3} into decoded fields, in the order sent.
     * "c2" without '=' is the name "c2" with an empty value; '+' is a space;
     * empty pieces ("a=1&&b=2", a trailing '&') are skipped.
     *
     * @param encoded the still-encoded text; {@code null} or "" gives an empty list
     * @throws IllegalArgumentException on a malformed escape or bytes that are not UTF-8
     */
    public static List<Field> parse(String encoded) {
        List<Field> fields = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            fields.add(new Field(PercentDecoding.decodeForm(name), PercentDecoding.decodeForm(value)));
        }
        return fields;
    }
}
