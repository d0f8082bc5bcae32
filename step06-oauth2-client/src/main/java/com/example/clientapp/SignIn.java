package com.example.clientapp;

import java.io.Serializable;

/**
 * What this browser's sign-in is waiting for, kept in its session between
 * the redirect to the provider and the way back.
 *
 * @param state the unguessable value the provider must send back (RFC 6749 §10.12)
 * @param codeVerifier the PKCE secret whose hash went to the provider (RFC 7636 §4.1)
 */
public record SignIn(String state, String codeVerifier) implements Serializable {
}
