package com.example.oauth.common.oauth1;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.example.oauth.common.security.Sha256;

/**
 * The checks of an RFC 5849 provider, the part oauthlib plays in the
 * article. Each method checks one kind of request and returns what the
 * handler needs, or throws an {@link OAuthProblem}. It reads storage only
 * through {@link OAuth1Storage}; issuing and saving tokens is the handler's job.
 *
 * <p>Checks come in an order that stores nothing for a refused request: the
 * nonce is recorded last, once everything else passed.
 */
public class OAuth1Provider<C extends OAuth1Client, R extends OAuth1RequestToken<C>,
        A extends OAuth1AccessToken<C>> {

    /** §3.3: how far a timestamp may be from the provider's clock, either way. */
    public static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);

    private static final Pattern TIMESTAMP = Pattern.compile("[1-9][0-9]{0,11}");

    /** Longer nonces are refused, so that the nonce table stays small. */
    static final int MAX_NONCE_LENGTH = 64;

    private static final List<String> ALWAYS_REQUIRED =
            List.of("oauth_consumer_key", "oauth_signature_method", "oauth_signature");

    private final OAuth1Storage<C, R, A> storage;
    private final Clock clock;

    public OAuth1Provider(OAuth1Storage<C, R, A> storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** What a good temporary credentials request asks for. */
    public record TemporaryCredentialsRequest<C>(C client, String callback, List<String> realms) {
    }

    /**
     * §2.1: a request for temporary credentials, signed with the client's
     * credentials only, naming where to send the user back.
     */
    public TemporaryCredentialsRequest<C> checkTemporaryCredentialsRequest(SignedRequest request) {
        Signed<C, OAuth1Credentials<C>> signed = authenticate(request, List.of("oauth_callback"), null);
        C client = signed.client();
        String callback = signed.oauth().get("oauth_callback");
        // Only a registered callback, compared exactly: otherwise anyone could
        // have the verifier sent to a host of their own.
        if (!client.getRedirectUris().contains(callback)) {
            String advice = callback.equals("oob")
                    ? "This client did not register \"oob\", so it cannot use the out-of-band flow."
                    : "oauth_callback must be exactly one of the client's registered redirect URIs "
                            + client.getRedirectUris() + ", or \"oob\" if registered.";
            throw OAuthProblem.badRequest("parameter_rejected", advice).with("oauth_parameters_rejected", "oauth_callback");
        }
        List<String> realms = requestedRealms(request, client);
        useNonce(signed);
        return new TemporaryCredentialsRequest<>(client, callback, realms);
    }

    /**
     * §2.3: the exchange of authorized temporary credentials and their
     * verifier for token credentials. The request token is used up: of many
     * exchanges at once, exactly one succeeds.
     */
    public R checkTokenRequest(SignedRequest request) {
        Signed<C, R> signed = authenticate(request, List.of("oauth_token", "oauth_verifier"),
                storage::findRequestToken);
        R requestToken = signed.token();
        if (requestToken.getExpiresAt().isBefore(clock.instant())) {
            throw OAuthProblem.unauthorized("token_expired",
                    "These temporary credentials have expired: start again with a new request token.");
        }
        if (requestToken.getVerifierHash() == null) {
            throw OAuthProblem.unauthorized("permission_unknown",
                    "The user has not authorized this request token (yet).");
        }
        if (!Sha256.matches(signed.oauth().get("oauth_verifier"), requestToken.getVerifierHash())) {
            throw OAuthProblem.unauthorized("verifier_invalid",
                    "oauth_verifier is not the verifier given to the user for this request token.");
        }
        useNonce(signed);
        if (!storage.consumeRequestToken(requestToken.getToken())) {
            throw OAuthProblem.unauthorized("token_used", "This request token was already exchanged.");
        }
        return requestToken;
    }

    /** §3: a request for a protected resource, which needs the given realm. */
    public A checkResourceRequest(SignedRequest request, String realm) {
        Signed<C, A> signed = authenticate(request, List.of("oauth_token"), storage::findAccessToken);
        if (!signed.token().getRealms().contains(realm)) {
            throw OAuthProblem.forbidden("permission_denied",
                    "This access token was not granted the realm \"" + realm + "\" that this resource needs.");
        }
        useNonce(signed);
        return signed.token();
    }

    /** A well-formed request with a good signature and a fresh timestamp; its nonce is not yet used. */
    private record Signed<C, T>(C client, T token, Map<String, String> oauth, Long timestamp) {
    }

    /**
     * The checks every signed request passes (§3.2), in order: well-formed,
     * fresh timestamp, known client (and token), good signature. The nonce
     * is checked last, by {@link #useNonce}, once the endpoint's own checks
     * passed, so that a refused request leaves nothing behind.
     *
     * @param tokens finds the token named by oauth_token; null when the request has none
     */
    private <T extends OAuth1Credentials<C>> Signed<C, T> authenticate(SignedRequest request, List<String> required,
            Function<String, Optional<T>> tokens) {
        Map<String, String> oauth = protocolParameters(request);
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

        String clientKey = oauth.get("oauth_consumer_key");
        C client;
        T token = null;
        if (tokens == null) {
            client = storage.findClient(clientKey).orElseThrow(OAuth1Provider::unknownClient);
        } else {
            // One read: the token comes with its client. A token of another
            // client is as unknown as a made-up one.
            token = tokens.apply(oauth.get("oauth_token"))
                    .filter(t -> t.getClient().getClientKey().equals(clientKey))
                    .orElseThrow(() -> storage.findClient(clientKey).isEmpty() ? unknownClient()
                            : OAuthProblem.unauthorized("token_rejected",
                                    "oauth_token is unknown, already used, or was not issued to this client."));
            client = token.getClient();
        }

        PublicKey rsaKey = null;
        if (method == SignatureMethods.RSA_SHA1) {
            if (client.getRsaPublicKey() == null) {
                throw OAuthProblem.badRequest("signature_method_rejected",
                        "This client registered no RSA public key, so it cannot use RSA-SHA1.");
            }
            rsaKey = PemPublicKeys.parse(client.getRsaPublicKey());
        }
        String baseString = SignatureBaseString.of(request.method(), request.uri(), request.parameters());
        String tokenSecret = token == null ? "" : token.getTokenSecret();
        if (!method.verify(baseString, oauth.get("oauth_signature"), client.getClientSecret(), tokenSecret, rsaKey)) {
            // The base string the provider signed helps a developer find
            // where the client's differs; it holds no secret.
            throw OAuthProblem.unauthorized("signature_invalid",
                    "The signature does not match. Compare the base string below with the one your client signed.")
                    .with("oauth_signature_base_string", baseString);
        }

        return new Signed<>(client, token, oauth, timestamp);
    }

    private static OAuthProblem unknownClient() {
        return OAuthProblem.unauthorized("consumer_key_unknown",
                "No client is registered with this oauth_consumer_key.");
    }

    /** §3.3: a nonce is good once per client, timestamp and token. */
    private void useNonce(Signed<C, ? extends OAuth1Credentials<C>> signed) {
        String nonce = signed.oauth().get("oauth_nonce");
        String token = signed.token() == null ? "" : signed.token().getToken();
        if (nonce != null && !storage.saveNonceIfUnused(signed.client().getClientKey(), signed.timestamp(), nonce,
                token)) {
            throw OAuthProblem.unauthorized("nonce_used",
                    "This oauth_nonce was already used with this timestamp: make a new nonce for every request.");
        }
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

    /**
     * The realms a client asks for: the signed {@code scope} parameter, space
     * separated (scribejava's {@code withScope} sends it); the client's
     * registered realms when it names none. It may ask only for realms it
     * registered. The header's {@code realm} is not used: it is not signed
     * (§3.4.1.3.1), so anyone on the way could change it.
     */
    private static List<String> requestedRealms(SignedRequest request, OAuth1Client client) {
        String asked = request.get("scope").orElse("").strip();
        if (asked.isEmpty()) {
            return client.getDefaultRealms();
        }
        List<String> realms = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(asked.split("\\s+"))));
        for (String realm : realms) {
            if (!client.getDefaultRealms().contains(realm)) {
                throw OAuthProblem.badRequest("parameter_rejected", "This client may ask for the realms "
                        + client.getDefaultRealms() + " only, not \"" + realm + "\".")
                        .with("oauth_parameters_rejected", "scope");
            }
        }
        return realms;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
