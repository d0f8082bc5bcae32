package com.example.oauth.user;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.example.oauth.common.user.CurrentUser;
import com.example.oauth.common.user.User;
import com.example.oauth.common.user.UserRepository;
import com.example.oauth.common.web.LocalPath;
import com.example.oauth.common.web.SeeOther;

/**
 * The article's {@code home()}: who is logged in, or a form to log in as
 * anyone. There is no password on purpose: this tutorial is about OAuth, not
 * about authenticating users. A real provider must check who is logging in.
 */
@Controller
public class HomeController {

    /** When the user logged in, in the session: an id_token's auth_time (OpenID Connect Core §2). */
    private static final String LOGGED_IN_AT = "logged_in_at";

    private final UserRepository users;
    private final CurrentUser currentUser;
    private final Clock clock;

    public HomeController(UserRepository users, CurrentUser currentUser, Clock clock) {
        this.users = users;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** When the logged-in user logged in; null if nobody is. A sign-in without the login page keeps it. */
    public static Instant loggedInAt(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(LOGGED_IN_AT) instanceof Long millis
                ? Instant.ofEpochMilli(millis) : null;
    }

    @GetMapping("/")
    public String home(@RequestParam(required = false) String next, HttpServletRequest request, Model model) {
        model.addAttribute("user", currentUser.find(request).orElse(null));
        model.addAttribute("next", LocalPath.isLocal(next) ? next : null);
        return "home";
    }

    @PostMapping("/")
    public ModelAndView logIn(@RequestParam(defaultValue = "") String username,
            @RequestParam(required = false) String next, HttpServletRequest request) {
        String name = username.strip();
        String problem = problemWith(name);
        if (problem != null) {
            ModelAndView page = new ModelAndView("home", HttpStatus.BAD_REQUEST);
            page.addObject("user", currentUser.find(request).orElse(null));
            page.addObject("next", LocalPath.isLocal(next) ? next : null);
            page.addObject("problem", problem);
            page.addObject("username", username);
            return page;
        }
        currentUser.logIn(request, findOrCreate(name));
        request.getSession().setAttribute(LOGGED_IN_AT, clock.millis());
        // 303: the browser follows with a GET, so a reload does not post again.
        return SeeOther.to(LocalPath.orHome(next));
    }

    @PostMapping("/logout")
    public ModelAndView logOut(HttpServletRequest request) {
        currentUser.logOut(request);
        return SeeOther.to("/");
    }

    private static String problemWith(String name) {
        if (name.isEmpty()) {
            return "Type a username to log in.";
        }
        if (name.length() > User.MAX_USERNAME_LENGTH) {
            return "A username has at most " + User.MAX_USERNAME_LENGTH + " characters.";
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return "A username cannot contain control characters.";
        }
        return null;
    }

    /** The user of that name, created on first login as in the article. */
    private User findOrCreate(String name) {
        Optional<User> existing = users.findByUsername(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return users.save(new User(name));
        } catch (DataIntegrityViolationException sameNameAtOnce) {
            // Two first logins with one name at the same moment: the unique
            // index let one insert win; use that user.
            return users.findByUsername(name).orElseThrow();
        }
    }
}
