package com.example.yourapp;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The one page: Spring Security sends a visitor who has not signed in to the provider first. */
@RestController
public class HelloController {

    @GetMapping(value = "/", produces = MediaType.TEXT_PLAIN_VALUE)
    public String hello(@AuthenticationPrincipal OAuth2User user) {
        // The name is the user-name-attribute of the user-info answer,
        // {"username": "..."} from the provider's /api/me. Plain text: a
        // username typed at the provider is never read as HTML here.
        return "Hello, " + user.getName() + ". You signed in at step05.";
    }
}
