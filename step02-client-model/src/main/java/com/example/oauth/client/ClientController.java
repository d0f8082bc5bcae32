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

import com.example.oauth.common.security.RandomTokens;
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
        model.addAttribute("knownRealms", Realms.KNOWN);
        return "client";
    }

    /** For a program: {@code Accept: application/json} gets JSON, 201 Created. */
    @PostMapping(value = "/client", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> registerJson(ClientForm form, HttpServletRequest request) {
        User owner = currentUser.require(request);
        try {
            Client client = register(owner, form);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("client_key", client.getClientKey());
            body.put("client_secret", client.getClientSecret());
            body.put("redirect_uris", client.getRedirectUris());
            body.put("realms", client.getDefaultRealms());
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
            Client client = register(owner, form);
            response.setHeader("Cache-Control", "no-store");
            ModelAndView page = new ModelAndView("client-created", HttpStatus.CREATED);
            page.addObject("client", client);
            return page;
        } catch (InvalidRegistrationException e) {
            ModelAndView page = new ModelAndView("client", HttpStatus.BAD_REQUEST);
            page.addObject("user", owner);
            page.addObject("knownRealms", Realms.KNOWN);
            page.addObject("problem", e.getMessage());
            page.addObject("form", form); // what was typed, to correct
            return page;
        }
    }

    private Client register(User owner, ClientForm form) {
        Client client = new Client(
                RandomTokens.generate(30), // about 178 bits
                RandomTokens.generate(40), // about 238 bits
                owner,
                RedirectUris.parse(form.redirectUris()),
                Realms.parse(form.realms()));
        return clients.save(client);
    }
}
