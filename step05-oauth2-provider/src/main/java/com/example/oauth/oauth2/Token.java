package com.example.oauth.oauth2;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.example.oauth.client.Client;
import com.example.oauth.common.oauth2.NewToken;
import com.example.oauth.common.oauth2.OAuth2Token;
import com.example.oauth.common.user.User;

/**
 * An access token and the refresh token issued with it, the article's
 * token. Only their SHA-256 hashes are kept, each under a unique index, so a
 * request is checked with one indexed read. Every token issued from one code
 * (and from the refresh tokens that followed) points to that code's
 * {@link Grant}: together they are the grant's family, revoked as one by a
 * flag on the grant.
 */
@Entity
@Table(indexes = @Index(columnList = "expiresAt"))
public class Token implements OAuth2Token {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String accessTokenHash;

    /** Null when no refresh token was issued (client_credentials). */
    @Column(unique = true, length = 64)
    private String refreshTokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id")
    private Client client;

    /** The user who granted it; null for a token of the client itself (client_credentials). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    /** The code it descends from; null for a client_credentials token. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "grant_id")
    private Grant grant;

    /** The scopes of the access token, space-separated; empty for a client_credentials token. */
    @Column(nullable = false)
    private String scopes;

    @Column(nullable = false)
    private Instant issuedAt;

    /** When the access token dies. */
    @Column(nullable = false)
    private Instant expiresAt;

    private Instant refreshExpiresAt;

    /** Set, once, when the refresh token is exchanged for the next pair. */
    @Column(nullable = false)
    private boolean refreshTokenUsed;

    /**
     * Set when this token is revoked. For a token of a family, the grant's
     * flag is what counts (it also covers tokens stored after the
     * revocation); this one is set too, when the family is revoked, for
     * whoever reads the table.
     */
    @Column(nullable = false)
    private boolean revoked;

    protected Token() {
        // for JPA
    }

    public Token(NewToken token, Client client, User user, Grant grant) {
        this.accessTokenHash = token.accessTokenHash();
        this.refreshTokenHash = token.refreshTokenHash();
        this.client = client;
        this.user = user;
        this.grant = grant;
        this.scopes = String.join(" ", token.scopes());
        this.issuedAt = token.issuedAt();
        this.expiresAt = token.expiresAt();
        this.refreshExpiresAt = token.refreshExpiresAt();
    }

    public Long getId() {
        return id;
    }

    @Override
    public String getAccessTokenHash() {
        return accessTokenHash;
    }

    public Client getClient() {
        return client;
    }

    @Override
    public String getClientId() {
        return client.getClientId();
    }

    public User getUser() {
        return user;
    }

    @Override
    public String getUsername() {
        return user == null ? null : user.getUsername();
    }

    public Grant getGrant() {
        return grant;
    }

    @Override
    public List<String> getScopes() {
        return scopesOf(scopes);
    }

    /** The scopes column, space-separated, as a list. */
    static List<String> scopesOf(String column) {
        return column.isEmpty() ? List.of() : Arrays.asList(column.split(" "));
    }

    /** The scopes the user granted: those of the code, or this token's own for a client_credentials token. */
    @Override
    public List<String> getGrantedScopes() {
        return grant == null ? getScopes() : grant.getScopes();
    }

    @Override
    public Instant getIssuedAt() {
        return issuedAt;
    }

    @Override
    public Instant getExpiresAt() {
        return expiresAt;
    }

    @Override
    public Instant getRefreshExpiresAt() {
        return refreshExpiresAt;
    }

    @Override
    public Instant getFamilyExpiresAt() {
        return grant == null ? null : grant.getFamilyExpiresAt();
    }

    @Override
    public boolean isRefreshTokenUsed() {
        return refreshTokenUsed;
    }

    /** Revoked itself (a client_credentials token), or with its whole family (the grant's flag). */
    @Override
    public boolean isRevoked() {
        return revoked || (grant != null && grant.isRevoked());
    }
}
