package com.example.oauth.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * The build fails when the tutorial text no longer matches the repository.
 * Each failure names the document, the line, and what went stale.
 */
class DocsAreCurrentTest {

    private final Path root = Repository.root();
    private final DocChecks checks = new DocChecks(root);

    @Test
    void thereAreChaptersToCheck() {
        assertThat(checks.documents()).extracting(p -> p.getFileName().toString())
                .contains("README.md", "00-oauth-primer.md", "01-user-system.md", "oauth1-engine.md");
    }

    @Test
    void everyExcerptIsStillInItsFile() {
        assertNoProblems("Code excerpts in docs/", checks::excerpts);
    }

    @Test
    void everyPathModuleAndJarNamedExists() {
        assertNoProblems("Paths and commands in docs/", checks::pathsAndCommands);
    }

    @Test
    void everyLinkAndImageResolves() {
        assertNoProblems("Links in docs/", checks::links);
    }

    @Test
    void everyChapterRunsSomethingWithinItsFirstHundredLines() {
        assertNoProblems("The first command of each chapter", checks::firstCommand);
    }

    @Test
    void everyPageIsShortAndHoldsNoMergeMarker() {
        assertNoProblems("Length and merge markers", checks::lengthAndMergeMarkers);
    }

    @Test
    void everyChapterSectionTheAppsLinkExists() {
        report("Chapter sections named by the apps' code and pages", checks.chapterLinksInCode());
    }

    @Test
    void everyChapterIsListedAndEveryImageUsed() {
        report("The tables of contents", checks.tablesOfContents());
    }

    @Test
    void theRootReadmeLinksTheTutorialAndKeepsItsTwoCommandsOnTop() {
        List<String> problems = new ArrayList<>(checks.rootReadme());
        problems.addAll(checks.links(checks.markdown(root.resolve("README.md"))));
        report("The root README", problems);
    }

    @Test
    void theMaintainersPageIsCheckedLikeTheChapters() {
        Markdown contributing = checks.markdown(root.resolve("CONTRIBUTING.md"));
        List<String> problems = new ArrayList<>(checks.excerpts(contributing));
        problems.addAll(checks.pathsAndCommands(contributing));
        problems.addAll(checks.links(contributing));
        report("CONTRIBUTING.md", problems);
    }

    private void assertNoProblems(String what, Function<Markdown, List<String>> check) {
        List<String> problems = new ArrayList<>();
        for (Path doc : checks.documents()) {
            problems.addAll(check.apply(checks.markdown(doc)));
        }
        report(what, problems);
    }

    private static void report(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(what + ": " + problems.size() + " stale (fix the text, or the code if the text is right):\n  "
                    + String.join("\n  ", problems) + "\n");
        }
    }
}
