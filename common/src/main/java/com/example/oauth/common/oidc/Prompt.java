package com.example.oauth.common.oidc;

import java.util.Optional;

/**
 * The values of {@code prompt} (OpenID Connect Core §3.1.2.1): whether the
 * provider may, or must, show its login and consent pages.
 */
public enum Prompt {

    /** Show no page at all: sign in silently, or answer login_required or consent_required. */
    NONE("none"),
    /** Log in again, even with a session. */
    LOGIN("login"),
    /** Ask for consent again, even when the user allowed these scopes before. */
    CONSENT("consent"),
    /**
     * Let the user choose an account. Here the login page is where a user
     * says who they are, so this shows it, as {@link #LOGIN} does.
     */
    SELECT_ACCOUNT("select_account");

    private final String value;

    Prompt(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The prompt with this exact value (§3.1.2.1: values are case-sensitive), or empty. */
    public static Optional<Prompt> of(String value) {
        for (Prompt prompt : values()) {
            if (prompt.value.equals(value)) {
                return Optional.of(prompt);
            }
        }
        return Optional.empty();
    }
}
