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
 * <li>this decides. On {@link Step#LOGIN_PAGE} the handler logs the user
 * out and shows the login page.</li>
 * </ol>
 * Each time it sends the user to the login page for a request, the way
 * back is the same request plus {@link AuthenticationRequest#LOGIN_ASKED_AT}
 * (now): a login after that time is the fresh login that prompt=login or
 * max_age asked for, so the request that comes back does not send the
 * user to the login page again, and cannot loop.
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

    private SignInDecision() {
    }

    /**
     * @param loggedInAt when the user logged in at the provider (the session's login time), or null when
     *        nobody is logged in
     * @param scopes the scopes of the request, as the OAuth 2 engine checked them
     * @param allowedScopes every scope the user allowed this client before (remembered consent); empty if none
     * @throws AuthenticationError login_required or consent_required, when prompt=none and a page is needed
     */
    public static Step decide(AuthenticationRequest request, Instant loggedInAt, Instant now,
            Collection<String> scopes, Collection<String> allowedScopes) {
        if (needsLogin(request, loggedInAt, now)) {
            if (request.asks(Prompt.NONE)) {
                throw AuthenticationError.loginRequired(loggedInAt == null
                        ? "The user is not logged in at the provider, and prompt=none lets it show no login page."
                        : "The user's login is older than max_age allows, and prompt=none lets the provider show"
                                + " no login page.");
            }
            return Step.LOGIN_PAGE;
        }
        // §3.1.2.1: prompt=consent asks again, even for scopes allowed before.
        if (request.asks(Prompt.CONSENT) || !allowedScopes.containsAll(scopes)) {
            if (request.asks(Prompt.NONE)) {
                throw AuthenticationError.consentRequired("The user has not allowed this application every scope"
                        + " it asks for, and prompt=none lets the provider show no consent page.");
            }
            return Step.CONSENT_PAGE;
        }
        return Step.PROCEED;
    }

    private static boolean needsLogin(AuthenticationRequest request, Instant loggedInAt, Instant now) {
        if (loggedInAt == null) {
            return true;
        }
        // The login this request asked for has happened: do not ask again.
        if (request.loginAskedAt() != null && !loggedInAt.isBefore(request.loginAskedAt())) {
            return false;
        }
        // §3.1.2.1: login and select_account ask for the login page even with a session.
        if (request.asks(Prompt.LOGIN) || request.asks(Prompt.SELECT_ACCOUNT)) {
            return true;
        }
        // §3.1.2.1 max_age: "If the elapsed time is greater than this value, the OP MUST attempt to actively
        // re-authenticate the End-User."
        Duration maxAge = request.maxAge();
        return maxAge != null && Duration.between(loggedInAt, now).compareTo(maxAge) > 0;
    }
}
