package com.example.oauth.oauth2;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.oauth.client.Client;
import com.example.oauth.client.ClientRepository;
import com.example.oauth.common.oauth2.AuthorizationRequest;
import com.example.oauth.common.oauth2.BearerTokenInfo;
import com.example.oauth.common.oauth2.NewToken;
import com.example.oauth.common.oauth2.OAuth2Storage;

/**
 * The article's getters and setters: how the provider engine of
 * {@code common} reaches this step's tables, through JPA, except for the
 * code's writes and the read of every API call, which are plain SQL: one
 * statement each, with no entity to build.
 */
@Component
public class DatabaseOAuth2Storage implements OAuth2Storage {

    private final ClientRepository clients;
    private final GrantRepository grants;
    private final TokenRepository tokens;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    public DatabaseOAuth2Storage(ClientRepository clients, GrantRepository grants, TokenRepository tokens,
            PlatformTransactionManager transactionManager, JdbcClient jdbc) {
        this.clients = clients;
        this.grants = grants;
        this.tokens = tokens;
        this.transaction = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Client> findClient(String clientId) {
        return clients.findByClientId(clientId);
    }

    @Override
    public void saveGrant(String codeHash, AuthorizationRequest request, String username, Instant expiresAt) {
        jdbc.sql("""
                        insert into grants (code_hash, client_id, user_id, redirect_uri, redirect_uri_given, scopes,
                                            code_challenge, expires_at, used, revoked)
                        select ?, c.id, u.id, ?, ?, ?, ?, ?, false, false
                        from client c, users u where c.client_id = ? and u.username = ?""")
                .params(codeHash, request.redirectUri(), request.redirectUriGiven(),
                        String.join(" ", request.scopes()), request.codeChallenge(), utc(expiresAt),
                        request.client().getClientId(), username)
                .update();
    }

    @Override
    public Optional<Grant> findGrant(String codeHash) {
        return grants.findByCodeHash(codeHash);
    }

    /**
     * One transaction: the conditional update lets one caller through; the
     * others wait for its row lock, then find the code used and update
     * nothing, so they store nothing. The token takes its client and user
     * from the grant.
     */
    @Override
    public boolean exchangeGrant(String codeHash, NewToken token, Instant familyExpiresAt) {
        return onlyOnce(() -> {
            int used = jdbc.sql("""
                            update grants set used = true, family_expires_at = ?
                            where code_hash = ? and used = false and revoked = false""")
                    .params(utc(familyExpiresAt), codeHash)
                    .update();
            if (used == 0) {
                return false;
            }
            jdbc.sql("""
                            insert into token (access_token_hash, refresh_token_hash, client_id, user_id, grant_id,
                                               scopes, issued_at, expires_at, refresh_expires_at,
                                               refresh_token_used, revoked)
                            select ?, ?, g.client_id, g.user_id, g.id, ?, ?, ?, ?, false, false
                            from grants g where g.code_hash = ?""")
                    .params(token.accessTokenHash(), token.refreshTokenHash(), String.join(" ", token.scopes()),
                            utc(token.issuedAt()), utc(token.expiresAt()), utc(token.refreshExpiresAt()), codeHash)
                    .update();
            return true;
        });
    }

    @Override
    public Optional<Token> findAccessToken(String accessTokenHash) {
        return tokens.findByAccessTokenHash(accessTokenHash);
    }

    /** Every API call makes this read: one query, with the user and the family's flag. */
    @Override
    public Optional<BearerTokenInfo> findBearerTokenInfo(String accessTokenHash) {
        return jdbc.sql("""
                        select u.username, t.scopes, t.expires_at, t.revoked, g.revoked
                        from token t
                        left join users u on u.id = t.user_id
                        left join grants g on g.id = t.grant_id
                        where t.access_token_hash = ?""")
                .param(accessTokenHash)
                .query((row, number) -> new BearerTokenInfo(row.getString(1), Token.scopesOf(row.getString(2)),
                        // As OffsetDateTime (JDBC 4.2): PostgreSQL's driver reads no Instant.
                        row.getObject(3, OffsetDateTime.class).toInstant(),
                        // A token is revoked alone (client_credentials) or with its family.
                        row.getBoolean(4) || row.getBoolean(5)))
                .optional();
    }

    /** A moment as SQL's "timestamp with time zone" takes it. */
    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Optional<Token> findRefreshToken(String refreshTokenHash) {
        return tokens.findByRefreshTokenHash(refreshTokenHash);
    }

    /** As {@link #exchangeGrant}: one caller through, the next pair in the same grant. */
    @Override
    public boolean rotateRefreshToken(String refreshTokenHash, NewToken next) {
        return onlyOnce(() -> {
            Token refreshed = tokens.findByRefreshTokenHash(refreshTokenHash).orElseThrow();
            if (tokens.markRefreshTokenUsed(refreshed.getId()) == 0) {
                return false;
            }
            tokens.save(new Token(next, refreshed.getClient(), refreshed.getUser(), refreshed.getGrant()));
            return true;
        });
    }

    @Override
    public void saveClientToken(String clientId, NewToken token) {
        tokens.save(new Token(token, clients.findByClientId(clientId).orElseThrow(), null, null));
    }

    @Override
    public boolean revokeGrant(String codeHash) {
        return revokeFamily(grants.findByCodeHash(codeHash).orElseThrow());
    }

    @Override
    public boolean revokeToken(String accessTokenHash) {
        Token token = tokens.findByAccessTokenHash(accessTokenHash).orElseThrow();
        if (token.getGrant() == null) {
            return unlessBusy(() -> tokens.revoke(token.getId()));
        }
        return revokeFamily(token.getGrant());
    }

    /**
     * What counts is one row: the grant's flag, which every use of a token
     * of the family reads, so that a token a rotation stores a moment later
     * is dead from the start. Marking the token rows alone would miss it.
     * They are marked too, afterwards, so that the table shows what is
     * revoked; if one is held too long by a rotation in progress, that is
     * left undone, and changes nothing: the flag is set.
     */
    private boolean revokeFamily(Grant grant) {
        if (!unlessBusy(() -> grants.revoke(grant.getId()))) {
            return false;
        }
        unlessBusy(() -> tokens.revokeAllOf(grant));
        return true;
    }

    /**
     * Runs a use-once step in its own transaction. If another request holds
     * the row for longer than the database waits for a lock (H2: 2 seconds),
     * that request is using the same code or refresh token right now: this
     * one is the second use, and is told so rather than failing with a 500.
     * (Through JPA the wait ends as a locking failure; through plain JDBC,
     * H2 ends it as a query timeout.)
     */
    private boolean onlyOnce(Supplier<Boolean> step) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> step.get()));
        } catch (PessimisticLockingFailureException | QueryTimeoutException busy) {
            return false;
        }
    }

    /**
     * Runs a revocation (in the repository's own transaction). If another
     * request holds the row for longer than the database waits for a lock,
     * it is not done now: false, rather than a 500.
     */
    private static boolean unlessBusy(Runnable revocation) {
        try {
            revocation.run();
            return true;
        } catch (PessimisticLockingFailureException busy) {
            return false;
        }
    }
}
