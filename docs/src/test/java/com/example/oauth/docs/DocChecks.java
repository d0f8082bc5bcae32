package com.example.oauth.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules that keep the tutorial text true to the repository. Each method
 * returns the problems it found, one line each, as
 * {@code docs/file.md:LINE: what went stale and what to do}; an empty list
 * means all is well.
 */
final class DocChecks {

    /** Languages whose blocks always quote the repository, so they need a marker. */
    static final Set<String> QUOTING_LANGUAGES =
            Set.of("java", "ftl", "ftlh", "freemarker", "properties", "xml", "yaml", "yml");

    /** A line inside an excerpt that stands for lines left out. */
    private static final Set<String> OMISSIONS = Set.of("// ...", "# ...", "<#-- ... -->", "<!-- ... -->");

    private static final String MODULE = "(?:step\\d\\d-[a-z0-9]+(?:-[a-z0-9]+)*|common|docs|bench)";
    private static final Pattern PATH = Pattern.compile("(?<![\\w.$/~:-])(" + MODULE + ")(/[\\w.\\-/]*)?");
    private static final Pattern PL = Pattern.compile("(?:^|\\s)(?:-pl|--projects)\\s+(\\S+)");
    private static final Pattern JAVA_JAR = Pattern.compile("\\bjava\\s+(?:-\\S+\\s+)*?-jar\\s+(\\S+)");
    private static final Pattern RUN_COMMAND = Pattern.compile(
            "^\\./mvnw -q -pl (\\S+) -am package -DskipTests && java -jar (\\S+)$");
    private static final Pattern MODULE_TAG = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

    /** How far down the root README the two commands must stay. */
    static final int TOP_LINES = 40;

    private final Path root;
    private final Set<String> modules;

    DocChecks(Path root) {
        this.root = root;
        this.modules = readModules(root);
    }

