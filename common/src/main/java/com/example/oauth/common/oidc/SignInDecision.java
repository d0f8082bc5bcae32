package com.example.oauth.common.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Which page, if any, an authentication request needs (OpenID Connect Core
 * §3.1.2.3 authenticate, §3.1.2.4 consent), from its {@code prompt} and
 * {@code max_age}, the user's login, and the consent the user gave this
 * client before.
 *
 * <p>The handler of the authorization endpoint, in this order:
 * <ol>
 * <li>the OAuth 2 engine checks the client and the redirect URI (its
 * errors are shown on the provider's page, never redirected);</li>
 * <li>a visitor who is not logged in goes to the login page first, unless
 * {@link AuthenticationRequest#asksNoPage} (prompt=none: on at once, to
 * get login_required);</li>
 * <li>{@link AuthenticationRequest#parse}, then the OAuth 2 engine, check
 * the rest (their errors go back to the client);</li>
 * <li>this decides. On {@link Step#LOGIN_PAGE} the handler shows the login
 * page, without logging the user out (a GET must not: any site could link
 * to it), and keeps in the session, never in the URL, when it did so for
 * this very request: the login after it is the fresh login that
 * prompt=login or max_age asked for, so the request that comes back once
 * does not ask again, and cannot loop.</li>
 * </ol>
 */
public final class SignInDecision {

    /** What the handler does next. */
    public enum Step {
        /** Show the login page, then come back. */
        LOGIN_PAGE,
        /** Show the consent page for the requested scopes. */
        CONSENT_PAGE,
        /** Issue the code at once, without a page: the user logged in, and allowed these scopes before. */
        PROCEED
    }

    /** How long the login page that this provider sent the user to stays the answer to its request. */
    public static final Duration LOGIN_PAGE_LIFETIME = Duration.ofMinutes(10);

    private SignInDecision() {
    }

    /**
     * @param loggedInAt when the user logged in at the provider (the session's login time), or null when
     *        nobody is logged in
     * @param loginAskedAt when the handler sent the user to the login page for this very request, as the
     *        session (never the request) says; null if it did not
     * @param scopes the scopes of the request, as the OAuth 2 engine checked them
     * @param allowedScopes every scope the user allowed this client before (remembered consent); empty if none
     * @param publicClient whether the client is public: anyone can send its client_id, and a loopback
     *        redirect URI matches any port, so its remembered consent shows the page again (RFC 6749 §10.2,
     *        RFC 8252 §8.6)
     * @throws AuthenticationError login_required or consent_required, when prompt=none and a page is needed
     */
    public static Step decide(AuthenticationRequest request, Instant loggedInAt, Instant loginAskedAt,
            Instant now, Collection<String> scopes, Collection<String> allowedScopes, boolean publicClient) {
        if (needsLogin(request, loggedInAt, loginAskedAt, now)) {
            if (request.asks(Prompt.NONE)) {
                throw AuthenticationError.loginRequired(loggedInAt == null
                        ? "The user is not logged in at the provider, and prompt=none lets it show no login page."
                        : "The user's login is older than max_age allows, and prompt=none lets the provider show"
                                + " no login page.");
            }
            return Step.LOGIN_PAGE;
        }
        // §3.1.2.1: prompt=consent asks again, even for scopes allowed before.
        if (request.asks(Prompt.CONSENT) || publicClient || !allowedScopes.containsAll(scopes)) {
            if (request.asks(Prompt.NONE)) {
                throw AuthenticationError.consentRequired(publicClient ? "This application is public (it has no"
                        + " secret), so the provider asks the user each time, and prompt=none lets it show no"
                        + " consent page." : "The user has not allowed this application every scope it asks for,"
                        + " and prompt=none lets the provider show no consent page.");
            }
            return Step.CONSENT_PAGE;
        }
        return Step.PROCEED;
    }

    private static boolean needsLogin(AuthenticationRequest request, Instant loggedInAt, Instant loginAskedAt,
            Instant now) {
        if (loggedInAt == null) {
            return true;
        }
        // The login this request was sent to has happened, lately: do not ask again.
        if (loginAskedAt != null && !loggedInAt.isBefore(loginAskedAt)
                && !now.isAfter(loginAskedAt.plus(LOGIN_PAGE_LIFETIME))) {
            return false;
        }
        // §3.1.2.1: login and select_account ask for the login page even with a session.
        if (request.asks(Prompt.LOGIN) || request.asks(Prompt.SELECT_ACCOUNT)) {
            return true;
        }
        // §3.1.2.1 max_age: "If the elapsed time is greater than this value, the OP MUST attempt to actively
        // re-authenticate the End-User."
        // In whole seconds, as auth_time is: a login in this second satisfies any max_age.
        Duration maxAge = request.maxAge();
        return maxAge != null && now.getEpochSecond() - loggedInAt.getEpochSecond() > maxAge.getSeconds();
    }
}
