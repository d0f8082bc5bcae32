package com.example.oauth.openid;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import com.example.oauth.common.oidc.EndSessionEndpoint;
import com.example.oauth.common.oidc.EndSessionRequest;
import com.example.oauth.common.oidc.ProviderMetadata;
import com.example.oauth.common.user.CurrentUser;
import com.example.oauth.common.web.OAuth2Requests;
import com.example.oauth.common.web.SeeOther;

/**
 * RP-Initiated Logout 1.0: a client sends the user here to log out of the
 * provider too. A link must not log anyone out by itself (§2: the provider
 * "SHOULD ask the End-User whether to log out"), so the GET shows a form,
 * and the POST, with its CSRF token, logs out.
 */
@Controller
public class LogoutController {

    private final EndSessionEndpoint endSession;
    private final CurrentUser currentUser;

    public LogoutController(EndSessionEndpoint endSession, CurrentUser currentUser) {
        this.endSession = endSession;
        this.currentUser = currentUser;
    }

    @GetMapping(ProviderMetadata.END_SESSION_ENDPOINT)
    public ModelAndView confirm(HttpServletRequest request, HttpServletResponse response) {
        Map<String, String[]> query = OAuth2Requests.authorization(request);
        ModelAndView page = new ModelAndView("logout");
        page.addObject("user", currentUser.find(request).orElse(null));
        page.addObject("logout", endSession.check(query));
        page.addObject("fields", EndSessionEndpoint.formFields(query));
        // The page holds the id_token_hint: no cache may keep it.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return page;
    }

    /** §3: logged out in any case; sent back to the client only to a URI it registered exactly. */
    @PostMapping(ProviderMetadata.END_SESSION_ENDPOINT)
    public ModelAndView logOut(HttpServletRequest request, HttpServletResponse response) {
        EndSessionRequest logout = endSession.check(OAuth2Requests.authorization(request));
        currentUser.logOut(request);
        if (logout.redirects()) {
            return SeeOther.to(logout.location());
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        ModelAndView page = new ModelAndView("logged-out");
        page.addObject("problem", logout.problem());
        return page;
    }
}
