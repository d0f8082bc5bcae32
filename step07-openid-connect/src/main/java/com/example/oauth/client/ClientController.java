package com.example.oauth.client;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import com.example.oauth.common.oauth2.ClientType;
import com.example.oauth.common.security.RandomTokens;
import com.example.oauth.common.security.Sha256;
import com.example.oauth.common.user.CurrentUser;
import com.example.oauth.common.user.User;

/**
 * Client registration. The article made a client on every visit of
 * {@code /client}; here a logged-in developer fills a form, and the
 * credentials are shown once.
 */
@Controller
public class ClientController {

    private final ClientRepository clients;
    private final CurrentUser currentUser;

    public ClientController(ClientRepository clients, CurrentUser currentUser) {
        this.clients = clients;
        this.currentUser = currentUser;
    }

    @GetMapping("/client")
    public String form(HttpServletRequest request, Model model) {
        model.addAttribute("user", currentUser.require(request));
        model.addAttribute("knownScopes", Scopes.KNOWN);
        return "client";
    }

    /** For a program: {@code Accept: application/json} gets JSON, 201 Created. */
    @PostMapping(value = "/client", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> registerJson(ClientForm form, HttpServletRequest request) {
        User owner = currentUser.require(request);
        try {
            Registration registration = register(owner, form);
            Client client = registration.client();
            // RFC 7591 §3.2.1: the names of dynamic client registration.
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("client_id", client.getClientId());
            if (registration.clientSecret() != null) {
                body.put("client_secret", registration.clientSecret());
            }
            body.put("redirect_uris", client.getRedirectUris());
            body.put("scope", String.join(" ", client.getDefaultScopes()));
            body.put("client_type", client.getClientType().value());
            body.put("post_logout_redirect_uris", client.getPostLogoutRedirectUris());
            // Secrets must not linger in any cache.
            return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(body);
        } catch (InvalidRegistrationException e) {
            return ResponseEntity.badRequest().body(e.toBody());
        }
    }

    @PostMapping("/client")
    public ModelAndView registerPage(ClientForm form, HttpServletRequest request, HttpServletResponse response) {
        User owner = currentUser.require(request);
        try {
            Registration registration = register(owner, form);
            response.setHeader("Cache-Control", "no-store");
            ModelAndView page = new ModelAndView("client-created", HttpStatus.CREATED);
            page.addObject("client", registration.client());
            page.addObject("clientSecret", registration.clientSecret());
            return page;
        } catch (InvalidRegistrationException e) {
            ModelAndView page = new ModelAndView("client", HttpStatus.BAD_REQUEST);
            page.addObject("user", owner);
            page.addObject("knownScopes", Scopes.KNOWN);
            page.addObject("problem", e.getMessage());
            page.addObject("form", form); // what was typed, to correct
            return page;
        }
    }

    /** A new client, and its secret: shown once, then only its hash is kept (null for a public client). */
    private record Registration(Client client, String clientSecret) {
    }

    private Registration register(User owner, ClientForm form) {
        ClientType type = parseClientType(form.clientType());
        // A public client cannot keep a secret, so it gets none (RFC 6749 §2.1).
        String secret = type == ClientType.CONFIDENTIAL ? RandomTokens.generate(40) : null; // about 238 bits
        Client client = new Client(
                RandomTokens.generate(30), // about 178 bits
                secret == null ? null : Sha256.hex(secret),
                owner,
                RedirectUris.parse(form.redirectUris()),
                Scopes.parse(form.scopes()),
                type);
        client.setPostLogoutRedirectUris(RedirectUris.parseOptional(form.postLogoutRedirectUris()));
        return new Registration(clients.save(client), secret);
    }

    /** RFC 6749 §2.1: confidential (the default) or public. */
    private static ClientType parseClientType(String value) {
        if (value.isEmpty()) {
            return ClientType.CONFIDENTIAL;
        }
        return ClientType.fromValue(value).orElseThrow(() -> new InvalidRegistrationException(
                "invalid_client_metadata", "The client type is \"public\" or \"confidential\"."));
    }
}
