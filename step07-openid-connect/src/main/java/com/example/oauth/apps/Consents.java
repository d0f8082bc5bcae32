package com.example.oauth.apps;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembered consent (table {@code consent}): the scopes each user allowed
 * each client, so that a daily sign-in shows no consent page, and the
 * user's own list of apps, from which one can be revoked.
 */
@Component
public class Consents {

    /** One line of /apps. */
    public record AllowedApp(String clientId, String redirectHost, List<String> scopes, Instant allowedAt) {
    }

    private static final String USER_AND_CLIENT = """
            user_id = (select id from users where username = ?)
            and client_id = (select id from client where client_id = ?)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Consents(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Every scope the user allowed this client; empty if none. Locked until the caller's transaction ends. */
    public List<String> allowedScopes(String username, String clientId) {
        return jdbc.sql("select scopes from consent where " + USER_AND_CLIENT + " for update")
                .params(username, clientId).query(String.class).optional()
                .map(scopes -> Arrays.asList(scopes.split(" "))).orElse(List.of());
    }

    /** The user allowed these scopes: they join those allowed before. In the caller's transaction. */
    public void allow(String username, String clientId, List<String> scopes) {
        // The user's row locked first: two allows at once (two tabs) take turns, and the second updates.
        jdbc.sql("select id from users where username = ? for update").param(username).query(Long.class).single();
        Set<String> all = new LinkedHashSet<>(allowedScopes(username, clientId));
        all.addAll(scopes);
        Object[] row = {String.join(" ", all), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), username,
                clientId};
        String update = "update consent set scopes = ?, allowed_at = ? where " + USER_AND_CLIENT;
        if (jdbc.sql(update).params(row).update() == 0) {
            jdbc.sql("""
                            insert into consent (scopes, allowed_at, user_id, client_id)
                            select ?, ?, u.id, c.id from users u, client c
                            where u.username = ? and c.client_id = ?""")
                    .params(row).update();
        }
    }

    /** What the user allowed, the latest first. */
    public List<AllowedApp> of(String username) {
        return jdbc.sql("""
                        select c.client_id, c.redirect_uris, k.scopes, k.allowed_at
                        from consent k join client c on c.id = k.client_id join users u on u.id = k.user_id
                        where u.username = ? order by k.allowed_at desc""")
                .param(username)
                .query((row, number) -> new AllowedApp(row.getString(1),
                        URI.create(row.getString(2).split(" ")[0]).getHost(),
                        Arrays.asList(row.getString(3).split(" ")),
                        row.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * The user revokes a client: the consent is forgotten and every grant
     * of that client for that user is revoked, with all its tokens (the
     * grant's flag, which every use of them reads), in one transaction.
     * False, and nothing changed, when the user never allowed that client.
     */
    public boolean forget(String username, String clientId) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (jdbc.sql("delete from consent where " + USER_AND_CLIENT).params(username, clientId).update() == 0) {
                return false;
            }
            jdbc.sql("update grants set revoked = true where " + USER_AND_CLIENT).params(username, clientId).update();
            jdbc.sql("update token set revoked = true where " + USER_AND_CLIENT).params(username, clientId).update();
            return true;
        }));
    }
}
