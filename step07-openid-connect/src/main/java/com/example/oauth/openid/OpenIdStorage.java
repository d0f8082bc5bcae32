package com.example.oauth.openid;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.example.oauth.common.oidc.Authentication;
import com.example.oauth.common.oidc.LogoutClients;
import com.example.oauth.common.oidc.SigningKeyStorage;
import com.example.oauth.common.oidc.StoredSigningKey;

/**
 * What the OpenID Connect engine and handlers read and write
 * ({@code V5__openid_connect.sql}), in plain SQL as the OAuth 2 storage:
 * the signing keys, each user's sub, what an id_token of a code says, and
 * the clients' post-logout redirect URIs.
 */
@Component
public class OpenIdStorage implements SigningKeyStorage, LogoutClients {

    private final JdbcClient jdbc;

    public OpenIdStorage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredSigningKey> findAll() {
        return jdbc.sql("select kid, created_at, public_key, private_key from signing_key")
                .query((row, number) -> new StoredSigningKey(row.getString(1),
                        row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3), row.getString(4)))
                .list();
    }

    @Override
    public void save(StoredSigningKey key) {
        jdbc.sql("insert into signing_key (kid, created_at, public_key, private_key) values (?, ?, ?, ?)")
                .params(key.kid(), utc(key.createdAt()), key.publicKey(), key.privateKey())
                .update();
    }

    @Override
    public Optional<List<String>> postLogoutRedirectUris(String clientId) {
        return jdbc.sql("select post_logout_redirect_uris from client where client_id = ?").param(clientId)
                .query(String.class).optional()
                .map(uris -> uris.isEmpty() ? List.of() : Arrays.asList(uris.split(" ")));
    }

    /**
     * The user's sub (OpenID Connect Core §2), made on first need: a random
     * UUID, not the username, which a user could see reused by another after
     * a rename or deletion elsewhere, and which a client without scope
     * profile must not learn. Once made, it never changes and is never
     * given to another user (the unique index).
     */
    public String subject(String username) {
        Optional<String> subject = findSubject(username);
        if (subject.isPresent()) {
            return subject.get();
        }
        try {
            jdbc.sql("insert into user_subject (user_id, subject) select id, ? from users where username = ?")
                    .params(UUID.randomUUID().toString(), username)
                    .update();
        } catch (DuplicateKeyException madeAtOnce) {
            // Another request made it a moment ago: use that one.
        }
        return findSubject(username).orElseThrow();
    }

    private Optional<String> findSubject(String username) {
        return jdbc.sql("select s.subject from user_subject s join users u on u.id = s.user_id where u.username = ?")
                .param(username).query(String.class).optional();
    }

    /** Keeps with a new code what its id_token will say (Core §3.1.3.3): the user's login time and the nonce. */
    public void authenticated(String codeHash, Instant authTime, String nonce) {
        jdbc.sql("update grants set auth_time = ?, nonce = ? where code_hash = ?")
                .params(utc(authTime), nonce, codeHash)
                .update();
    }

    /**
     * What the id_token issued with this access token says: read from its
     * code's row, so that every refresh of the family says the same sub,
     * aud and auth_time (Core §12.2). Empty for a token of no user.
     */
    public Optional<Authentication> authenticationOf(String accessTokenHash) {
        return jdbc.sql("""
                        select u.username, c.client_id, g.auth_time, g.nonce
                        from token t
                        join grants g on g.id = t.grant_id
                        join users u on u.id = t.user_id
                        join client c on c.id = t.client_id
                        where t.access_token_hash = ? and g.auth_time is not null""")
                .param(accessTokenHash)
                .query((row, number) -> new Signed(row.getString(1), row.getString(2),
                        row.getObject(3, OffsetDateTime.class).toInstant(), row.getString(4)))
                .optional()
                .map(signed -> new Authentication(subject(signed.username()), signed.clientId(), signed.authTime(),
                        signed.nonce()));
    }

    private record Signed(String username, String clientId, Instant authTime, String nonce) {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
