package com.example.oauth.oauth1;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.example.oauth.client.Client;
import com.example.oauth.client.ClientRepository;
import com.example.oauth.common.oauth1.NewTemporaryCredentials;
import com.example.oauth.common.oauth1.Nonce;
import com.example.oauth.common.oauth1.OAuth1Storage;
import com.example.oauth.common.oauth1.RegisteredClient;
import com.example.oauth.common.oauth1.TemporaryCredentials;
import com.example.oauth.common.oauth1.TokenCredentials;

/**
 * The article's getters and setters: how the provider engine of
 * {@code common} reaches this step's tables. JPA repositories, except for
 * the two statements of every signed API call, the access token read and
 * the nonce insert, which are one SQL statement each. The engine hands back
 * the client and request token it read here: this step's own classes.
 */
@Component
public class DatabaseOAuth1Storage implements OAuth1Storage {

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
    public Optional<RegisteredClient> findClient(String clientKey) {
        return clients.findByClientKey(clientKey).map(RegisteredClient.class::cast);
    }

    @Override
    public void saveTemporaryCredentials(NewTemporaryCredentials issued) {
        requestTokens.save(new RequestToken(issued.token(), issued.tokenSecret(), (Client) issued.client(),
                issued.callback(), issued.realms(), issued.expiresAt()));
    }

    @Override
    public Optional<TemporaryCredentials> findTemporaryCredentials(String token) {
        return requestTokens.findByToken(token).map(TemporaryCredentials.class::cast);
    }

    @Override
    public boolean saveVerifier(String token, String username, String verifierHash, Instant now) {
        return requestTokens.authorize(token, username, verifierHash, now) == 1;
    }

    @Override
    public boolean deleteUnauthorized(String token) {
        return requestTokens.deletePending(token) == 1;
    }

    /**
     * One transaction: the conditional delete lets one caller through; the
     * others wait for its row lock, then find the token gone and write
     * nothing. The nonce comes last: once the token is ours, no other
     * exchange of it recorded one.
     */
    @Override
    @Transactional
    public boolean exchange(TemporaryCredentials authorized, Nonce nonce, String token, String tokenSecret,
            Instant issuedAt) {
        RequestToken used = (RequestToken) authorized;
        if (requestTokens.deleteAuthorized(used.getToken()) == 0) {
            return false; // another exchange used it up first
        }
        accessTokens.save(new AccessToken(token, tokenSecret, used.getClient(), used.getUser(), used.getRealms(),
                issuedAt));
        if (nonce != null && !saveNonceIfUnused(nonce)) {
            // Cannot be: only an exchange of this token records a nonce with it.
            throw new IllegalStateException("The nonce of an exchange was already recorded");
        }
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
    public boolean saveNonceIfUnused(Nonce nonce) {
        try {
            jdbc.sql("insert into nonce (client_key, timestamp, nonce, token) values (?, ?, ?, ?)")
                    .params(nonce.clientKey(), nonce.timestamp(), nonce.value(), nonce.token())
                    .update();
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }
}
