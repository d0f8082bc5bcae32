package com.example.oauth.common.oauth1;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The smallest storage the OAuth 1 engine runs on: maps in memory. It shows
 * what a step must provide, and lets the engine be tested without a
 * database. {@link #contents()} lets a test check that a refusal stored
 * nothing.
 */
class InMemoryOAuth1Storage implements OAuth1Storage {

    record Client(String clientKey, String clientSecret, String rsaPublicKey, List<String> redirectUris,
            List<String> realms) implements RegisteredClient {

        @Override
        public String getClientKey() {
            return clientKey;
        }

        @Override
        public String getClientSecret() {
            return clientSecret;
        }

        @Override
        public String getRsaPublicKey() {
            return rsaPublicKey;
        }

        @Override
        public List<String> getRedirectUris() {
            return redirectUris;
        }

        @Override
        public List<String> getDefaultRealms() {
            return realms;
        }
    }

    /** A request token as stored: what was issued, then who authorized it and the verifier's hash. */
    record RequestToken(NewTemporaryCredentials issued, String username, String verifierHash)
            implements TemporaryCredentials {

        @Override
        public String getToken() {
            return issued.token();
        }

        @Override
        public String getTokenSecret() {
            return issued.tokenSecret();
        }

        @Override
        public RegisteredClient getClient() {
            return issued.client();
        }

        @Override
        public String getCallback() {
            return issued.callback();
        }

        @Override
        public String getVerifierHash() {
            return verifierHash;
        }

        @Override
        public Instant getExpiresAt() {
            return issued.expiresAt();
        }
    }

    final Map<String, Client> clients = new LinkedHashMap<>();
    final Map<String, RequestToken> requestTokens = new LinkedHashMap<>();
    final Map<String, TokenCredentials> accessTokens = new LinkedHashMap<>();
    final Set<Nonce> nonces = new HashSet<>();

    /** Set by a test to play another request that exchanges the same token between the engine's read and write. */
    Runnable beforeExchange = () -> {
    };

    Client register(String clientKey, String clientSecret, List<String> redirectUris, List<String> realms) {
        Client client = new Client(clientKey, clientSecret, null, redirectUris, realms);
        clients.put(clientKey, client);
        return client;
    }

    /** Everything stored, in a comparable form: equal before and after a refused request. */
    Set<String> contents() {
        Set<String> all = new TreeSet<>();
        requestTokens.values().forEach(t -> all.add("request token " + t.getToken() + " " + t.username()
                + " " + t.verifierHash()));
        accessTokens.keySet().forEach(t -> all.add("access token " + t));
        nonces.forEach(n -> all.add("nonce " + n));
        return all;
    }

    @Override
    public Optional<RegisteredClient> findClient(String clientKey) {
        return Optional.ofNullable(clients.get(clientKey));
    }

    @Override
    public void saveTemporaryCredentials(NewTemporaryCredentials credentials) {
        requestTokens.put(credentials.token(), new RequestToken(credentials, null, null));
    }

    @Override
    public Optional<TemporaryCredentials> findTemporaryCredentials(String token) {
        return Optional.ofNullable(requestTokens.get(token));
    }

    @Override
    public boolean saveVerifier(String token, String username, String verifierHash, Instant now) {
        RequestToken pending = requestTokens.get(token);
        if (pending == null || pending.verifierHash() != null || pending.isExpiredAt(now)) {
            return false;
        }
        requestTokens.put(token, new RequestToken(pending.issued(), username, verifierHash));
        return true;
    }

    @Override
    public boolean deleteUnauthorized(String token) {
        RequestToken pending = requestTokens.get(token);
        return pending != null && pending.verifierHash() == null && requestTokens.remove(token) != null;
    }

    @Override
    public boolean exchange(TemporaryCredentials authorized, Nonce nonce, String token, String tokenSecret,
            Instant issuedAt) {
        beforeExchange.run();
        RequestToken stored = requestTokens.get(authorized.getToken());
        // Checked before anything is written: a loser stores nothing, not even its nonce.
        if (stored == null || stored.verifierHash() == null || nonce != null && nonces.contains(nonce)) {
            return false;
        }
        requestTokens.remove(authorized.getToken());
        RegisteredClient client = stored.getClient();
        accessTokens.put(token, new TokenCredentials(token, tokenSecret, client.getClientKey(),
                client.getClientSecret(), client.getRsaPublicKey(), stored.issued().realms(), stored.username()));
        if (nonce != null) {
            nonces.add(nonce);
        }
        return true;
    }

    @Override
    public Optional<TokenCredentials> findTokenCredentials(String token) {
        return Optional.ofNullable(accessTokens.get(token));
    }

    @Override
    public boolean saveNonceIfUnused(Nonce nonce) {
        return nonces.add(nonce);
    }
}
