package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        final AuthorizationRequest request;
        final String username;
        final Instant expiresAt;
        boolean used;
        boolean revoked;
        Instant familyExpiresAt;

        Grant(AuthorizationRequest request, String username, Instant expiresAt) {
            this.request = request;
            this.username = username;
            this.expiresAt = expiresAt;
        }

        @Override
        public String getClientId() {
            return request.client().getClientId();
        }

        @Override
        public String getRedirectUri() {
            return request.redirectUri();
        }

        @Override
        public boolean isRedirectUriGiven() {
            return request.redirectUriGiven();
        }

        @Override
        public List<String> getScopes() {
            return request.scopes();
        }

        @Override
        public String getCodeChallenge() {
            return request.codeChallenge();
        }

        @Override
        public Instant getExpiresAt() {
            return expiresAt;
        }

        @Override
        public boolean isUsed() {
            return used;
        }

        @Override
        public boolean isRevoked() {
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
        public String getAccessTokenHash() {
            return stored.accessTokenHash();
        }

        @Override
        public String getClientId() {
            return clientId;
        }

        @Override
        public String getUsername() {
            return username;
        }

        @Override
        public List<String> getScopes() {
            return stored.scopes();
        }

        @Override
        public List<String> getGrantedScopes() {
            return grant == null ? getScopes() : grant.getScopes();
        }

        @Override
        public Instant getIssuedAt() {
            return stored.issuedAt();
        }

        @Override
        public Instant getExpiresAt() {
            return stored.expiresAt();
        }

        @Override
        public Instant getRefreshExpiresAt() {
            return stored.refreshExpiresAt();
        }

        @Override
        public Instant getFamilyExpiresAt() {
            return grant == null ? null : grant.familyExpiresAt;
        }

        @Override
        public boolean isRefreshTokenUsed() {
            return refreshTokenUsed;
        }

        @Override
        public boolean isRevoked() {
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
                tokens.stream().filter(Token::isRevoked).count(),
                tokens.stream().filter(t -> t.refreshTokenUsed).count());
    }

    @Override
    public synchronized Optional<Client> findClient(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public synchronized void saveGrant(String codeHash, AuthorizationRequest request, String username,
            Instant expiresAt) {
        grants.put(codeHash, new Grant(request, username, expiresAt));
    }

    @Override
    public synchronized Optional<Grant> findGrant(String codeHash) {
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
        tokens.add(new Token(token, grant.getClientId(), grant.username, grant));
        return true;
    }

    @Override
    public synchronized Optional<Token> findAccessToken(String accessTokenHash) {
        return tokens.stream().filter(t -> t.stored.accessTokenHash().equals(accessTokenHash)).findFirst();
    }

    @Override
    public synchronized Optional<BearerTokenInfo> findBearerTokenInfo(String accessTokenHash) {
        return findAccessToken(accessTokenHash)
                .map(t -> new BearerTokenInfo(t.getUsername(), t.getScopes(), t.getExpiresAt(), t.isRevoked()));
    }

    @Override
    public synchronized Optional<Token> findRefreshToken(String refreshTokenHash) {
        return tokens.stream().filter(t -> refreshTokenHash.equals(t.stored.refreshTokenHash())).findFirst();
    }

    @Override
    public synchronized boolean rotateRefreshToken(String refreshTokenHash, NewToken next) {
        Token refreshed = findRefreshToken(refreshTokenHash).orElseThrow();
        if (raceLost || refreshed.refreshTokenUsed || refreshed.isRevoked()) {
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
        Token token = findAccessToken(accessTokenHash).orElseThrow();
        if (token.grant == null) {
            token.revoked = true;
        } else {
            token.grant.revoked = true;
        }
        return true;
    }
}
