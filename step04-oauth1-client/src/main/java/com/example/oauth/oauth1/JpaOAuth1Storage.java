package com.example.oauth.oauth1;

import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import com.example.oauth.client.Client;
import com.example.oauth.client.ClientRepository;
import com.example.oauth.common.oauth1.OAuth1Storage;

/**
 * The article's getters and setters: how the provider engine of
 * {@code common} reaches this step's tables.
 */
@Component
public class JpaOAuth1Storage implements OAuth1Storage<Client, RequestToken, AccessToken> {

    private final ClientRepository clients;
    private final RequestTokenRepository requestTokens;
    private final AccessTokenRepository accessTokens;
    private final NonceRepository nonces;

    public JpaOAuth1Storage(ClientRepository clients, RequestTokenRepository requestTokens,
            AccessTokenRepository accessTokens, NonceRepository nonces) {
        this.clients = clients;
        this.requestTokens = requestTokens;
        this.accessTokens = accessTokens;
        this.nonces = nonces;
    }

    @Override
    public Optional<Client> findClient(String clientKey) {
        return clients.findByClientKey(clientKey);
    }

    @Override
    public Optional<RequestToken> findRequestToken(String token) {
        return requestTokens.findByToken(token);
    }

    @Override
    public Optional<AccessToken> findAccessToken(String token) {
        return accessTokens.findByToken(token);
    }

    @Override
    public boolean saveNonceIfUnused(String clientKey, long timestamp, String nonce, String token) {
        try {
            nonces.saveAndFlush(new Nonce(clientKey, timestamp, nonce, token));
            return true;
        } catch (DataIntegrityViolationException alreadyThere) {
            // The unique constraint refused a second copy: a replay.
            return false;
        }
    }

    @Override
    public boolean consumeRequestToken(String token) {
        return requestTokens.deleteAuthorized(token) == 1;
    }
}
