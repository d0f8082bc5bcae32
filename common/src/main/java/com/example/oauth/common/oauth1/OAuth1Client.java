package com.example.oauth.common.oauth1;

import java.util.List;

/** What the provider needs to know of a registered client (the article's clientgetter result). */
public interface OAuth1Client {

    String getClientKey();

    /** The shared secret of HMAC signatures. */
    String getClientSecret();

    /** The client's RSA public key as PEM, for RSA-SHA1; null when it registered none. */
    String getRsaPublicKey();

    /** Registered callback URIs, and "oob" if the client may use the out-of-band flow. */
    List<String> getRedirectUris();

    /** The realms the client registered: the most it may ask for. */
    List<String> getDefaultRealms();
}
