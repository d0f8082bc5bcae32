package com.example.clientapp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One message of the dance, as it went: the message itself (request line
 * or status line, the headers that matter, the body), the answer to it if
 * the client app saw one, the checks the app made on it, and what went
 * wrong, if anything. Secrets are masked before a leg is made.
 *
 * @param number its place in the dance, from 1
 * @param kind which leg of the flow it is
 * @param message what was sent, as text
 * @param answer what came back, as text, or null
 * @param checks what the client app checked on it
 * @param failure why the dance stopped here, or null
 */
public record Leg(int number, LegKind kind, String message, String answer, List<Check> checks, String failure)
        implements Serializable {

    /** A check the client app made, and whether it passed. */
    public record Check(String what, boolean passed) implements Serializable {
    }

    public Leg {
        message = Dance.cap(message);
        answer = Dance.cap(answer);
        checks = List.copyOf(checks);
    }

    public Leg(LegKind kind, String message, String answer) {
        this(0, kind, message, answer, List.of(), null);
    }

    Leg numbered(int n) {
        return new Leg(n, kind, message, answer, checks, failure);
    }

    Leg withAnswer(String text) {
        return new Leg(number, kind, message, text, checks, failure);
    }

    Leg withCheck(String what, boolean passed) {
        if (checks.size() >= Dance.MAX_CHECKS) {
            return this;
        }
        List<Check> more = new ArrayList<>(checks);
        more.add(new Check(Dance.cap(what), passed));
        return new Leg(number, kind, message, answer, more, failure);
    }

    /** The first failure explains the leg; a later one adds nothing. */
    Leg withFailure(String why) {
        return failure != null || why == null ? this : new Leg(number, kind, message, answer, checks, Dance.cap(why));
    }

    /** How many characters it keeps, for the bound of {@link Dance}. */
    int size() {
        int size = length(message) + length(answer) + length(failure);
        for (Check check : checks) {
            size += check.what().length();
        }
        return size;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
