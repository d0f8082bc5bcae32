package com.example.oauth.oauth1;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.example.oauth.client.Client;
import com.example.oauth.client.ClientRepository;
import com.example.oauth.common.oauth1.AccessTokenInfo;
import com.example.oauth.common.oauth1.OAuth1Storage;

/**
 * The article's getters and setters: how the provider engine of
 * {@code common} reaches this step's tables. JPA for all of them but the
 * two that every signed API call makes, the access token read and the nonce
 * write, which are plain SQL.
 */
@Component
public class JpaOAuth1Storage implements OAuth1Storage<Client, RequestToken> {

    private final ClientRepository clients;
    private final RequestTokenRepository requestTokens;
    private final JdbcClient jdbc;

    public JpaOAuth1Storage(ClientRepository clients, RequestTokenRepository requestTokens,
            JdbcClient jdbc) {
        this.clients = clients;
        this.requestTokens = requestTokens;
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

    /**
     * Every signed API call makes this read, so it is one SQL query, not a
     * JPA one: for a single row, JPA's own work (an entity manager, the
     * query plan, three entities built and tracked) costs more than the
     * query. The table and column names are those JPA made from the entities.
     */
    @Override
    public Optional<AccessTokenInfo> findAccessTokenInfo(String token) {
        return jdbc.sql("""
                        select t.token, t.token_secret, c.client_key, c.client_secret, c.rsa_public_key, t.realms,
                               u.username
                        from access_token t
                        join client c on c.id = t.client_id
                        join users u on u.id = t.user_id
                        where t.token = ?""")
                .param(token)
                .query((row, number) -> new AccessTokenInfo(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), AccessToken.realmsOf(row.getString(6)), row.getString(7)))
                .optional();
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
