package com.example.oauth.common.security;

/**
 * How a secret is shown when it must be shown at all (the client apps'
 * dance pages): its first characters, an ellipsis and its length, e.g.
 * {@code dBjftJ…(43)}. Enough to tell two values apart, never enough to use
 * one.
 */
public final class SecretMask {

    /** At most this many leading characters are shown. */
    static final int SHOWN = 6;

    private SecretMask() {
    }

    /**
     * The masked form. Values of this tutorial are 32 characters and more, so
     * their first 6 show; a shorter value shows at most a third of itself,
     * so that no value is ever shown whole.
     */
    public static String of(String secret) {
        if (secret == null) {
            return null;
        }
        int shown = Math.min(SHOWN, secret.length() / 3);
        return secret.substring(0, shown) + "…(" + secret.length() + ")";
    }
}
