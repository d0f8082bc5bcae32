package com.example.oauth.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The messages the text quotes from the providers' answers, checked against
 * the code that writes them: every {@code error_description} (in a JSON body
 * or a {@code WWW-Authenticate} header) and every {@code oauth_problem_advice}
 * quoted in the Markdown must be one the main code can produce, and every
 * error code, {@code oauth_problem} and challenge realm one of its literals.
 *
 * <p>The code builds its messages from string literals and values
 * ({@code "send exactly " + redirectUri + " (RFC 6749 Section 4.1.3)."}); each
 * such chain becomes a pattern in which a value matches any text. A quoted
 * message that ends in "..." is a shortened one: its start must fit a pattern.
 */
final class QuotedMessages {

    /** A message in the docs, and where it is; a code ({@code invalid_grant}) or a realm is a whole literal. */
    record Quote(String where, String message, boolean whole) {

        Quote(String where, String message) {
            this(where, message, false);
        }
    }

    private static final Pattern JSON_DESCRIPTION = Pattern.compile("\"error_description\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern HEADER_DESCRIPTION = Pattern.compile("error_description=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ADVICE = Pattern.compile("oauth_problem_advice=([^&\\s`\"<]+)");
    private static final Pattern CODE = Pattern.compile(
            "\"error\"\\s*:\\s*\"([a-z_]+)\"|\\berror=\"([a-z_]+)\"|oauth_problem=([a-z_]+)|realm=\"([a-z]+)\"");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final String ELLIPSIS = "...";
    private static final int MIN_LETTERS = 12;

    private final List<Pattern> producible = new ArrayList<>();
    private final Set<String> literals = new HashSet<>();

    QuotedMessages(Path root) {
        for (Path java : javaSources(root)) {
            readChains(DocChecks.read(java));
        }
    }

    /** The quotes of one Markdown file, with their line numbers. */
    static List<Quote> quotes(Path root, Path markdown) {
        List<Quote> quotes = new ArrayList<>();
        List<String> lines = DocChecks.read(markdown).lines().toList();
        String name = root.relativize(markdown).toString().replace('\\', '/');
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = name + ":" + (i + 1);
            for (Pattern p : List.of(JSON_DESCRIPTION, HEADER_DESCRIPTION)) {
                Matcher m = p.matcher(line);
                while (m.find()) {
                    quotes.add(new Quote(where, m.group(1).replace("\\\"", "\"").replace("\\\\", "\\")));
                }
            }
            if (line.startsWith("oauth_problem_advice=") && !line.contains("%20")) {
                // A form body printed one field a line, decoded (the chapters' `fields` helper).
                quotes.add(new Quote(where, line.substring("oauth_problem_advice=".length())));
                continue;
            }
            Matcher code = CODE.matcher(line);
            while (code.find()) {
                for (int g = 1; g <= code.groupCount(); g++) {
                    if (code.group(g) != null) {
                        quotes.add(new Quote(where, code.group(g), true));
                    }
                }
            }
            Matcher m = ADVICE.matcher(line);
            while (m.find()) {
                String advice = m.group(1);
                // "...", an unencoded word and a cut-off value stand for the text, not a quote of it.
                if (advice.contains("%20")) {
                    quotes.add(new Quote(where, URLDecoder.decode(advice.replace("+", "%2B"), StandardCharsets.UTF_8)));
                }
            }
        }
        return quotes;
    }

    /** Whether the code can write this quote: a code or realm as one of its literals, a message as above. */
    boolean canProduce(Quote quote) {
        return quote.whole() ? literals.contains(quote.message()) : canProduce(quote.message());
    }

    /** Whether the code can write this message. */
    boolean canProduce(String message) {
        if (message.equals(ELLIPSIS) || message.isBlank()) {
            return true; // a placeholder, not a quote
        }
        int cut = message.indexOf(ELLIPSIS);
        String text = cut < 0 ? message : message.substring(0, cut);
        for (Pattern p : producible) {
            Matcher m = p.matcher(text);
            if (m.matches() || (cut >= 0 && m.hitEnd())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the chains of string literals joined by {@code +}: literals next to
     * each other are joined, and any expression between two becomes "any text".
     */
    private void readChains(String source) {
        Matcher m = STRING_LITERAL.matcher(source);
        List<String> chain = new ArrayList<>();
        int letters = 0;
        int end = -1;
        while (m.find()) {
            String between = end < 0 ? "" : source.substring(end, m.start()).strip();
            String text = unescape(m.group(1));
            literals.add(text);
            String literal = Pattern.quote(text);
            boolean sameStatement = !between.contains(";") && !between.contains("{") && !between.contains("}");
            if (!chain.isEmpty() && sameStatement && between.equals(":")) {
                // cond ? "a..." : "b...": each branch is a message of its own, with values around it.
                add(chain, letters, true);
                chain = new ArrayList<>();
                chain.add(".*" + literal);
                letters = 0;
            } else if (!chain.isEmpty() && sameStatement && (between.startsWith("+") || between.endsWith("+"))) {
                chain.add(between.equals("+") ? literal : ".*" + literal);
            } else {
                add(chain, letters, source.substring(end < 0 ? 0 : end, m.start()).strip().startsWith("+"));
                chain = new ArrayList<>();
                letters = 0;
                // A value before the first literal: "uri + \" takes POST only\"".
                chain.add((source.substring(0, m.start()).strip().endsWith("+") ? ".*" : "") + literal);
            }
            letters += text.length();
            end = m.end();
        }
        add(chain, letters, end >= 0 && source.substring(end).strip().startsWith("+"));
    }

    private void add(List<String> chain, int letters, boolean valueAfter) {
        // "" + x or a few letters around values would fit any message: a message is a sentence.
        if (letters >= MIN_LETTERS) {
            producible.add(Pattern.compile(String.join("", chain) + (valueAfter ? ".*" : ""), Pattern.DOTALL));
        }
    }

    private static String unescape(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length()) {
                char next = literal.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The main Java code of common and of every step: where answers are written. */
    private static List<Path> javaSources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> {
                        String path = root.relativize(p).toString().replace('\\', '/');
                        return path.matches("(common|step\\d\\d-[^/]+)/src/main/java/.*");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
