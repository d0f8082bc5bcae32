package com.example.oauth.apps;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.example.oauth.common.user.CurrentUser;
import com.example.oauth.common.user.User;
import com.example.oauth.common.web.ErrorPage;
import com.example.oauth.common.web.SeeOther;

/**
 * The user's own list of the applications they allowed, each of which
 * they can revoke: GitHub's "Authorized OAuth Apps", Google's "Third-party
 * access".
 */
@Controller
public class AppsController {

    private final Consents consents;
    private final CurrentUser currentUser;

    public AppsController(Consents consents, CurrentUser currentUser) {
        this.consents = consents;
        this.currentUser = currentUser;
    }

    @GetMapping("/apps")
    public ModelAndView apps(HttpServletRequest request, HttpServletResponse response) {
        User user = currentUser.require(request);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        ModelAndView page = new ModelAndView("apps");
        page.addObject("user", user);
        page.addObject("apps", consents.of(user.getUsername()));
        return page;
    }

    /** Forgets the consent and revokes every token of that client for this user, at once. */
    @PostMapping("/apps/revoke")
    public ModelAndView revoke(@RequestParam(name = "client_id", defaultValue = "") String clientId,
            HttpServletRequest request) {
        User user = currentUser.require(request);
        if (!consents.forget(user.getUsername(), clientId)) {
            return ErrorPage.of(HttpStatus.NOT_FOUND, "You have not allowed an application with this client_id:"
                    + " there is nothing to revoke. Your applications are listed on /apps.");
        }
        return SeeOther.to("/apps");
    }
}