    /** The modules the root pom lists (not those in comments). */
    private static Set<String> readModules(Path root) {
        String pom = read(root.resolve("pom.xml")).replaceAll("(?s)<!--.*?-->", "");
        Set<String> found = new TreeSet<>();
        Matcher m = MODULE_TAG.matcher(pom);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** docs/*.md, in name order. */
    List<Path> documents() {
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Markdown markdown(Path file) {
        return Markdown.read(file);
    }

    private String where(Markdown doc, int line) {
        return root.relativize(doc.file).toString().replace('\\', '/') + ":" + line + ": ";
    }

    // ---------------------------------------------------------------- excerpts

    /**
     * Every block marked {@code <!-- from: path -->} appears in that file verbatim
     * (a line such as {@code // ...} stands for lines left out: each piece between
     * them must appear, contiguous, in order); every Java, FreeMarker, properties
     * or XML block carries a marker.
     */
    List<String> excerpts(Markdown doc) {
        List<String> problems = new ArrayList<>();
        for (Markdown.CodeBlock block : doc.blocks) {
            if (block.from().isEmpty()) {
                if (QUOTING_LANGUAGES.contains(block.info())) {
                    problems.add(where(doc, block.fenceLine()) + "this ```" + block.info() + " block has no"
                            + " <!-- from: path --> line before it: say which file of the repository it quotes.");
                }
                continue;
            }
            String from = block.from().get();
            Path source = root.resolve(from).normalize();
            if (!source.startsWith(root) || !Files.isRegularFile(source)) {
                problems.add(where(doc, block.fenceLine() - 1) + "the excerpt quotes " + from
                        + ", which does not exist (any more): fix the path or remove the excerpt.");
                continue;
            }
            String mismatch = findMismatch(block.lines(), readLines(source));
            if (mismatch != null) {
                problems.add(where(doc, block.fenceLine()) + "the excerpt no longer matches " + from + ": "
                        + mismatch + ". Copy the lines again from the file.");
            }
        }
        return problems;
    }

    /** Null when every piece of the excerpt is found in order; otherwise what is wrong. */
    static String findMismatch(List<String> excerpt, List<String> file) {
        List<String> fileLines = file.stream().map(DocChecks::stripEnd).toList();
        int from = 0;
        int excerptIndex = 0;
        for (List<String> piece : pieces(excerpt)) {
            int firstLineOfPiece = excerptIndex;
            excerptIndex += piece.size() + 1;
            if (piece.isEmpty()) {
                continue;
            }
            int at = indexOf(fileLines, piece, from);
            if (at >= 0) {
                from = at + piece.size();
                continue;
            }
            // Explain: the longest run of the piece that the file still has, and where it breaks.
            int bestStart = -1;
            int bestLength = 0;
            for (int i = from; i < fileLines.size(); i++) {
                int n = 0;
                while (n < piece.size() && i + n < fileLines.size() && fileLines.get(i + n).equals(piece.get(n))) {
                    n++;
                }
                if (n > bestLength) {
                    bestLength = n;
                    bestStart = i;
                }
            }
            int brokenLine = firstLineOfPiece + bestLength + 1; // 1-based line within the block
            String text = piece.get(bestLength);
            if (bestLength == 0) {
                return "its line " + brokenLine + " `" + text.strip() + "` is not in the file"
                        + (from > 0 ? " after line " + from : "");
            }
            int fileLine = bestStart + bestLength; // 0-based index of the differing file line
            String actual = fileLine < fileLines.size() ? "`" + fileLines.get(fileLine).strip() + "`" : "the end of the file";
            return "its lines " + (firstLineOfPiece + 1) + "-" + (brokenLine - 1) + " match the file's lines "
                    + (bestStart + 1) + "-" + (bestStart + bestLength) + ", but its line " + brokenLine + " `"
                    + text.strip() + "` is " + actual + " in the file (line " + (fileLine + 1) + ")";
        }
        return null;
    }

    /** The excerpt cut at its omission lines. */
    private static List<List<String>> pieces(List<String> excerpt) {
        List<List<String>> pieces = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : excerpt) {
            if (OMISSIONS.contains(line.strip())) {
                pieces.add(current);
                current = new ArrayList<>();
            } else {
                current.add(stripEnd(line));
            }
        }
        pieces.add(current);
        return pieces;
    }

    private static int indexOf(List<String> lines, List<String> piece, int from) {
        for (int i = from; i + piece.size() <= lines.size(); i++) {
            if (lines.subList(i, i + piece.size()).equals(piece)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- paths and commands

    /**
     * Every repository path in backticks or in a command block exists; every
     * {@code -pl} names modules of the root pom; every {@code java -jar} names
     * {@code <module>/target/<module>.jar}. Quoted excerpts are left to
     * {@link #excerpts}.
     */
    List<String> pathsAndCommands(Markdown doc) {
        List<String> problems = new ArrayList<>();
        for (Markdown.Span span : doc.spans) {
            checkText(doc, span.line(), span.text(), problems);
        }
        for (Markdown.CodeBlock block : doc.blocks) {
            if (block.from().isPresent()) {
                continue;
            }
            for (int i = 0; i < block.lines().size(); i++) {
                checkText(doc, block.lineOf(i), block.lines().get(i), problems);
            }
        }
        // A jar path is checked both as a path and as a command: say it once.
        return new ArrayList<>(new LinkedHashSet<>(problems));
    }

    private void checkText(Markdown doc, int line, String text, List<String> problems) {
        Matcher path = PATH.matcher(text);
        while (path.find()) {
            String token = tokenAround(text, path.start());
            if (isPlaceholder(token)) {
                continue;
            }
            String problem = checkPath(path.group(1), trimEnd(path.group(2) == null ? "" : path.group(2)));
            if (problem != null) {
                problems.add(where(doc, line) + problem);
            }
        }
        Matcher pl = PL.matcher(text);
        while (pl.find()) {
            if (isPlaceholder(pl.group(1))) {
                continue;
            }
            for (String module : pl.group(1).split(",")) {
                String name = module.startsWith(":") ? module.substring(1) : module;
                if (!isModule(name)) {
                    problems.add(where(doc, line) + "`-pl " + pl.group(1) + "` names " + name
                            + ", which is not a module of the root pom.xml " + modules + ".");
                }
            }
        }
        Matcher jar = JAVA_JAR.matcher(text);
        while (jar.find()) {
            String problem = checkJar(jar.group(1));
            if (problem != null) {
                problems.add(where(doc, line) + problem);
            }
        }
    }

    /** Null if {@code module + rest} is a path of the repository (or of a module's build output). */
    private String checkPath(String module, String rest) {
        if (!Files.isDirectory(root.resolve(module))) {
            return "`" + module + rest + "`: there is no folder " + module + " in the repository.";
        }
        if (rest.startsWith("/target/") && rest.endsWith(".jar")) {
            return checkJar(module + rest);
        }
        if (rest.equals("/target") || rest.startsWith("/target/") || rest.equals("/data")
                || rest.startsWith("/data/")) {
            return null; // made by a build or a run, never checked in
        }
        if (!Files.exists(root.resolve(module + rest))) {
            return "`" + module + rest + "` does not exist: the file moved, was renamed or is gone.";
        }
        return null;
    }

    private String checkJar(String jar) {
        if (isPlaceholder(jar)) {
            return null;
        }
        Matcher m = Pattern.compile("^([^/]+)/target/([^/]+)\\.jar$").matcher(jar);
        if (!m.matches() || !m.group(1).equals(m.group(2))) {
            return "`java -jar " + jar + "`: a step's jar is <module>/target/<module>.jar.";
        }
        if (!isModule(m.group(1))) {
            return "`java -jar " + jar + "`: " + m.group(1) + " is not a module of the root pom.xml " + modules + ".";
        }
        return null;
    }

    private boolean isModule(String name) {
        return modules.contains(name) && Files.isRegularFile(root.resolve(name).resolve("pom.xml"));
    }

    private static String tokenAround(String text, int index) {
        int start = index;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        int end = index;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    /** {@code <module>}, {@code stepNN-...}, {@code *.jar}, {@code $DIR}: a pattern, not a path. */
    private static boolean isPlaceholder(String token) {
        return token.contains("<") || token.contains(">") || token.contains("...") || token.contains("*")
                || token.contains("{") || token.contains("$") || token.contains("NN");
    }

    private static String trimEnd(String path) {
        String p = path;
        while (p.endsWith(".") || p.endsWith(",")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    // ---------------------------------------------------------------- links

    /** Every relative link and image points at a file of the repository, and its #anchor at a heading. */
    List<String> links(Markdown doc) {
        List<String> problems = new ArrayList<>();
        for (Markdown.Link link : doc.links) {
            String target = link.target();
            if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                continue; // http:, https:, mailto:
            }
            int hash = target.indexOf('#');
            String path = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            Path file = path.isEmpty() ? doc.file : doc.file.getParent().resolve(path).normalize();
            if (!file.startsWith(root) || !Files.exists(file)) {
                problems.add(where(doc, link.line()) + "the link (" + target + ") points at "
                        + (file.startsWith(root) ? root.relativize(file) : file) + ", which does not exist.");
                continue;
            }
            if (anchor != null && !anchor.isEmpty() && file.toString().endsWith(".md")
                    && !Markdown.read(file).anchors.contains(anchor)) {
                problems.add(where(doc, link.line()) + "the link (" + target + ") names #" + anchor
                        + ", but " + root.relativize(file) + " has no heading with that anchor.");
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------- chapter links in the apps

    /** A chapter section named in code, such as the dance pages' {@code docs/06-oauth2-client.md#logout-revokes}. */
    private static final Pattern CHAPTER_IN_CODE = Pattern.compile("\\bdocs/([\\w.-]+\\.md)#([\\w-]+)");

    /**
     * Every chapter section that a step's main code or page names (the client
     * apps link each leg of their dance page to one) is a heading of that chapter.
     */
    List<String> chapterLinksInCode() {
        List<String> problems = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> root.relativize(p).toString().replace('\\', '/')
                    .matches("step\\d\\d-[^/]+/src/main/.+\\.(java|ftlh)")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path source : sources) {
            List<String> lines = readLines(source);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = CHAPTER_IN_CODE.matcher(lines.get(i));
                while (m.find()) {
                    Path chapter = root.resolve("docs").resolve(m.group(1));
                    String where = root.relativize(source).toString().replace('\\', '/') + ":" + (i + 1) + ": ";
                    if (!Files.isRegularFile(chapter)) {
                        problems.add(where + "names docs/" + m.group(1) + ", which does not exist.");
                    } else if (!Markdown.read(chapter).anchors.contains(m.group(2))) {
                        problems.add(where + "names docs/" + m.group(1) + "#" + m.group(2)
                                + ", but that chapter has no heading with that anchor.");
                    }
                }
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------- tables of contents

    /**
     * docs/README.md and the root README link every chapter; every image in
     * docs/images is shown by some chapter.
     */
    List<String> tablesOfContents() {
        List<String> problems = new ArrayList<>();
        Markdown toc = Markdown.read(root.resolve("docs/README.md"));
        Markdown readme = Markdown.read(root.resolve("README.md"));
        List<Markdown> docs = documents().stream().map(Markdown::read).toList();
        for (Markdown doc : docs) {
            String name = doc.file.getFileName().toString();
            if (name.equals("README.md")) {
                continue;
            }
            if (toc.links.stream().noneMatch(l -> stripAnchor(l.target()).equals(name))) {
                problems.add("docs/README.md: the table of contents does not link " + name + ": add it.");
            }
            if (readme.links.stream().noneMatch(l -> stripAnchor(l.target()).equals("docs/" + name))) {
                problems.add("README.md: the Tutorial section does not link docs/" + name + ": add it.");
            }
        }
        Path images = root.resolve("docs/images");
        if (Files.isDirectory(images)) {
            try (Stream<Path> files = Files.list(images)) {
                for (Path image : files.sorted().toList()) {
                    String name = "images/" + image.getFileName();
                    if (docs.stream().flatMap(d -> d.links.stream()).noneMatch(l -> l.target().equals(name))) {
                        problems.add("docs/" + name + ": no chapter shows this image: use it or delete it.");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return problems;
    }

    private static String stripAnchor(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }

    // ---------------------------------------------------------------- the first command first

    /** How far down a numbered chapter its first command must come. */
    static final int FIRST_COMMAND_LINES = 100;

    private static final Pattern NUMBERED_CHAPTER = Pattern.compile("^(\\d\\d)-.*\\.md$");

    /**
     * A numbered chapter (01-..., 02-...; not the primer, 00-, which runs
     * nothing) opens a {@code sh} block within its first
     * {@value #FIRST_COMMAND_LINES} lines: the reader runs the step and sees
     * the dance before the code that made it.
     */
    List<String> firstCommand(Markdown doc) {
        Matcher chapter = NUMBERED_CHAPTER.matcher(doc.file.getFileName().toString());
        if (!chapter.matches() || chapter.group(1).equals("00")) {
            return List.of();
        }
        Markdown.CodeBlock first = doc.blocks.stream().filter(b -> b.info().equals("sh")).findFirst().orElse(null);
        if (first != null && first.fenceLine() <= FIRST_COMMAND_LINES) {
            return List.of();
        }
        return List.of(where(doc, first == null ? 1 : first.fenceLine()) + (first == null
                ? "this chapter has no ```sh block"
                : "the first ```sh block opens at line " + first.fenceLine())
                + ": the first command to run must come within the first " + FIRST_COMMAND_LINES
                + " lines (run it, see the dance, then the code that made it). Move the code after it.");
    }

    static final int MAX_LINES = 500;

    private static final Pattern CONFLICT_MARKER = Pattern.compile("^(<<<<<<<|=======|>>>>>>>)( .*)?$");

    /**
     * A page of docs/ is read in a sitting: at most {@value #MAX_LINES} lines;
     * and it holds no line a merge left behind ({@code <<<<<<<}, {@code =======},
     * {@code >>>>>>>}), which Markdown would show as text.
     */
    List<String> lengthAndMergeMarkers(Markdown doc) {
        List<String> problems = new ArrayList<>();
        if (doc.lines.size() > MAX_LINES) {
            problems.add(where(doc, MAX_LINES + 1) + "the page has " + doc.lines.size() + " lines, more than "
                    + MAX_LINES + ": shorten it, or move a part to a page of its own");
        }
        for (int i = 0; i < doc.lines.size(); i++) {
            if (CONFLICT_MARKER.matcher(doc.lines.get(i)).matches()) {
                problems.add(where(doc, i + 1) + "a merge conflict's marker: keep one side and delete the markers");
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------- root README

    /**
     * The root README links docs/README.md, and its first two code blocks, in its
     * first {@value #TOP_LINES} lines, are the run command and {@code ./mvnw verify}.
     */
    List<String> rootReadme() {
        List<String> problems = new ArrayList<>();
        Markdown readme = Markdown.read(root.resolve("README.md"));
        if (readme.links.stream().noneMatch(l -> l.target().equals("docs/README.md"))) {
            problems.add("README.md: no link to docs/README.md, the tutorial's table of contents: add one.");
        }
        List<Markdown.CodeBlock> top = readme.blocks.stream().filter(b -> b.fenceLine() <= TOP_LINES).toList();
        if (top.size() < 2) {
            problems.add("README.md: the two commands (run the demo, ./mvnw verify) must be the first two code"
                    + " blocks, within the first " + TOP_LINES + " lines; found " + top.size() + " block(s) there.");
            return problems;
        }
        Markdown.CodeBlock run = top.get(0);
        Matcher command = run.lines().stream().map(String::strip).map(RUN_COMMAND::matcher)
                .filter(Matcher::matches).findFirst().orElse(null);
        if (command == null) {
            problems.add("README.md:" + run.fenceLine() + ": the first code block must be the run command,"
                    + " `./mvnw -q -pl <module> -am package -DskipTests && java -jar <module>/target/<module>.jar`.");
        } else {
            String module = command.group(1);
            if (!isModule(module)) {
                problems.add("README.md:" + run.fenceLine() + ": the run command builds " + module
                        + ", which is not a module of the root pom.xml.");
            } else if (!command.group(2).equals(module + "/target/" + module + ".jar")) {
                problems.add("README.md:" + run.fenceLine() + ": the run command builds " + module
                        + " but starts " + command.group(2) + ".");
            }
        }
        Markdown.CodeBlock verify = top.get(1);
        if (verify.lines().stream().map(String::strip).noneMatch("./mvnw verify"::equals)) {
            problems.add("README.md:" + verify.fenceLine() + ": the second code block must be `./mvnw verify`.");
        }
        return problems;
    }

    // ---------------------------------------------------------------- helpers

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripEnd(String line) {
        return line.stripTrailing();
    }
}
