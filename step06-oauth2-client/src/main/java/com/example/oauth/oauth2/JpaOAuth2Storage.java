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
import com.example.oauth.common.oauth2.AccessTokenInfo;
import com.example.oauth.common.oauth2.AuthorizationRequest;
import com.example.oauth.common.oauth2.NewToken;
import com.example.oauth.common.oauth2.OAuth2Storage;
import com.example.oauth.common.user.User;

/**
 * The article's getters and setters: how the provider engine of
 * {@code common} reaches this step's tables. JPA for all of them but the
 * one every API call makes, which is plain SQL (see findAccessTokenInfo).
 */
@Component
public class JpaOAuth2Storage implements OAuth2Storage<Client, Grant, Token> {

    private final ClientRepository clients;
    private final GrantRepository grants;
    private final TokenRepository tokens;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    public JpaOAuth2Storage(ClientRepository clients, GrantRepository grants, TokenRepository tokens,
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

    /** Plain SQL, as every write of the dance: see {@link #exchangeGrant}. */
    @Override
    public void saveGrant(String codeHash, AuthorizationRequest<Client> request, User user, Instant expiresAt) {
        jdbc.sql("""
                        insert into grants (code_hash, client_id, user_id, redirect_uri, redirect_uri_given, scopes,
                                            code_challenge, expires_at, used, revoked)
                        select ?, c.id, ?, ?, ?, ?, ?, ?, false, false from client c where c.client_id = ?""")
                .params(codeHash, user.getId(), request.redirectUri(), request.redirectUriGiven(),
                        String.join(" ", request.scopes()), request.codeChallenge(), utc(expiresAt),
                        request.client().getClientId())
                .update();
    }

    @Override
    public Optional<Grant> findGrant(String codeHash) {
        return grants.findByCodeHash(codeHash);
    }

    /**
     * One transaction: the conditional update lets one caller through; the
     * others wait for its row lock, then find the code used and update
     * nothing, so they store nothing. Plain SQL, two statements: every
     * dance makes these writes, and JPA's own work for them (an entity to
     * build and track, a query plan for the update) cost more than the
     * writes themselves. The token takes its client and user from the grant.
     */
    @Override
    public boolean exchangeGrant(Grant grant, NewToken token, Instant familyExpiresAt) {
        return onlyOnce(() -> {
            int used = jdbc.sql("""
                            update grants set used = true, family_expires_at = ?
                            where id = ? and used = false and revoked = false""")
                    .params(utc(familyExpiresAt), grant.getId())
                    .update();
            if (used == 0) {
                return false;
            }
            jdbc.sql("""
                            insert into token (access_token_hash, refresh_token_hash, client_id, user_id, grant_id,
                                               scopes, issued_at, expires_at, refresh_expires_at,
                                               refresh_token_used, revoked)
                            select ?, ?, g.client_id, g.user_id, g.id, ?, ?, ?, ?, false, false
                            from grants g where g.id = ?""")
                    .params(token.accessTokenHash(), token.refreshTokenHash(), String.join(" ", token.scopes()),
                            utc(token.issuedAt()), utc(token.expiresAt()), utc(token.refreshExpiresAt()), grant.getId())
                    .update();
            return true;
        });
    }

    @Override
    public Optional<Token> findAccessToken(String accessTokenHash) {
        return tokens.findByAccessTokenHash(accessTokenHash);
    }

    /**
     * Every API call makes this read, so it is one SQL query, not a JPA one:
     * for a single row, JPA's own work (an entity manager, the query plan,
     * three entities built and tracked) costs more than the query. The
     * table and column names are those JPA made from the entities.
     */
    @Override
    public Optional<AccessTokenInfo> findAccessTokenInfo(String accessTokenHash) {
        return jdbc.sql("""
                        select u.username, t.scopes, t.expires_at, t.revoked, g.revoked
                        from token t
                        left join users u on u.id = t.user_id
                        left join grants g on g.id = t.grant_id
                        where t.access_token_hash = ?""")
                .param(accessTokenHash)
                .query((row, number) -> new AccessTokenInfo(row.getString(1), Token.scopesOf(row.getString(2)),
                        // As OffsetDateTime (JDBC 4.2): PostgreSQL's driver reads no Instant.
                        row.getObject(3, OffsetDateTime.class).toInstant(),
                        // A token is revoked alone (client_credentials) or with its family.
                        row.getBoolean(4) || row.getBoolean(5)))
                .optional();
    }

    /** A moment as SQL's "timestamp with time zone" takes it, the type JPA gave the columns. */
    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Optional<Token> findRefreshToken(String refreshTokenHash) {
        return tokens.findByRefreshTokenHash(refreshTokenHash);
    }

    /** As {@link #exchangeGrant}: one caller through, the next pair in the same grant. */
    @Override
    public boolean rotateRefreshToken(Token refreshed, NewToken next) {
        return onlyOnce(() -> {
            if (tokens.markRefreshTokenUsed(refreshed.getId()) == 0) {
                return false;
            }
            tokens.save(new Token(next, refreshed.getClient(), refreshed.getUser(), refreshed.getGrant()));
            return true;
        });
    }

    @Override
    public void saveClientToken(Client client, NewToken token) {
        tokens.save(new Token(token, client, null, null));
    }

    /**
     * What counts is one row: the grant's flag, which every use of a token
     * of the family reads, so that a token a rotation stores a moment later
     * is dead from the start. Marking the token rows alone would miss it.
     * They are marked too, afterwards, so that the table shows what is
     * revoked; if one is held too long by a rotation in progress, that is
     * left undone, and changes nothing: the flag is set.
     */
    @Override
    public boolean revokeGrant(Grant grant) {
        if (!unlessBusy(() -> grants.revoke(grant.getId()))) {
            return false;
        }
        unlessBusy(() -> tokens.revokeAllOf(grant));
        return true;
    }

    @Override
    public boolean revokeToken(Token token) {
        if (token.getGrant() == null) {
            return unlessBusy(() -> tokens.revoke(token.getId()));
        }
        return revokeGrant(token.getGrant());
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
