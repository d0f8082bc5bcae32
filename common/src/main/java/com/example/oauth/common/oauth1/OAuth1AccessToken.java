package com.example.oauth.common.oauth1;

import java.util.List;

/** Token credentials (RFC 5849 §2.3), the article's token: what the provider stored about them. */
public interface OAuth1AccessToken<C extends OAuth1Client> extends OAuth1Credentials<C> {

    /** The realms the user granted. */
    List<String> getRealms();
}
