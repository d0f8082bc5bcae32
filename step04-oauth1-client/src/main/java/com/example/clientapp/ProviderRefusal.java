package com.example.clientapp;

import com.example.clientapp.common.Masking;
import com.github.scribejava.core.exceptions.OAuthException;

/**
 * The provider said no to a token request (RFC 5849 §3.2: 400 or 401),
 * naming its reason as an oauth_problem (the Problem Reporting extension):
 * not a failure of the network or of the provider.
 */
public class ProviderRefusal extends OAuthException {

    private final int status;
    private final String problem;

    public ProviderRefusal(int status, String body) {
        super("The provider refused with status " + status);
        this.status = status;
        String found = ProviderCalls.formParameter(body == null ? "" : body, "oauth_problem");
        this.problem = found == null ? null : Masking.decode(found);
    }

    public int status() {
        return status;
    }

    /** The oauth_problem, or null when the answer named none. */
    public String problem() {
        return problem;
    }
}
