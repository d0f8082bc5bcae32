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
import com.example.oauth.common.oauth2.OAuth2Grant;
import com.example.oauth.common.user.User;

/**
 * An authorization code (RFC 6749 §4.1.2), the article's grant: what the
 * user allowed one client, waiting to be exchanged, once, for a token. The
 * tokens issued from it point back to it: together they are its family,
 * which is revoked by one flag here and ends at one date here. It is kept
 * until it has expired and its tokens are gone.
 */
@Entity
@Table(name = "grants", indexes = @Index(columnList = "expiresAt")) // "grant" is a reserved word in SQL
public class Grant implements OAuth2Grant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** SHA-256 of the code: the code itself travels only to the client. */
    @Column(nullable = false, unique = true, length = 64)
    private String codeHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id")
    private Client client;

    /** The user who allowed it. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    /** Where the code was sent. */
    @Column(nullable = false, length = 500)
    private String redirectUri;

    /** Whether the request named redirect_uri: the token request must then repeat it (§4.1.3). */
    @Column(nullable = false)
    private boolean redirectUriGiven;

    @Column(nullable = false)
    private String scopes;

    /** RFC 7636: BASE64URL(SHA256(code_verifier)); null when the client sent none. */
    @Column(length = 43)
    private String codeChallenge;

    @Column(nullable = false)
    private Instant expiresAt;

    /** Set, once, when the code is exchanged for a token. */
    @Column(nullable = false)
    private boolean used;

    /**
     * Set when the family is revoked. Every use of a token of the family
     * reads it, so a token stored while the family was being revoked (a
     * refresh that raced with a reuse) is dead too.
     */
    @Column(nullable = false)
    private boolean revoked;

    /** When the family ends, however often it was refreshed; set when the code is exchanged. */
    private Instant familyExpiresAt;

    protected Grant() {
        // for JPA
    }

    public Long getId() {
        return id;
    }

    @Override
    public String getClientId() {
        return client.getClientId();
    }

    @Override
    public String getRedirectUri() {
        return redirectUri;
    }

    @Override
    public boolean isRedirectUriGiven() {
        return redirectUriGiven;
    }

    @Override
    public List<String> getScopes() {
        return Arrays.asList(scopes.split(" "));
    }

    @Override
    public String getCodeChallenge() {
        return codeChallenge;
    }

    @Override
    public Instant getExpiresAt() {
        return expiresAt;
    }

    @Override
    public boolean isUsed() {
        return used;
    }

    @Override
    public boolean isRevoked() {
        return revoked;
    }

    public Instant getFamilyExpiresAt() {
        return familyExpiresAt;
    }
}
