package com.example.oauth.oauth1;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.example.oauth.client.Client;
import com.example.oauth.client.ClientRepository;
import com.example.oauth.common.oauth1.OAuth1Storage;

/**
 * The article's getters and setters: how the provider engine of
 * {@code common} reaches this step's tables. JPA for all of them but the
 * nonce, which every signed call writes: plain SQL (see saveNonceIfUnused).
 */
@Component
public class JpaOAuth1Storage implements OAuth1Storage<Client, RequestToken, AccessToken> {

    private final ClientRepository clients;
    private final RequestTokenRepository requestTokens;
    private final AccessTokenRepository accessTokens;
    private final JdbcClient jdbc;

    public JpaOAuth1Storage(ClientRepository clients, RequestTokenRepository requestTokens,
            AccessTokenRepository accessTokens, JdbcClient jdbc) {
        this.clients = clients;
        this.requestTokens = requestTokens;
        this.accessTokens = accessTokens;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Client> findClient(String clientKey) {
        return clients.findByClientKey(clientKey);
    }

    @Override
    public Optional<RequestToken> findRequestToken(String token) {
        return requestTokens.findByToken(token);
    }

    @Override
    public Optional<AccessToken> findAccessToken(String token) {
        return accessTokens.findByToken(token);
    }

    /**
     * Every signed call writes a nonce, so this is one SQL insert, not a JPA
     * one, which would also build, track and flush an entity. The table and
     * column names are those JPA made from {@link Nonce}.
     */
    @Override
    public boolean saveNonceIfUnused(String clientKey, long timestamp, String nonce, String token) {
        try {
            jdbc.sql("insert into nonce (client_key, timestamp, nonce, token) values (?, ?, ?, ?)")
                    .params(clientKey, timestamp, nonce, token)
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            // The unique constraint refused a second copy: a replay.
            return false;
        }
    }

    @Override
    public boolean consumeRequestToken(String token) {
        return requestTokens.deleteAuthorized(token) == 1;
    }
}
