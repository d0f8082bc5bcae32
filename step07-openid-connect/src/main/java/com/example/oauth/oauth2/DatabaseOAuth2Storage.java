package com.example.oauth.oauth2;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.example.oauth.client.Client;
import com.example.oauth.common.oauth2.ClientType;
import com.example.oauth.common.oauth2.NewGrant;
import com.example.oauth.common.oauth2.NewToken;
import com.example.oauth.common.oauth2.OAuth2Grant;
import com.example.oauth.common.oauth2.OAuth2Storage;
import com.example.oauth.common.oauth2.OAuth2Token;
import com.example.oauth.common.oauth2.RegisteredClient;
import com.example.oauth.common.user.User;

/**
 * The article's getters and setters: how the provider engine of
 * {@code common} reaches this step's tables ({@code V3__oauth2_provider.sql}),
 * in plain SQL, one statement per read or write: each use-once rule is one
 * conditional update, which the database runs for one caller at a time.
 */
@Component
public class DatabaseOAuth2Storage implements OAuth2Storage {

    /** A token row with its client, its user and its grant (its scopes, its flag, its end). */
    private static final String TOKEN = """
            select t.access_token_hash, c.client_id, u.username, t.scopes, g.scopes, t.issued_at, t.expires_at,
                   t.refresh_expires_at, g.family_expires_at, t.refresh_token_used, t.revoked, g.revoked
            from token t
            join client c on c.id = t.client_id
            left join users u on u.id = t.user_id
            left join grants g on g.id = t.grant_id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public DatabaseOAuth2Storage(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The client and its owner, whom the consent page names: a Client read here, not managed by JPA. */
    @Override
    public Optional<RegisteredClient> findClient(String clientId) {
        return jdbc.sql("""
                        select c.client_id, c.client_secret_hash, u.username, c.redirect_uris, c.scopes, c.client_type
                        from client c join users u on u.id = c.owner_id
                        where c.client_id = ?""")
                .param(clientId)
                .query((row, number) -> (RegisteredClient) new Client(row.getString(1), row.getString(2),
                        new User(row.getString(3)), Arrays.asList(row.getString(4).split(" ")),
                        Arrays.asList(row.getString(5).split(" ")), ClientType.valueOf(row.getString(6))))
                .optional();
    }

    @Override
    public void saveGrant(NewGrant grant) {
        jdbc.sql("""
                        insert into grants (code_hash, client_id, user_id, redirect_uri, redirect_uri_given, scopes,
                                            code_challenge, expires_at, used, revoked)
                        select ?, c.id, u.id, ?, ?, ?, ?, ?, false, false
                        from client c, users u where c.client_id = ? and u.username = ?""")
                .params(grant.codeHash(), grant.redirectUri(), grant.redirectUriGiven(),
                        String.join(" ", grant.scopes()), grant.codeChallenge(), utc(grant.expiresAt()),
                        grant.clientId(), grant.username())
                .update();
    }

    @Override
    public Optional<OAuth2Grant> findGrant(String codeHash) {
        return jdbc.sql("""
                        select c.client_id, g.redirect_uri, g.redirect_uri_given, g.scopes, g.code_challenge,
                               g.expires_at, g.used, g.revoked
                        from grants g join client c on c.id = g.client_id
                        where g.code_hash = ?""")
                .param(codeHash)
                .query((row, number) -> (OAuth2Grant) new Grant(row.getString(1), row.getString(2), row.getBoolean(3),
                        Token.scopesOf(row.getString(4)), row.getString(5), instant(row, 6), row.getBoolean(7),
                        row.getBoolean(8)))
                .optional();
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

    /** Every API call makes this read: one query, by the unique index of the hash. */
    @Override
    public Optional<OAuth2Token> findAccessToken(String accessTokenHash) {
        return jdbc.sql(TOKEN + "where t.access_token_hash = ?").param(accessTokenHash)
                .query(DatabaseOAuth2Storage::token).optional();
    }

    @Override
    public Optional<OAuth2Token> findRefreshToken(String refreshTokenHash) {
        return jdbc.sql(TOKEN + "where t.refresh_token_hash = ?").param(refreshTokenHash)
                .query(DatabaseOAuth2Storage::token).optional();
    }

    /**
     * As {@link #exchangeGrant}: one caller through, the next pair in the
     * same grant. The update's condition is the engine's
     * {@code OAuth2Token.isRefreshTokenActiveAt} (not used, not revoked,
     * nor its family), said again where the database can hold the row; the
     * engine has checked the dates just before.
     */
    @Override
    public boolean rotateRefreshToken(String refreshTokenHash, NewToken next) {
        return onlyOnce(() -> {
            int used = jdbc.sql("""
                            update token t set refresh_token_used = true
                            where t.refresh_token_hash = ? and t.refresh_token_used = false and t.revoked = false
                              and exists (select 1 from grants g where g.id = t.grant_id and g.revoked = false)""")
                    .param(refreshTokenHash)
                    .update();
            if (used == 0) {
                return false;
            }
            jdbc.sql("""
                            insert into token (access_token_hash, refresh_token_hash, client_id, user_id, grant_id,
                                               scopes, issued_at, expires_at, refresh_expires_at,
                                               refresh_token_used, revoked)
                            select ?, ?, t.client_id, t.user_id, t.grant_id, ?, ?, ?, ?, false, false
                            from token t where t.refresh_token_hash = ?""")
                    .params(next.accessTokenHash(), next.refreshTokenHash(), String.join(" ", next.scopes()),
                            utc(next.issuedAt()), utc(next.expiresAt()), utc(next.refreshExpiresAt()),
                            refreshTokenHash)
                    .update();
            return true;
        });
    }

    @Override
    public void saveClientToken(String clientId, NewToken token) {
        jdbc.sql("""
                        insert into token (access_token_hash, refresh_token_hash, client_id, user_id, grant_id,
                                           scopes, issued_at, expires_at, refresh_expires_at,
                                           refresh_token_used, revoked)
                        select ?, null, c.id, null, null, ?, ?, ?, null, false, false
                        from client c where c.client_id = ?""")
                .params(token.accessTokenHash(), String.join(" ", token.scopes()), utc(token.issuedAt()),
                        utc(token.expiresAt()), clientId)
                .update();
    }

    @Override
    public boolean revokeGrant(String codeHash) {
        return revokeFamily(jdbc.sql("select id from grants where code_hash = ?").param(codeHash)
                .query(Long.class).single());
    }

    @Override
    public boolean revokeToken(String accessTokenHash) {
        List<Long> family = jdbc.sql("select grant_id from token where access_token_hash = ? and grant_id is not null")
                .param(accessTokenHash).query(Long.class).list();
        if (family.isEmpty()) {
            // A client_credentials token has no family: it is revoked alone.
            return unlessBusy(() -> jdbc.sql("update token set revoked = true where access_token_hash = ?")
                    .param(accessTokenHash).update());
        }
        return revokeFamily(family.get(0));
    }

    /**
     * What counts is one row: the grant's flag, which every use of a token
     * of the family reads, so that a token a rotation stores a moment later
     * is dead from the start. Marking the token rows alone would miss it.
     * They are marked too, afterwards, so that the table shows what is
     * revoked; if one is held too long by a rotation in progress, that is
     * left undone, and changes nothing: the flag is set.
     */
    private boolean revokeFamily(long grantId) {
        if (!unlessBusy(() -> jdbc.sql("update grants set revoked = true where id = ?").param(grantId).update())) {
            return false;
        }
        unlessBusy(() -> jdbc.sql("update token set revoked = true where grant_id = ?").param(grantId).update());
        return true;
    }

    /**
     * Runs a use-once step in its own transaction. If another request holds
     * the row for longer than the database waits for a lock (H2: 2 seconds),
     * that request is using the same code or refresh token right now: this
     * one is the second use, and is told so rather than failing with a 500.
     */
    private boolean onlyOnce(Supplier<Boolean> step) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> step.get()));
        } catch (TransientDataAccessException busy) {
            return false;
        }
    }

    /**
     * Runs a revocation. If another request holds the row for longer than
     * the database waits for a lock, it is not done now: false, rather than
     * a 500.
     */
    private static boolean unlessBusy(Runnable revocation) {
        try {
            revocation.run();
            return true;
        } catch (TransientDataAccessException busy) {
            return false;
        }
    }

    /** The columns of {@link #TOKEN}, as a {@link Token}. */
    private static OAuth2Token token(ResultSet row, int number) throws SQLException {
        List<String> scopes = Token.scopesOf(row.getString(4));
        String grantedScopes = row.getString(5);
        return new Token(row.getString(1), row.getString(2), row.getString(3), scopes,
                grantedScopes == null ? scopes : Token.scopesOf(grantedScopes), instant(row, 6), instant(row, 7),
                instant(row, 8), instant(row, 9), row.getBoolean(10),
                // A token is revoked alone (client_credentials) or with its family.
                row.getBoolean(11) || row.getBoolean(12));
    }

    /** A "timestamp with time zone" column, as OffsetDateTime (JDBC 4.2): PostgreSQL's driver reads no Instant. */
    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A moment as SQL's "timestamp with time zone" takes it. */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
