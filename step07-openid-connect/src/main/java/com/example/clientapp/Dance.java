package com.example.clientapp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpSession;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The legs of a visitor's last dance, for the page at /dance. It lives in
 * the visitor's session, so in memory and for this browser only; a new
 * sign-in starts a new one. It is bounded: at most {@value #MAX_LEGS} legs
 * (the first ones, which are the sign-in, and the newest), each text cut
 * at {@value #MAX_TEXT} characters.
 */
public final class Dance implements Serializable {

    static final String SESSION_KEY = "dance";
    static final int MAX_LEGS = 20;
    /** The sign-in's legs stay when later API calls crowd the dance. */
    static final int KEPT_FIRST = 6;
    static final int MAX_TEXT = 4000;
    static final int MAX_CHECKS = 6;

    private final List<Leg> legs = new ArrayList<>();
    private int count;
    private int leftOut;

    /** A new, empty dance for this session, in place of the last one. */
    static Dance start(HttpSession session) {
        Dance dance = new Dance();
        session.setAttribute(SESSION_KEY, dance);
        return dance;
    }

    /** This session's dance; a new one if it has none yet. */
    static Dance in(HttpSession session) {
        return session.getAttribute(SESSION_KEY) instanceof Dance dance ? dance : start(session);
    }

    /** The dance of the visitor whose request this thread serves, or null outside a visitor's request. */
    static Dance current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : in(session);
        }
        return null;
    }

    synchronized void add(Leg leg) {
        count++;
        legs.add(leg.numbered(count));
        if (legs.size() > MAX_LEGS) {
            legs.remove(KEPT_FIRST);
            leftOut++;
        }
    }

    /** Records a check the client app made on the newest leg of this kind. */
    void check(LegKind kind, String what, boolean passed) {
        update(kind, leg -> leg.withCheck(what, passed));
    }

    /** Marks the newest leg of this kind as where the dance stopped, and why. */
    void fail(LegKind kind, String why) {
        update(kind, leg -> leg.withFailure(why));
    }

    void answer(LegKind kind, String answer) {
        update(kind, leg -> leg.withAnswer(answer));
    }

    private synchronized void update(LegKind kind, UnaryOperator<Leg> change) {
        for (int i = legs.size() - 1; i >= 0; i--) {
            if (legs.get(i).kind() == kind) {
                legs.set(i, change.apply(legs.get(i)));
                return;
            }
        }
    }

    /** The newest leg of this kind, or null. */
    synchronized Leg newest(LegKind kind) {
        for (int i = legs.size() - 1; i >= 0; i--) {
            if (legs.get(i).kind() == kind) {
                return legs.get(i);
            }
        }
        return null;
    }

    public synchronized List<Leg> legs() {
        return List.copyOf(legs);
    }

    /** Legs dropped to keep the bound, between the sign-in and the newest. */
    public synchronized int leftOut() {
        return leftOut;
    }

    /** The characters it keeps, all legs together. */
    synchronized int size() {
        return legs.stream().mapToInt(Leg::size).sum();
    }

    /** A text cut to the bound, saying how much was cut. */
    static String cap(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int kept = MAX_TEXT - 40; // room for the note
        return text.substring(0, kept) + "\n… (" + (text.length() - kept) + " more characters)";
    }
}
