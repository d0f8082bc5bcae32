package com.example.oauth.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The class names of docs/07-to-production.md stay true while the code moves:
 * the left column of its map names this repository's classes, which are
 * renamed and split as the tutorial grows; the right column and the prose
 * name Spring's (Security, Boot), which must exist in the versions this
 * repository's Spring Boot brings. A failure names the line and the class.
 */
class ProductionChapterTest {

    private static final Path ROOT = Repository.root();
    private static final Path CHAPTER = ROOT.resolve("docs/07-to-production.md");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    /**
     * A Java type, perhaps with a member after it ({@code TokenSettings.reuseRefreshTokens(false)},
     * {@code @CsrfExempt}): an upper-case letter, at least six characters, upper and lower case
     * mixed. Words such as {@code DPoP} or {@code Secure} are not taken for classes.
     */
    private static final Pattern TYPE = Pattern.compile("^@?([A-Z][A-Za-z0-9]{5,})(?:\\..*)?$");

    @Test
    void everyClassOfThisRepositoryThatTheMapNamesExists() throws IOException {
        Set<String> repository = repositoryFiles();
        List<String> missing = new ArrayList<>();
        for (Row row : rows()) {
            for (String name : names(row.left(), true)) {
                // "client/Client" names a file by its folder too; "templates/authorize.ftlh" is a file.
                String file = name.contains("/") ? (name.contains(".") ? name : name + ".java")
                        : name.replace("@", "") + ".java";
                if (repository.stream().noneMatch(path -> path.endsWith("/" + file))) {
                    missing.add("docs/07-to-production.md:" + row.line() + ": `" + name + "` is no file of common/,"
                            + " step05-oauth2-provider/ or step06-oauth2-client/ any more: name its new class.");
                }
            }
        }
        assertThat(missing).as("stale names in the left column of the map").isEmpty();
    }

    @Test
    void everySpringClassTheChapterNamesExists() throws IOException {
        Set<String> spring = springTypes();
        Set<String> repository = new HashSet<>();
        for (String path : repositoryFiles()) {
            repository.add(path.substring(path.lastIndexOf('/') + 1).replace(".java", ""));
        }
        List<String> missing = new ArrayList<>();
        List<String> lines = DocChecks.readLines(CHAPTER);
        for (Row row : rows()) {
            for (String name : names(row.right(), false)) {
                if (!spring.contains(typeOf(name))) {
                    missing.add(line(row.line(), name));
                }
            }
        }
        // The prose: a type named outside the map is Spring's or this repository's.
        for (Markdown.Span span : Markdown.read(CHAPTER).spans) {
            if (lines.get(span.line() - 1).startsWith("|")) {
                continue;
            }
            for (String name : names("`" + span.text() + "`", false)) {
                if (!spring.contains(typeOf(name)) && !repository.contains(typeOf(name))) {
                    missing.add(line(span.line(), name));
                }
            }
        }
        assertThat(missing).as("class names that neither Spring Security nor this repository has").isEmpty();
    }

    private static String line(int line, String name) {
        return "docs/07-to-production.md:" + line + ": `" + name + "`: no class " + typeOf(name)
                + " in Spring Security or this repository.";
    }

    /** A row of the map, without its header and rule: the line, and the text of its two cells. */
    private record Row(int line, String left, String right) {
    }

    private static List<Row> rows() {
        List<String> lines = DocChecks.readLines(CHAPTER);
        List<Row> rows = new ArrayList<>();
        boolean inMap = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("| Role in this tutorial |")) {
                inMap = true;
            } else if (inMap && line.startsWith("|---")) {
                continue;
            } else if (inMap && line.startsWith("|")) {
                String[] cells = line.split("\\|");
                rows.add(new Row(i + 1, cells[1], cells[2]));
            } else if (inMap) {
                break;
            }
        }
        assertThat(rows).as("the map of docs/07-to-production.md (a table headed \"| Role in this tutorial |\")")
                .hasSizeGreaterThan(10);
        return rows;
    }

    /**
     * The code spans of a text that name a type, or (in the map's left column) a
     * file such as {@code client/Client}. In the left column any capitalised
     * name is one of this repository's types ({@code Grant}, {@code Token}).
     */
    private static List<String> names(String text, boolean leftColumn) {
        List<String> names = new ArrayList<>();
        Matcher m = CODE_SPAN.matcher(text);
        while (m.find()) {
            String span = m.group(1);
            if (isType(span) || leftColumn && (span.matches("@?[A-Z][A-Za-z0-9]*")
                    || span.matches("[a-z]+/[A-Za-z0-9.]+"))) {
                names.add(span);
            }
        }
        return names;
    }

    private static boolean isType(String name) {
        Matcher m = TYPE.matcher(name);
        return m.matches() && !m.group(1).equals(m.group(1).toUpperCase()) && m.group(1).chars().skip(1)
                .anyMatch(Character::isUpperCase);
    }

    /** {@code TokenSettings} of {@code TokenSettings.reuseRefreshTokens(false)}; a path stays a path. */
    private static String typeOf(String name) {
        Matcher m = TYPE.matcher(name);
        return m.matches() ? m.group(1) : name;
    }

    /** Every main source and template of the modules the map names, as paths from the root. */
    private static Set<String> repositoryFiles() throws IOException {
        Set<String> files = new HashSet<>();
        for (String module : List.of("common", "step05-oauth2-provider", "step06-oauth2-client", "docs")) {
            Path src = ROOT.resolve(module).resolve("src");
            try (Stream<Path> walk = Files.walk(src)) {
                walk.filter(Files::isRegularFile)
                        .forEach(p -> files.add(ROOT.relativize(p).toString().replace('\\', '/')));
            }
        }
        return files;
    }

    /** The simple names of Spring's classes (Framework, Boot, Security) and of the Nimbus JOSE types Spring uses. */
    private static Set<String> springTypes() throws IOException {
        Set<String> names = new HashSet<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : List.of("classpath*:org/springframework/**/*.class",
                "classpath*:com/nimbusds/jose/**/*.class")) {
            for (Resource resource : resolver.getResources(pattern)) {
                String file = resource.getFilename();
                if (file != null) {
                    String name = file.substring(0, file.length() - ".class".length());
                    names.add(name.contains("$") ? name.substring(0, name.indexOf('$')) : name);
                }
            }
        }
        assertThat(names).as("Spring on the test classpath").contains("RegisteredClientRepository",
                "BearerTokenAuthenticationFilter", "ClientRegistrations");
        return names;
    }
}
