package com.example.oauth.common.oauth1;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import com.example.oauth.common.oauth1.RequestChecks.Checked;
import com.example.oauth.common.security.RandomTokens;

/**
 * RFC 5849 §2.1, Temporary Credentials: the first leg of the dance. A
 * client, signing with its own credentials only, names where the user will
 * be sent back ({@code oauth_callback}) and gets a request token and its
 * secret, which the provider keeps through {@link OAuth1Storage} (the
 * article's grantsetter).
 */
public class TemporaryCredentialsEndpoint {

    /** §2.1 lets the provider choose: temporary credentials must be used soon. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private final OAuth1Storage storage;
    private final RequestChecks checks;
    private final Clock clock;

    public TemporaryCredentialsEndpoint(OAuth1Storage storage, Clock clock) {
        this.storage = storage;
        this.checks = new RequestChecks(storage, clock);
        this.clock = clock;
    }

    /** Checks the request, then issues and saves temporary credentials. */
    public CredentialsResponse issue(SignedRequest request) {
        Checked checked = checks.wellFormed(request, List.of("oauth_callback"));
        RegisteredClient client = storage.findClient(checked.clientKey()).orElseThrow(RequestChecks::unknownClient);
        RequestChecks.signature(request, checked, client.getClientSecret(), client.getRsaPublicKey(), "");
        String callback = registeredCallback(client, checked.oauth().get("oauth_callback"));
        List<String> realms = requestedRealms(request, client);
        checks.useNonce(checked, "");

        NewTemporaryCredentials issued = new NewTemporaryCredentials(RandomTokens.generate(30),
                RandomTokens.generate(40), client, callback, realms, clock.instant().plus(LIFETIME));
        storage.saveTemporaryCredentials(issued);
        return new CredentialsResponse(issued.token(), issued.tokenSecret(), true);
    }

    /**
     * Only a registered callback, compared exactly: otherwise anyone holding
     * a client key could have the verifier sent to a host of their own.
     * "oob" (§2.1, out of band) only if the client registered it.
     */
    private static String registeredCallback(RegisteredClient client, String callback) {
        if (!client.getRedirectUris().contains(callback)) {
            String advice = callback.equals("oob")
                    ? "This client did not register \"oob\", so it cannot use the out-of-band flow."
                    : "oauth_callback must be exactly one of the client's registered redirect URIs "
                            + client.getRedirectUris() + ", or \"oob\" if registered.";
            throw OAuthProblem.badRequest("parameter_rejected", advice).with("oauth_parameters_rejected", "oauth_callback");
        }
        return callback;
    }

    /**
     * The realms a client asks for: the signed {@code scope} parameter, space
     * separated (scribejava's {@code withScope} sends it); the client's
     * registered realms when it names none. It may ask only for realms it
     * registered. The header's {@code realm} is not used: it is not signed
     * (§3.4.1.3.1), so anyone on the way could change it.
     */
    private static List<String> requestedRealms(SignedRequest request, RegisteredClient client) {
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
}
