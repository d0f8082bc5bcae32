package com.example.oauth.client;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import com.example.oauth.common.oauth1.RegisteredClient;
import com.example.oauth.common.user.User;

/**
 * An OAuth 1 client (RFC 5849 calls it the client, older texts the
 * consumer): an application that a developer registered to act for users.
 */
@Entity
public class Client implements RegisteredClient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** RFC 5849 §3.1 oauth_consumer_key: public, sent with every request. */
    @Column(nullable = false, unique = true, length = 40)
    private String clientKey;

    /**
     * The shared secret of HMAC signatures. Unlike a password it must stay
     * readable: the provider recomputes each signature with it (RFC 5849
     * §3.4.2), so it cannot be stored as a one-way hash.
     */
    @Column(nullable = false, length = 60)
    private String clientSecret;

    /** The developer who registered the client. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    private User owner;

    /** Space-separated callback URIs, each compared exactly. */
    @Column(nullable = false, length = RedirectUris.MAX_TOTAL_LENGTH)
    private String redirectUris;

    /** Space-separated realms the client may ask for. */
    @Column(nullable = false)
    private String realms;

    /** For RSA-SHA1 (RFC 5849 §3.4.3): the client's public key as PEM, or null. */
    @Column(length = 2000)
    private String rsaPublicKey;

    protected Client() {
        // for JPA
    }

    public Client(String clientKey, String clientSecret, User owner, List<String> redirectUris, List<String> realms,
            String rsaPublicKey) {
        this.clientKey = clientKey;
        this.clientSecret = clientSecret;
        this.owner = owner;
        this.redirectUris = String.join(" ", redirectUris);
        this.realms = String.join(" ", realms);
        this.rsaPublicKey = rsaPublicKey;
    }

    @Override
    public String getClientKey() {
        return clientKey;
    }

    @Override
    public String getClientSecret() {
        return clientSecret;
    }

    public User getOwner() {
        return owner;
    }

    @Override
    public List<String> getRedirectUris() {
        return Arrays.asList(redirectUris.split(" "));
    }

    @Override
    public List<String> getDefaultRealms() {
        return Arrays.asList(realms.split(" "));
    }

    @Override
    public String getRsaPublicKey() {
        return rsaPublicKey;
    }
}
