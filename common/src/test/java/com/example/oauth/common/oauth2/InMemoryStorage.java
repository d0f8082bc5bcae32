package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.oauth.common.user.User;

/**
 * The smallest storage the engine can run on: maps in memory. It shows what
 * a step must provide, and lets the engine be tested without a database.
 */
class InMemoryStorage implements OAuth2Storage<InMemoryStorage.Client, InMemoryStorage.Grant, InMemoryStorage.Token> {

    static final class Client implements OAuth2Client {
        final String id;
        final String secretHash;
        final ClientType type;
        final List<String> redirectUris;
        final List<String> scopes;

        Client(String id, String secretHash, ClientType type, List<String> redirectUris, List<String> scopes) {
            this.id = id;
            this.secretHash = secretHash;
            this.type = type;
            this.redirectUris = redirectUris;
            this.scopes = scopes;
        }

        @Override
        public String getClientId() {
            return id;
        }

        @Override
        public String getClientSecretHash() {
            return secretHash;
        }

        @Override
        public ClientType getClientType() {
            return type;
        }

        @Override
        public List<String> getRedirectUris() {
            return redirectUris;
        }

        @Override
        public List<String> getDefaultScopes() {
            return scopes;
        }
    }

    static final class Grant implements OAuth2Grant {
        final AuthorizationRequest<Client> request;
        final User user;
        final Instant expiresAt;
        boolean used;
        boolean revoked;
        Instant familyExpiresAt;

        Grant(AuthorizationRequest<Client> request, User user, Instant expiresAt) {
            this.request = request;
            this.user = user;
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
        final Client client;
        final User user;
        final Grant grant;
        boolean refreshTokenUsed;
        boolean revoked;

        Token(NewToken stored, Client client, User user, Grant grant) {
            this.stored = stored;
            this.client = client;
            this.user = user;
            this.grant = grant;
        }

        @Override
        public String getClientId() {
            return client.getClientId();
        }

        @Override
        public String getUsername() {
            return user == null ? null : user.getUsername();
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

    final Map<String, Client> clients = new HashMap<>();
    final Map<String, Grant> grants = new HashMap<>();
    final List<Token> tokens = new ArrayList<>();

    @Override
    public synchronized Optional<Client> findClient(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    @Override
    public synchronized void saveGrant(String codeHash, AuthorizationRequest<Client> request, User user,
            Instant expiresAt) {
        grants.put(codeHash, new Grant(request, user, expiresAt));
    }

    @Override
    public synchronized Optional<Grant> findGrant(String codeHash) {
        return Optional.ofNullable(grants.get(codeHash));
    }

    @Override
    public synchronized boolean exchangeGrant(Grant grant, NewToken token, Instant familyExpiresAt) {
        if (grant.used || grant.revoked) {
            return false;
        }
        grant.used = true;
        grant.familyExpiresAt = familyExpiresAt;
        tokens.add(new Token(token, grant.request.client(), grant.user, grant));
        return true;
    }

    @Override
    public synchronized Optional<Token> findAccessToken(String accessTokenHash) {
        return tokens.stream().filter(t -> t.stored.accessTokenHash().equals(accessTokenHash)).findFirst();
    }

    @Override
    public synchronized Optional<AccessTokenInfo> findAccessTokenInfo(String accessTokenHash) {
        return findAccessToken(accessTokenHash)
                .map(t -> new AccessTokenInfo(t.getUsername(), t.getScopes(), t.getExpiresAt(), t.isRevoked()));
    }

    @Override
    public synchronized Optional<Token> findRefreshToken(String refreshTokenHash) {
        return tokens.stream().filter(t -> refreshTokenHash.equals(t.stored.refreshTokenHash())).findFirst();
    }

    @Override
    public synchronized boolean rotateRefreshToken(Token refreshed, NewToken next) {
        if (refreshed.refreshTokenUsed || refreshed.isRevoked()) {
            return false;
        }
        refreshed.refreshTokenUsed = true;
        tokens.add(new Token(next, refreshed.client, refreshed.user, refreshed.grant));
        return true;
    }

    @Override
    public synchronized void saveClientToken(Client client, NewToken token) {
        tokens.add(new Token(token, client, null, null));
    }

    @Override
    public synchronized boolean revokeGrant(Grant grant) {
        grant.revoked = true;
        return true;
    }

    @Override
    public synchronized boolean revokeToken(Token token) {
        if (token.grant == null) {
            token.revoked = true;
            return true;
        }
        return revokeGrant(token.grant);
    }
}
