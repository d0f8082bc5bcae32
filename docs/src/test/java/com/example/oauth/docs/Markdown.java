package com.example.oauth.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a Markdown reader for the checks: fenced code blocks (with the
 * {@code <!-- from: path -->} marker on the line before), inline code spans,
 * links and the anchors GitHub makes of headings. Line numbers are 1-based,
 * as an editor shows them.
 */
final class Markdown {

    /** A fenced code block. {@code fenceLine} is the line of the opening fence. */
    record CodeBlock(int fenceLine, String info, List<String> lines, Optional<String> from) {

        /** The line number in the document of the block's i-th line (0-based i). */
        int lineOf(int i) {
            return fenceLine + 1 + i;
        }
    }

    /** Text between backticks outside code blocks. */
    record Span(int line, String text) {
    }

    /** The target of {@code [text](target)} or {@code ![alt](target)}. */
    record Link(int line, String target) {
    }

    private static final Pattern FENCE_OPEN = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^`\\s]*).*$");
    private static final Pattern FROM_MARKER = Pattern.compile("^\\s*<!--\\s*from:\\s*(\\S+)\\s*-->\\s*$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(?s)(`+)(.+?)\\1");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    final Path file;
    final List<String> lines;
    final List<CodeBlock> blocks = new ArrayList<>();
    final List<Span> spans = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final Set<String> anchors = new LinkedHashSet<>();

    private Markdown(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
        parse();
    }

    static Markdown read(Path file) {
        try {
            return new Markdown(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void parse() {
        Map<String, Integer> slugCount = new HashMap<>();
        List<Integer> paragraph = new ArrayList<>(); // indexes of the lines of the current paragraph
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher open = FENCE_OPEN.matcher(line);
            if (!inComment && open.matches()) {
                readParagraph(paragraph);
                i = readBlock(i, open);
                continue;
            }
            // HTML comments (the excerpt markers among them) hold no links or spans.
            if (inComment || line.strip().startsWith("<!--")) {
                readParagraph(paragraph);
                inComment = !line.contains("-->");
                continue;
            }
            if (line.isBlank()) {
                readParagraph(paragraph);
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                readParagraph(paragraph);
                String slug = slug(heading.group(1));
                int n = slugCount.merge(slug, 1, Integer::sum);
                anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
                paragraph.add(i);
                readParagraph(paragraph); // a heading is a paragraph of its own
                continue;
            }
            paragraph.add(i);
        }
        readParagraph(paragraph);
    }

    /**
     * Code spans and links of a paragraph, which may run over several lines;
     * each is reported at the line where it starts.
     */
    private void readParagraph(List<Integer> paragraph) {
        if (paragraph.isEmpty()) {
            return;
        }
        int first = paragraph.get(0);
        String text = String.join("\n", paragraph.stream().map(lines::get).toList());
        paragraph.clear();
        Matcher span = CODE_SPAN.matcher(text);
        StringBuilder withoutSpans = new StringBuilder(text);
        while (span.find()) {
            spans.add(new Span(lineAt(text, span.start(), first), span.group(2).replace('\n', ' ').strip()));
            for (int k = span.start(); k < span.end(); k++) {
                if (withoutSpans.charAt(k) != '\n') {
                    withoutSpans.setCharAt(k, ' '); // keep the offsets, drop the text
                }
            }
        }
        Matcher link = LINK.matcher(withoutSpans);
        while (link.find()) {
            links.add(new Link(lineAt(text, link.start(), first), link.group(1)));
        }
    }

    private static int lineAt(String text, int offset, int firstLine) {
        int line = firstLine + 1;
        for (int k = 0; k < offset; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Reads the block opened at line i; returns the index of its closing fence (or the last line). */
    private int readBlock(int i, Matcher open) {
        int indent = open.group(1).length();
        String fence = open.group(2);
        Pattern close = Pattern.compile("^ {0,3}" + Pattern.quote(fence.substring(0, 1)) + "{" + fence.length()
                + ",}\\s*$");
        Optional<String> from = Optional.empty();
        if (i > 0) {
            Matcher marker = FROM_MARKER.matcher(lines.get(i - 1));
            if (marker.matches()) {
                from = Optional.of(marker.group(1));
            }
        }
        List<String> content = new ArrayList<>();
        int j = i + 1;
        while (j < lines.size() && !close.matcher(lines.get(j)).matches()) {
            content.add(removeIndent(lines.get(j), indent));
            j++;
        }
        blocks.add(new CodeBlock(i + 1, open.group(3).toLowerCase(Locale.ROOT), content, from));
        return j;
    }

    private static String removeIndent(String line, int indent) {
        int n = 0;
        while (n < indent && n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return line.substring(n);
    }

    /** The anchor GitHub gives a heading: lowercase, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1"); // a link's text only
        StringBuilder slug = new StringBuilder();
        for (int cp : text.toLowerCase(Locale.ROOT).codePoints().toArray()) {
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
                slug.appendCodePoint(cp);
            } else if (cp == ' ') {
                slug.append('-');
            }
        }
        return slug.toString();
    }
}
