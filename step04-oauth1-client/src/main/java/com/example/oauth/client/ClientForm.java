package com.example.oauth.client;

import java.util.List;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The registration form of {@code POST /client}, read once for both of its
 * answers (the page and the JSON): Spring MVC builds it from the request's
 * parameters, named by {@code @BindParam}. A field that a lesson adds is
 * added here.
 *
 * @param redirectUris {@code redirect_uri}: one or more, separated by spaces or lines
 * @param realms       {@code realms}: each checked box sends one; a program may send them space-separated
 * @param rsaPublicKey {@code rsa_public_key}: a PEM public key, for clients that sign with RSA-SHA1; optional
 */
public record ClientForm(@BindParam("redirect_uri") String redirectUris, @BindParam("realms") List<String> realms,
        @BindParam("rsa_public_key") String rsaPublicKey) {

    /** A field left out reads as an empty one. */
    public ClientForm {
        redirectUris = redirectUris == null ? "" : redirectUris;
        realms = realms == null ? List.of() : List.copyOf(realms);
        rsaPublicKey = rsaPublicKey == null ? "" : rsaPublicKey;
    }
}
