package com.example.oauth.common.oauth1;

import java.util.List;
import java.util.Objects;

import com.example.oauth.common.form.Form;

/**
 * One request parameter, name and value in their decoded form (RFC 5849 §3.4.1.3).
 * A name may occur more than once in a request, so parameters travel as a {@code List}.
 */
public record Parameter(String name, String value) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * "name=value" with both sides encoded per §3.6, as in a query string.
     */
    public String encoded() {
        return PercentEncoding.encode(name) + "=" + PercentEncoding.encode(value);
    }

    /**
     * Parses a raw query string ({@code URI.getRawQuery()}) or a form body into
     * decoded parameters, per §3.4.1.3.1: "c2" without '=' is the name "c2"
     * with an empty value, and '+' is a space.
     *
     * @param formEncoded the still-encoded text; {@code null} or "" gives an empty list
     * @throws IllegalArgumentException on a malformed percent escape
     */
    public static List<Parameter> parseForm(String formEncoded) {
        return Form.parse(formEncoded).stream().map(f -> new Parameter(f.name(), f.value())).toList();
    }
}
