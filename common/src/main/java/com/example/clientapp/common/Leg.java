package com.example.clientapp.common;

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
 * @param baseString the OAuth 1 signature base string the client app signed for it (RFC 5849 §3.4.1), or null
 * @param answer what came back, as text, or null
 * @param checks what the client app checked on it
 * @param failure why the dance stopped here, or null
 */
public record Leg(int number, Kind kind, String message, String baseString, String answer, List<Check> checks,
        String failure) implements Serializable {

    /**
     * Which leg of its flow a message is, as the dance page names it; each
     * client app lists its flow's legs in an enum. The chapter is a path of
     * the repository with a section (the docs build checks that it resolves).
     */
    public interface Kind extends Serializable {

        /** Its name in the flow, such as TOKEN_REQUEST (an enum's name). */
        String name();

        String title();

        /** Who sends the message to whom, such as "client app → provider". */
        String route();

        /** The RFC section that defines the message, such as "RFC 6749 §4.1.3". */
        String rfc();

        String rfcUrl();

        /** The chapter section that explains it, such as "docs/06-oauth2-client.md#logout-revokes". */
        String chapter();
    }

    /** A check the client app made, and whether it passed. */
    public record Check(String what, boolean passed) implements Serializable {
    }

    public Leg {
        message = Dance.cap(message);
        baseString = Dance.cap(baseString);
        answer = Dance.cap(answer);
        checks = List.copyOf(checks);
    }

    public Leg(Kind kind, String message, String answer) {
        this(0, kind, message, null, answer, List.of(), null);
    }

    Leg numbered(int n) {
        return new Leg(n, kind, message, baseString, answer, checks, failure);
    }

    public Leg withAnswer(String text) {
        return new Leg(number, kind, message, baseString, text, checks, failure);
    }

    public Leg withCheck(String what, boolean passed) {
        if (checks.size() >= Dance.MAX_CHECKS) {
            return this;
        }
        List<Check> more = new ArrayList<>(checks);
        more.add(new Check(Dance.cap(what), passed));
        return new Leg(number, kind, message, baseString, answer, more, failure);
    }

    public Leg withBaseString(String signed) {
        return new Leg(number, kind, message, signed, answer, checks, failure);
    }

    /** The first failure explains the leg; a later one adds nothing. */
    public Leg withFailure(String why) {
        return failure != null || why == null ? this
                : new Leg(number, kind, message, baseString, answer, checks, Dance.cap(why));
    }

    /** How many characters it keeps, for the bound of {@link Dance}. */
    int size() {
        int size = length(message) + length(baseString) + length(answer) + length(failure);
        for (Check check : checks) {
            size += check.what().length();
        }
        return size;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
