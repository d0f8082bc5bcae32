package com.example.oauth.common.oauth1;

/**
 * A nonce as the provider records it (RFC 5849 §3.3): good once per client,
 * timestamp and token, so these four together are what storage keeps.
 *
 * @param token the request's {@code oauth_token}, "" for none
 */
public record Nonce(String clientKey, long timestamp, String value, String token) {
}
