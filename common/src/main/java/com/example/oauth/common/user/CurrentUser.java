package com.example.oauth.common.user;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/**
 * Who is logged in: the article's {@code current_user()}. The session holds
 * only the user's id; the user is read from the database on each call.
 */
@Component
public class CurrentUser {

    private static final String SESSION_ATTRIBUTE = "user_id";

    private final UserRepository users;

    public CurrentUser(UserRepository users) {
        this.users = users;
    }

    /** The logged-in user, if any. Never creates a session. */
    public Optional<User> find(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Long id)) {
            return Optional.empty();
        }
        return users.findById(id);
    }

    /**
     * The logged-in user, or a {@link LoginRequiredException} that sends the
     * visitor to the login form and, after login, back to this page.
     */
    public User require(HttpServletRequest request) {
        return find(request).orElseThrow(() -> new LoginRequiredException(request));
    }

    public void logIn(HttpServletRequest request, User user) {
        request.getSession(true);
        // A new session id at login, so that an id planted before login
        // (session fixation) is worth nothing afterwards.
        request.changeSessionId();
        request.getSession().setAttribute(SESSION_ATTRIBUTE, user.getId());
    }

    public void logOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
