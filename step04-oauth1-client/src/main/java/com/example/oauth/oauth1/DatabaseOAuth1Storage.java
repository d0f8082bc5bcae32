package com.example.oauth.oauth1;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.example.oauth.client.Client;
import com.example.oauth.client.ClientRepository;
import com.example.oauth.common.oauth1.NewTemporaryCredentials;
import com.example.oauth.common.oauth1.OAuth1Storage;
import com.example.oauth.common.oauth1.TokenCredentials;

/**
 * The article's getters and setters: how the provider engine of
 * {@code common} reaches this step's tables. JPA repositories, except for
 * the two statements of every signed API call, the access token read and
 * the nonce insert, which are one SQL statement each.
 */
@Component
public class DatabaseOAuth1Storage implements OAuth1Storage<Client, RequestToken> {

    private final ClientRepository clients;
    private final RequestTokenRepository requestTokens;
    private final AccessTokenRepository accessTokens;
    private final JdbcClient jdbc;

    public DatabaseOAuth1Storage(ClientRepository clients, RequestTokenRepository requestTokens,
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
    public void saveTemporaryCredentials(NewTemporaryCredentials<Client> issued) {
        requestTokens.save(new RequestToken(issued.token(), issued.tokenSecret(), issued.client(), issued.callback(),
                issued.realms(), issued.expiresAt()));
    }

    @Override
    public Optional<RequestToken> findTemporaryCredentials(String token) {
        return requestTokens.findByToken(token);
    }

    @Override
    public boolean saveVerifier(String token, String username, String verifierHash, Instant now) {
        return requestTokens.authorize(token, username, verifierHash, now) == 1;
    }

    @Override
    public boolean deleteUnauthorized(String token) {
        return requestTokens.deletePending(token) == 1;
    }

    @Override
    public boolean exchange(RequestToken used, String token, String tokenSecret, Instant issuedAt) {
        if (requestTokens.deleteAuthorized(used.getToken()) == 0) {
            return false; // another exchange used it up first
        }
        accessTokens.save(new AccessToken(token, tokenSecret, used.getClient(), used.getUser(), used.getRealms(),
                issuedAt));
        return true;
    }

    /** One query instead of JPA's: every signed API call makes it. */
    @Override
    public Optional<TokenCredentials> findTokenCredentials(String token) {
        return jdbc.sql("""
                        select t.token, t.token_secret, c.client_key, c.client_secret, c.rsa_public_key, t.realms,
                               u.username
                        from access_token t
                        join client c on c.id = t.client_id
                        join users u on u.id = t.user_id
                        where t.token = ?""")
                .param(token)
                .query((row, number) -> new TokenCredentials(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), Arrays.asList(row.getString(6).split(" ")),
                        row.getString(7)))
                .optional();
    }

    /** One insert, whose unique constraint refuses a replay: every signed call makes it. */
    @Override
    public boolean saveNonceIfUnused(String clientKey, long timestamp, String nonce, String token) {
        try {
            jdbc.sql("insert into nonce (client_key, timestamp, nonce, token) values (?, ?, ?, ?)")
                    .params(clientKey, timestamp, nonce, token)
                    .update();
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }
}
