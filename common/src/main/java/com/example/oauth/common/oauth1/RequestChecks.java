package com.example.oauth.common.oauth1;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The checks that every signed request passes, whichever endpoint it is
 * for (RFC 5849 §3.2). Each endpoint calls them in the same order:
 * {@link #wellFormed} (no storage needed), then it finds who signed and
 * calls {@link #signature}, then its own checks, and {@link #useNonce} last
 * (the exchange of §2.3 hands its {@link #nonce} to storage instead, which
 * records it in the same transaction as the tokens).
 *
 * <p>That order stores nothing for a refused request: the nonce, the only
 * thing a check writes, is recorded once everything else passed.
 */
final class RequestChecks {

    /** §3.3: how far a timestamp may be from the provider's clock, either way. */
    static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);

    /** Longer nonces are refused, so that the nonce table stays small. */
    static final int MAX_NONCE_LENGTH = 64;

    private static final Pattern TIMESTAMP = Pattern.compile("[1-9][0-9]{0,11}");

    private static final List<String> ALWAYS_REQUIRED =
            List.of("oauth_consumer_key", "oauth_signature_method", "oauth_signature");

    private final OAuth1Storage storage;
    private final Clock clock;

    RequestChecks(OAuth1Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * A well-formed request with a fresh timestamp, not yet authenticated.
     *
     * @param oauth its oauth_* parameters
     * @param timestamp its oauth_timestamp; null only for PLAINTEXT without one
     */
    record Checked(Map<String, String> oauth, SignatureMethod method, Long timestamp) {

        String clientKey() {
            return oauth.get("oauth_consumer_key");
        }

        String token() {
            return oauth.get("oauth_token");
        }
    }

    /**
     * The checks of §3.2 that need no storage, cheapest first: each protocol
     * parameter once, the required ones present, version, signature method,
     * timestamp and nonce.
     *
     * @param required the parameters this endpoint needs besides those every request has
     */
    Checked wellFormed(SignedRequest request, List<String> required) {
        Map<String, String> oauth = protocolParameters(request);
        // No OAuth parameter at all: not a malformed OAuth request but an
        // unauthenticated one, so 401 and the challenge that says how to
        // authenticate (§3.2, with RFC 7235 §3.1).
        if (oauth.isEmpty()) {
            throw OAuthProblem.unauthorized("parameter_absent",
                    "This endpoint needs a request signed with OAuth 1.0a (RFC 5849 Section 3): send the"
                            + " oauth_* parameters in an \"Authorization: OAuth ...\" header.")
                    .with("oauth_parameters_absent", String.join("&", concat(ALWAYS_REQUIRED, required)));
        }
        checkPresent(oauth, required);

        // §3.1: oauth_version is optional, and "1.0" if present.
        if (oauth.containsKey("oauth_version") && !oauth.get("oauth_version").equals("1.0")) {
            throw OAuthProblem.badRequest("version_rejected", "Only oauth_version=\"1.0\" is supported.")
                    .with("oauth_acceptable_versions", "1.0-1.0");
        }
        SignatureMethod method = SignatureMethods.byName(oauth.get("oauth_signature_method"))
                .orElseThrow(() -> OAuthProblem.badRequest("signature_method_rejected",
                        "Use HMAC-SHA1, HMAC-SHA256 or RSA-SHA1 (PLAINTEXT over HTTPS only)."));
        // §3.4.4: PLAINTEXT sends the secrets themselves; only TLS protects them.
        if (method == SignatureMethods.PLAINTEXT && !request.secure()) {
            throw OAuthProblem.badRequest("signature_method_rejected",
                    "PLAINTEXT sends the secrets in clear, so it is accepted over HTTPS only: use HMAC-SHA1.");
        }
        // §3.1: timestamp and nonce may be left out with PLAINTEXT only; a
        // nonce without its timestamp could never be forgotten, so not that.
        if (method != SignatureMethods.PLAINTEXT || oauth.containsKey("oauth_nonce")) {
            checkPresent(oauth, List.of("oauth_timestamp", "oauth_nonce"));
        }
        Long timestamp = oauth.containsKey("oauth_timestamp") ? checkTimestamp(oauth.get("oauth_timestamp")) : null;
        String nonce = oauth.get("oauth_nonce");
        if (nonce != null && (nonce.isEmpty() || nonce.length() > MAX_NONCE_LENGTH)) {
            throw OAuthProblem.badRequest("parameter_rejected",
                    "oauth_nonce must be 1 to " + MAX_NONCE_LENGTH + " characters long.")
                    .with("oauth_parameters_rejected", "oauth_nonce");
        }
        return new Checked(oauth, method, timestamp);
    }

    /**
     * The token named by oauth_token, found with its client in one read. A
     * token of another client is as unknown as a made-up one. Only when it
     * is refused is the client looked up alone, to say which of the two is
     * wrong.
     */
    <T> T tokenOfClient(Checked checked, Optional<T> found, Function<T, String> clientKeyOf) {
        return found.filter(t -> clientKeyOf.apply(t).equals(checked.clientKey()))
                .orElseThrow(() -> storage.findClient(checked.clientKey()).isEmpty() ? unknownClient()
                        : OAuthProblem.unauthorized("token_rejected",
                                "oauth_token is unknown, already used, or was not issued to this client."));
    }

    static OAuthProblem unknownClient() {
        return OAuthProblem.unauthorized("consumer_key_unknown",
                "No client is registered with this oauth_consumer_key.");
    }

    /**
     * §3.4: the signature, made with the client's secret (or its RSA key)
     * and the token's secret ("" when the request has no token).
     */
    static void signature(SignedRequest request, Checked checked, String clientSecret, String rsaPublicKey,
            String tokenSecret) {
        PublicKey rsaKey = null;
        if (checked.method() == SignatureMethods.RSA_SHA1) {
            if (rsaPublicKey == null) {
                throw OAuthProblem.badRequest("signature_method_rejected",
                        "This client registered no RSA public key, so it cannot use RSA-SHA1.");
            }
            rsaKey = PemPublicKeys.parse(rsaPublicKey);
        }
        String baseString = SignatureBaseString.of(request.method(), request.uri(), request.parameters());
        if (!checked.method().verify(baseString, checked.oauth().get("oauth_signature"), clientSecret, tokenSecret,
                rsaKey)) {
            // The base string the provider signed helps a developer find
            // where the client's differs; it holds no secret.
            throw OAuthProblem.unauthorized("signature_invalid",
                    "The signature does not match. Compare the base string below with the one your client signed.")
                    .with("oauth_signature_base_string", baseString);
        }
    }

    /** §3.3: a nonce is good once per client, timestamp and token ("" for none). */
    void useNonce(Checked checked, String token) {
        Nonce nonce = nonce(checked, token);
        if (nonce != null && !storage.saveNonceIfUnused(nonce)) {
            throw OAuthProblem.unauthorized("nonce_used",
                    "This oauth_nonce was already used with this timestamp: make a new nonce for every request.");
        }
    }

    /** The request's nonce, to record with this token ("" for none); null when it sent none (PLAINTEXT). */
    static Nonce nonce(Checked checked, String token) {
        String nonce = checked.oauth().get("oauth_nonce");
        return nonce == null ? null : new Nonce(checked.clientKey(), checked.timestamp(), nonce, token);
    }

    /**
     * The oauth_* parameters, each once. §3.2: a protocol parameter sent
     * twice, even in two places, is a bad request.
     */
    private static Map<String, String> protocolParameters(SignedRequest request) {
        Map<String, String> oauth = new HashMap<>();
        for (Parameter p : request.parameters()) {
            if (p.name().startsWith("oauth_") && oauth.put(p.name(), p.value()) != null) {
                throw OAuthProblem.badRequest("parameter_rejected",
                        p.name() + " was sent more than once: send each protocol parameter once.")
                        .with("oauth_parameters_rejected", p.name());
            }
        }
        return oauth;
    }

    private static void checkPresent(Map<String, String> oauth, List<String> required) {
        Set<String> absent = new LinkedHashSet<>();
        for (String name : concat(ALWAYS_REQUIRED, required)) {
            if (!oauth.containsKey(name)) {
                absent.add(name);
            }
        }
        if (!absent.isEmpty()) {
            String names = String.join("&", absent);
            throw OAuthProblem.badRequest("parameter_absent", "Missing: " + String.join(", ", absent) + ".")
                    .with("oauth_parameters_absent", names);
        }
    }

    /** §3.3: seconds since 1970, a positive integer, close to the provider's clock. */
    private long checkTimestamp(String value) {
        long now = clock.instant().getEpochSecond();
        long window = TIMESTAMP_WINDOW.toSeconds();
        if (!TIMESTAMP.matcher(value).matches()) {
            throw OAuthProblem.badRequest("parameter_rejected",
                    "oauth_timestamp must be a positive integer: seconds since 1970-01-01 UTC.")
                    .with("oauth_parameters_rejected", "oauth_timestamp");
        }
        long timestamp = Long.parseLong(value);
        if (Math.abs(timestamp - now) > window) {
            throw OAuthProblem.unauthorized("timestamp_refused",
                    "oauth_timestamp is more than " + window + " seconds away from the provider's clock ("
                            + now + "): check the client's clock.")
                    .with("oauth_acceptable_timestamps", (now - window) + "-" + (now + window));
        }
        return timestamp;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
