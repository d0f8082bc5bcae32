package com.example.oauth.client;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import com.example.oauth.common.oauth2.ClientType;
import com.example.oauth.common.oauth2.RegisteredClient;
import com.example.oauth.common.user.User;

/**
 * An OAuth 2 client (RFC 6749 §2): an application that a developer
 * registered to act for users.
 */
@Entity
public class Client implements RegisteredClient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** RFC 6749 §2.2 client_id: public, sent with every request. */
    @Column(nullable = false, unique = true, length = 40)
    private String clientId;

    /**
     * The SHA-256 of the client secret; null for a public client. Unlike an
     * OAuth 1 secret, it is only compared, never used as a key, so a hash is
     * enough; and since it is long and random, a fast hash is enough too.
     */
    @Column(length = 64)
    private String clientSecretHash;

    /** The developer who registered the client. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    private User owner;

    /** Space-separated redirect URIs, each compared exactly. */
    @Column(nullable = false, length = RedirectUris.MAX_TOTAL_LENGTH)
    private String redirectUris;

    /** Space-separated scopes the client may ask for. */
    @Column(nullable = false)
    private String scopes;

    /** RFC 6749 §2.1: public or confidential. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ClientType clientType;

    /** RP-Initiated Logout 1.0 §3.1: space-separated, each compared exactly; empty for none. */
    @Column(nullable = false, length = RedirectUris.MAX_TOTAL_LENGTH)
    private String postLogoutRedirectUris = "";

    protected Client() {
        // for JPA
    }

    public Client(String clientId, String clientSecretHash, User owner, List<String> redirectUris,
            List<String> scopes, ClientType clientType) {
        this.clientId = clientId;
        this.clientSecretHash = clientSecretHash;
        this.owner = owner;
        this.redirectUris = String.join(" ", redirectUris);
        this.scopes = String.join(" ", scopes);
        this.clientType = clientType;
    }

    @Override
    public String getClientId() {
        return clientId;
    }

    @Override
    public String getClientSecretHash() {
        return clientSecretHash;
    }

    public User getOwner() {
        return owner;
    }

    @Override
    public List<String> getRedirectUris() {
        return Arrays.asList(redirectUris.split(" "));
    }

    @Override
    public List<String> getDefaultScopes() {
        return Arrays.asList(scopes.split(" "));
    }

    @Override
    public ClientType getClientType() {
        return clientType;
    }

    public List<String> getPostLogoutRedirectUris() {
        return postLogoutRedirectUris.isEmpty() ? List.of() : Arrays.asList(postLogoutRedirectUris.split(" "));
    }

    public void setPostLogoutRedirectUris(List<String> uris) {
        this.postLogoutRedirectUris = String.join(" ", uris);
    }
}
