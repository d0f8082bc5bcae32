package com.example.oauth.common.oauth2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Two rules of RFC 6749 §3.1 for the parameters of every endpoint, in one
 * place: a parameter sent without a value counts as not sent, and a
 * parameter may be sent once only. Each endpoint answers the second its own
 * way, so it says which refusal to throw.
 */
public final class RequestParameters {

    private RequestParameters() {
    }

    /** The query as a servlet container gives it (each name with every value sent), empty values left out. */
    public static Map<String, List<String>> of(Map<String, String[]> query) {
        Map<String, List<String>> sent = new HashMap<>();
        query.forEach((name, values) -> {
            for (String value : values) {
                add(sent, name, value == null ? "" : value);
            }
        });
        return sent;
    }

    /** Adds a value sent for this name; an empty one (or one without a name) counts as not sent. */
    public static void add(Map<String, List<String>> sent, String name, String value) {
        if (!name.isEmpty() && !value.isEmpty()) {
            sent.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    /** The value sent for this name, if any; sent more than once, the endpoint's refusal. */
    public static Optional<String> once(Map<String, List<String>> sent, String name,
            Supplier<? extends RuntimeException> sentTwice) {
        List<String> values = sent.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw sentTwice.get();
        }
        return values.stream().findFirst();
    }
}
