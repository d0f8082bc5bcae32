package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The smallest storage the engine can run on: maps in memory. It shows what
 * a step must provide, and lets the engine be tested without a database.
 * {@link #busy} plays a database too busy to revoke now, and
 * {@link #raceLost} another request that used a code or refresh token
 * between the engine's read and its write.
 */
class InMemoryStorage implements OAuth2Storage {

    record Client(String getClientId, String getClientSecretHash, ClientType getClientType,
            List<String> getRedirectUris, List<String> getDefaultScopes) implements RegisteredClient {
    }

    static final class Grant implements OAuth2Grant {
        final NewGrant stored;
        boolean used;
        boolean revoked;
        Instant familyExpiresAt;

        Grant(NewGrant stored) {
            this.stored = stored;
        }

        @Override
        public String clientId() {
            return stored.clientId();
        }

        @Override
        public String redirectUri() {
            return stored.redirectUri();
        }

        @Override
        public boolean redirectUriGiven() {
            return stored.redirectUriGiven();
        }

        @Override
        public List<String> scopes() {
            return stored.scopes();
        }

        @Override
        public String codeChallenge() {
            return stored.codeChallenge();
        }

        @Override
        public Instant expiresAt() {
            return stored.expiresAt();
        }

        @Override
        public boolean used() {
            return used;
        }

        @Override
        public boolean revoked() {
            return revoked;
        }
    }

    static final class Token implements OAuth2Token {
        final NewToken stored;
        final String clientId;
        final String username;
        final Grant grant;
        boolean refreshTokenUsed;
        boolean revoked;

        Token(NewToken stored, String clientId, String username, Grant grant) {
            this.stored = stored;
            this.clientId = clientId;
            this.username = username;
            this.grant = grant;
        }

        @Override
        public String accessTokenHash() {
            return stored.accessTokenHash();
        }

        @Override
        public String clientId() {
            return clientId;
        }

        @Override
        public String username() {
            return username;
        }

        @Override
        public List<String> scopes() {
            return stored.scopes();
        }

        @Override
        public List<String> grantedScopes() {
            return grant == null ? scopes() : grant.scopes();
        }

        @Override
        public Instant issuedAt() {
            return stored.issuedAt();
        }

        @Override
        public Instant expiresAt() {
            return stored.expiresAt();
        }

        @Override
        public Instant refreshExpiresAt() {
            return stored.refreshExpiresAt();
        }

        @Override
        public Instant familyExpiresAt() {
            return grant == null ? null : grant.familyExpiresAt;
        }

        @Override
        public boolean refreshTokenUsed() {
            return refreshTokenUsed;
        }

        @Override
        public boolean revoked() {
            return revoked || (grant != null && grant.revoked);
        }
    }

    /** What storage holds, to compare before and after a request: "nothing stored". */
    record Snapshot(int codes, long usedCodes, long revokedFamilies, int tokens, long revokedTokens,
            long rotatedTokens) {
    }

    final Map<String, Client> clients = new HashMap<>();
    final Map<String, Grant> grants = new HashMap<>();
    final List<Token> tokens = new ArrayList<>();
    boolean busy;
    boolean raceLost;

    synchronized Snapshot snapshot() {
        return new Snapshot(grants.size(), grants.values().stream().filter(g -> g.used).count(),
                grants.values().stream().filter(g -> g.revoked).count(), tokens.size(),
                tokens.stream().filter(Token::revoked).count(),
                tokens.stream().filter(t -> t.refreshTokenUsed).count());
    }

    @Override
    public synchronized Optional<RegisteredClient> findClient(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public synchronized void saveGrant(NewGrant grant) {
        grants.put(grant.codeHash(), new Grant(grant));
    }

    @Override
    public synchronized Optional<OAuth2Grant> findGrant(String codeHash) {
        return Optional.ofNullable(grants.get(codeHash));
    }

    @Override
    public synchronized boolean exchangeGrant(String codeHash, NewToken token, Instant familyExpiresAt) {
        Grant grant = grants.get(codeHash);
        if (raceLost || grant.used || grant.revoked) {
            return false;
        }
        grant.used = true;
        grant.familyExpiresAt = familyExpiresAt;
        tokens.add(new Token(token, grant.clientId(), grant.stored.username(), grant));
        return true;
    }

    @Override
    public synchronized Optional<OAuth2Token> findAccessToken(String accessTokenHash) {
        return token(t -> t.stored.accessTokenHash().equals(accessTokenHash));
    }

    @Override
    public synchronized Optional<OAuth2Token> findRefreshToken(String refreshTokenHash) {
        return token(t -> refreshTokenHash.equals(t.stored.refreshTokenHash()));
    }

    private Optional<OAuth2Token> token(Predicate<Token> which) {
        return tokens.stream().filter(which).<OAuth2Token>map(t -> t).findFirst();
    }

    @Override
    public synchronized boolean rotateRefreshToken(String refreshTokenHash, NewToken next) {
        Token refreshed = tokens.stream().filter(t -> refreshTokenHash.equals(t.stored.refreshTokenHash()))
                .findFirst().orElseThrow();
        if (raceLost || refreshed.refreshTokenUsed || refreshed.revoked()) {
            return false;
        }
        refreshed.refreshTokenUsed = true;
        tokens.add(new Token(next, refreshed.clientId, refreshed.username, refreshed.grant));
        return true;
    }

    @Override
    public synchronized void saveClientToken(String clientId, NewToken token) {
        tokens.add(new Token(token, clientId, null, null));
    }

    @Override
    public synchronized boolean revokeGrant(String codeHash) {
        if (busy) {
            return false;
        }
        grants.get(codeHash).revoked = true;
        return true;
    }

    @Override
    public synchronized boolean revokeToken(String accessTokenHash) {
        if (busy) {
            return false;
        }
        Token token = tokens.stream().filter(t -> t.stored.accessTokenHash().equals(accessTokenHash))
                .findFirst().orElseThrow();
        if (token.grant == null) {
            token.revoked = true;
        } else {
            token.grant.revoked = true;
        }
        return true;
    }
}
