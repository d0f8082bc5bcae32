package com.example.oauth.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks themselves, on a small made-up repository: each stale thing is caught and named. */
class DocChecksTest {

    @TempDir
    Path root;

    private DocChecks checks;

    @BeforeEach
    void aSmallRepository() throws IOException {
        write("pom.xml", """
                <project><modules>
                    <module>common</module>
                    <module>step01-demo</module>
                    <!-- <module>step09-gone</module> -->
                    <module>docs</module>
                </modules></project>
                """);
        write("common/pom.xml", "<project/>");
        write("docs/pom.xml", "<project/>");
        write("step01-demo/pom.xml", "<project/>");
        write("step01-demo/src/Hello.java", """
                class Hello {
                    void a() {
                        one();
                        two();
                    }

                    void b() {
                        three();
                    }
                }
                """);
        write("README.md", """
                # Demo

                ```sh
                ./mvnw -q -pl step01-demo -am package -DskipTests && java -jar step01-demo/target/step01-demo.jar
                ```

                ```sh
                ./mvnw verify
                ```

                [Tutorial](docs/README.md), [chapter](docs/01.md)
                """);
        write("docs/README.md", "# Contents\n\n[One](01.md)\n");
        checks = new DocChecks(root);
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private List<String> excerpts(String markdown) throws IOException {
        write("docs/01.md", markdown);
        return checks.excerpts(checks.markdown(root.resolve("docs/01.md")));
    }

    private List<String> paths(String markdown) throws IOException {
        write("docs/01.md", markdown);
        return checks.pathsAndCommands(checks.markdown(root.resolve("docs/01.md")));
    }

    @Test
    void anExcerptFoundVerbatimPasses() throws IOException {
        assertThat(excerpts("""
                Text.

                <!-- from: step01-demo/src/Hello.java -->
                ```java
                    void a() {
                        one();
                ```
                """)).isEmpty();
    }

    @Test
    void omittedLinesMayBeMarkedAndThePiecesMustComeInOrder() throws IOException {
        assertThat(excerpts("""
                <!-- from: step01-demo/src/Hello.java -->
                ```java
                    void a() {
                        // ...
                    void b() {
                ```
                """)).isEmpty();

        assertThat(excerpts("""
                <!-- from: step01-demo/src/Hello.java -->
                ```java
                    void b() {
                    // ...
                    void a() {
                ```
                """)).singleElement().asString().contains("docs/01.md:2:", "`void a() {` is not in the file after line 7");
    }

    @Test
    void aChangedLineIsNamedWithBothVersions() throws IOException {
        assertThat(excerpts("""
                Intro

                <!-- from: step01-demo/src/Hello.java -->
                ```java
                    void a() {
                        one();
                        zwei();
                ```
                """)).singleElement().asString()
                .startsWith("docs/01.md:4: the excerpt no longer matches step01-demo/src/Hello.java")
                .contains("its lines 1-2 match the file's lines 2-3, but its line 3 `zwei();` is `two();`");
    }

    @Test
    void anExcerptOfAMissingFileIsNamed() throws IOException {
        assertThat(excerpts("""
                <!-- from: step01-demo/src/Gone.java -->
                ```java
                class Gone {}
                ```
                """)).singleElement().asString()
                .isEqualTo("docs/01.md:1: the excerpt quotes step01-demo/src/Gone.java, which does not exist (any more):"
                        + " fix the path or remove the excerpt.");
    }

    @Test
    void javaWithoutAMarkerIsRefusedButShellIsNot() throws IOException {
        assertThat(excerpts("""
                ```java
                class Made {}
                ```

                ```sh
                echo hi
                ```
                """)).singleElement().asString().startsWith("docs/01.md:1: this ```java block has no <!-- from: path -->");
    }

    @Test
    void yamlQuotesTheRepositoryToo() throws IOException {
        write("step01-demo/src/application.yml", """
                spring:
                  security:
                    oauth2:
                      client:
                        registration:
                          demo:
                            scope: profile
                server:
                  port: 8000
                """);
        assertThat(excerpts("""
                <!-- from: step01-demo/src/application.yml -->
                ```yaml
                spring:
                  security:
                # ...
                          demo:
                            scope: profile
                ```
                """)).isEmpty();

        assertThat(excerpts("""
                <!-- from: step01-demo/src/application.yml -->
                ```yaml
                server:
                  port: 9000
                ```
                """)).singleElement().asString().contains("`port: 9000` is `port: 8000` in the file");

        assertThat(excerpts("""
                ```yml
                server:
                  port: 8000
                ```
                """)).singleElement().asString().startsWith("docs/01.md:1: this ```yml block has no <!-- from: path -->");
    }

    @Test
    void pathsInBackticksAndCommandBlocksMustExist() throws IOException {
        assertThat(paths("""
                See `step01-demo/src/Hello.java`, `common/`, `step01-demo/data/`, `stepNN-.../target/<jar>`.
                But `step01-demo/src/Bye.java` and `step07-none/` are not there.

                ```sh
                ./mvnw -q -pl step01-demo -am package -DskipTests && java -jar step01-demo/target/step01-demo.jar
                ./mvnw -pl step09-gone verify
                java -jar step01-demo/target/demo.jar
                java -jar <module>/target/<module>.jar
                ```
                """)).containsExactly(
                "docs/01.md:2: `step01-demo/src/Bye.java` does not exist: the file moved, was renamed or is gone.",
                "docs/01.md:2: `step07-none/`: there is no folder step07-none in the repository.",
                "docs/01.md:6: `step09-gone`: there is no folder step09-gone in the repository.",
                "docs/01.md:6: `-pl step09-gone` names step09-gone, which is not a module of the root pom.xml"
                        + " [common, docs, step01-demo].",
                "docs/01.md:7: `java -jar step01-demo/target/demo.jar`: a step's jar is <module>/target/<module>.jar.");
    }

    @Test
    void linksAndAnchorsMustResolve() throws IOException {
        write("docs/01.md", """
                # One

                ## Run it

                [ok](#run-it), [README](README.md#contents), [code](../step01-demo/src/Hello.java)
                [bad anchor](#nothing), [gone](02.md), ![shot](images/none.png), [web](https://example.com/x)
                """);
        assertThat(checks.links(checks.markdown(root.resolve("docs/01.md")))).containsExactly(
                "docs/01.md:6: the link (#nothing) names #nothing, but docs/01.md has no heading with that anchor.",
                "docs/01.md:6: the link (02.md) points at docs/02.md, which does not exist.",
                "docs/01.md:6: the link (images/none.png) points at docs/images/none.png, which does not exist.");
    }

    @Test
    void chapterSectionsNamedInCodeMustResolve() throws IOException {
        write("docs/01.md", "# One\n\n## Run it\n");
        write("step01-demo/src/main/java/Legs.java", """
                class Legs {
                    String ok = "docs/01.md#run-it";
                    String bad = "docs/01.md#nothing", gone = "docs/02.md#run-it";
                }
                """);
        write("step01-demo/src/main/resources/templates/page.ftlh", "<a href=\"docs/01.md#one\">one</a>\n");

        assertThat(checks.chapterLinksInCode()).containsExactly(
                "step01-demo/src/main/java/Legs.java:3: names docs/01.md#nothing, but that chapter has no heading"
                        + " with that anchor.",
                "step01-demo/src/main/java/Legs.java:3: names docs/02.md, which does not exist.");
    }

    @Test
    void everyChapterIsInBothTablesOfContents() throws IOException {
        write("docs/01.md", "# One\n");
        write("docs/02.md", "# Two\n");
        write("docs/images/unused.png", "");

        assertThat(checks.tablesOfContents()).containsExactly(
                "docs/README.md: the table of contents does not link 02.md: add it.",
                "README.md: the Tutorial section does not link docs/02.md: add it.",
                "docs/images/unused.png: no chapter shows this image: use it or delete it.");
    }

    @Test
    void theRootReadmeKeepsItsCommandsAndItsLink() throws IOException {
        assertThat(checks.rootReadme()).isEmpty();

        write("README.md", """
                # Demo

                ```sh
                ./mvnw -q -pl step09-gone -am package -DskipTests && java -jar step09-gone/target/step09-gone.jar
                ```

                ```sh
                ./mvnw install
                ```
                """);
        assertThat(checks.rootReadme()).containsExactly(
                "README.md: no link to docs/README.md, the tutorial's table of contents: add one.",
                "README.md:3: the run command builds step09-gone, which is not a module of the root pom.xml.",
                "README.md:7: the second code block must be `./mvnw verify`.");
    }

    @Test
    void theFirstCommandComesWithinTheFirstHundredLines() throws IOException {
        String filler = "Some prose.\n".repeat(DocChecks.FIRST_COMMAND_LINES);
        write("docs/00-primer.md", "# Primer\n\nNo command here.\n");
        write("docs/01-early.md", "# One\n\n```sh\njava -version\n```\n" + filler);
        write("docs/02-late.md", "# Two\n\n" + filler + "```sh\njava -version\n```\n");
        write("docs/03-none.md", "# Three\n\n```text\nno command\n```\n");
        write("docs/oauth1-engine.md", "# Engine\n\n" + filler + "```sh\njava -version\n```\n");

        for (String ok : List.of("docs/00-primer.md", "docs/01-early.md", "docs/oauth1-engine.md")) {
            assertThat(checks.firstCommand(checks.markdown(root.resolve(ok)))).as(ok).isEmpty();
        }
        assertThat(checks.firstCommand(checks.markdown(root.resolve("docs/02-late.md")))).containsExactly(
                "docs/02-late.md:103: the first ```sh block opens at line 103: the first command to run must come"
                        + " within the first 100 lines (run it, see the dance, then the code that made it)."
                        + " Move the code after it.");
        assertThat(checks.firstCommand(checks.markdown(root.resolve("docs/03-none.md")))).containsExactly(
                "docs/03-none.md:1: this chapter has no ```sh block: the first command to run must come within the"
                        + " first 100 lines (run it, see the dance, then the code that made it). Move the code after it.");
    }

    @Test
    void aPageIsShortAndHoldsNoMergeMarker() throws IOException {
        write("docs/short.md", "# Short\n\n========\n" + "Prose.\n".repeat(DocChecks.MAX_LINES - 3));
        write("docs/long.md", "# Long\n" + "Prose.\n".repeat(DocChecks.MAX_LINES));
        write("docs/merged.md", "# Merged\n\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> branch\n");

        assertThat(checks.lengthAndMergeMarkers(checks.markdown(root.resolve("docs/short.md")))).isEmpty();
        assertThat(checks.lengthAndMergeMarkers(checks.markdown(root.resolve("docs/long.md")))).containsExactly(
                "docs/long.md:501: the page has 501 lines, more than 500: shorten it, or move a part to a page of"
                        + " its own");
        assertThat(checks.lengthAndMergeMarkers(checks.markdown(root.resolve("docs/merged.md")))).containsExactly(
                "docs/merged.md:3: a merge conflict's marker: keep one side and delete the markers",
                "docs/merged.md:5: a merge conflict's marker: keep one side and delete the markers",
                "docs/merged.md:7: a merge conflict's marker: keep one side and delete the markers");
    }

    @Test
    void githubAnchors() {
        assertThat(Markdown.slug("`timestamp_refused`: the clock is off")).isEqualTo("timestamp_refused-the-clock-is-off");
        assertThat(Markdown.slug("localhost vs 127.0.0.1, and cookies")).isEqualTo("localhost-vs-127001-and-cookies");
        assertThat(Markdown.slug("Step 3: the OAuth 1.0a provider")).isEqualTo("step-3-the-oauth-10a-provider");
    }
}
