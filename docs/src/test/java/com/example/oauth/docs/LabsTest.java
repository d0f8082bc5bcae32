package com.example.oauth.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import com.example.oauth.common.oauth1.PercentEncoding;

/**
 * The workshop's coding labs (docs/labs/) cannot drift from the code: each lab's patch still
 * applies to common/, the patched code still compiles, and the lab's named tests fail on it,
 * while the same tests pass on the unpatched code compiled the same way (so a failure is the
 * lab's, not this harness's).
 *
 * <p>Each lab page names its patch and its tests on one line,
 * {@code <!-- lab: patch=01-percent-encoding.patch tests=PercentEncodingTest -->}. The patch is
 * applied with {@code git apply} to a copy of {@code common/src}. The JDK's compiler then
 * compiles, from that copy, the patched files, every main source that names a patched class, the
 * named tests, and whatever of common/src they need, against this module's test classpath
 * without common's own classes; the tests run in a class loader of their own, which never takes
 * a common class from elsewhere, through the JUnit Platform Launcher. No Spring context: a few
 * seconds for all labs.
 */
class LabsTest {

    /** {@code <!-- lab: patch=NN-name.patch tests=A,B -->} in a lab page. */
    private static final Pattern LAB_LINE = Pattern.compile(
            "^<!--\\s*lab:\\s*patch=(\\S+)\\s+tests=(\\S+)\\s*-->\\s*$");

    /** The TODO a patch leaves: the lab's number and the RFC section to read. */
    private static final Pattern TODO = Pattern.compile("^\\+\\s*// TODO \\(lab (\\d+)\\): .*RFC \\d+ §[\\d.]+.*$");

    /** How many labs the workshop plan promises (docs/workshop.md). */
    private static final int AT_LEAST = 3;

    private static final Path ROOT = Repository.root();
    private static final Path LABS = ROOT.resolve("docs/labs");

    record Lab(String page, int line, String patch, List<String> tests) {

        int number() {
            return Integer.parseInt(patch.substring(0, 2));
        }
    }

    @TempDir
    static Path work;

    private static List<Lab> labs;

    @BeforeAll
    static void readTheLabs() throws IOException {
        labs = readLabs();
    }

    @AfterAll
    static void closeTheCompiler() throws IOException {
        if (files != null) {
            files.close();
        }
    }

    @Test
    void everyLabHasAPageAPatchAndTests() throws IOException {
        assertThat(labs).as("labs declared in docs/labs/*.md by a <!-- lab: patch=... tests=... --> line")
                .hasSizeGreaterThanOrEqualTo(AT_LEAST);
        Set<String> patches;
        try (Stream<Path> files = Files.list(LABS)) {
            patches = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".patch"))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        }
        List<String> problems = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (Lab lab : labs) {
            String where = "docs/labs/" + lab.page() + ":" + lab.line() + ": ";
            if (!lab.patch().matches("\\d\\d-[a-z0-9-]+\\.patch")) {
                problems.add(where + "a lab's patch is named NN-name.patch, not " + lab.patch());
                continue;
            }
            if (!lab.page().equals(lab.patch().replace(".patch", ".md"))) {
                problems.add(where + "the page of " + lab.patch() + " is " + lab.patch().replace(".patch", ".md"));
            }
            // The page's commands are the ones this test runs.
            String page = Files.readString(LABS.resolve(lab.page()), StandardCharsets.UTF_8);
            for (String command : List.of("git apply docs/labs/" + lab.patch(),
                    "-Dtest=" + String.join(",", lab.tests()))) {
                if (!page.contains(command)) {
                    problems.add(where + "the page never says `" + command + "`, the lab's own command");
                }
            }
            if (!named.add(lab.patch())) {
                problems.add(where + lab.patch() + " is named by two lab pages");
            }
            if (!Files.isRegularFile(LABS.resolve(lab.patch()))) {
                problems.add(where + "docs/labs/" + lab.patch() + " does not exist");
                continue;
            }
            for (String test : lab.tests()) {
                if (testSource(ROOT.resolve("common/src/test/java"), test) == null) {
                    problems.add(where + "no test class " + test + " in common/src/test/java");
                }
            }
            String todo = todoOf(LABS.resolve(lab.patch()));
            if (todo == null) {
                problems.add(where + lab.patch() + " adds no `// TODO (lab " + lab.number()
                        + "): ... RFC nnnn §x.y ...` line: say what to write and where the RFC says it");
            } else if (!todo.equals(String.valueOf(lab.number()))) {
                problems.add(where + lab.patch() + " leaves a TODO for lab " + todo + ", not lab " + lab.number());
            }
        }
        for (String patch : patches) {
            if (!named.contains(patch)) {
                problems.add("docs/labs/" + patch + ": no lab page names it (<!-- lab: patch=" + patch
                        + " tests=... -->)");
            }
        }
        if (!problems.isEmpty()) {
            fail("The labs of docs/labs/:\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void theUnpatchedCodePassesEveryLabsTests() throws IOException {
        List<String> tests = labs.stream().flatMap(l -> l.tests().stream()).distinct().toList();
        assertThat(tests).isNotEmpty();
        // Compiled the way the labs are, from the sources the patches touch and the tests need.
        Path pristine = copyCommonSources("pristine");
        Set<String> touched = new LinkedHashSet<>();
        for (Lab lab : labs) {
            touched.addAll(patchedFiles(LABS.resolve(lab.patch())));
        }
        TestExecutionSummary summary = run(tests, compile(pristine, tests, touched));
        assertThat(summary.getTestsSucceededCount()).as("tests run").isPositive();
        if (summary.getTotalFailureCount() > 0) {
            fail("On the unpatched code, the labs' tests " + tests + " fail, so the harness or the code is"
                    + " broken, not a lab:\n" + failures(summary));
        }
    }

    @TestFactory
    Stream<DynamicTest> eachPatchAppliesCompilesAndMakesItsTestsFail() {
        assertThat(labs).hasSizeGreaterThanOrEqualTo(AT_LEAST);
        return labs.stream().map(lab -> DynamicTest.dynamicTest(lab.patch(), () -> {
            Path copy = copyCommonSources("lab-" + lab.number());
            gitApply(copy, LABS.resolve(lab.patch()));
            TestExecutionSummary summary = run(lab.tests(),
                    compile(copy, lab.tests(), patchedFiles(LABS.resolve(lab.patch()))));
            assertThat(summary.getTestsFoundCount()).as("tests found in " + lab.tests()).isPositive();
            if (summary.getTestsFailedCount() == 0) {
                fail("docs/labs/" + lab.patch() + " applies, but " + lab.tests() + " still pass on the patched"
                        + " code (" + summary.getTestsSucceededCount() + " tests): the patch no longer removes"
                        + " what they test. Regenerate it (docs/labs/README.md) or name other tests in "
                        + "docs/labs/" + lab.page() + ".");
            }
            checkQuotedOutput(lab, summary);
        }));
    }

    /**
     * The page quotes what a participant sees after applying the patch: Surefire's count line
     * ({@code Tests run: 35, Failures: 0, Errors: 19, Skipped: 0}: an AssertionError is a failure,
     * any other exception an error) and the message of each UnsupportedOperationException thrown.
     */
    private static void checkQuotedOutput(Lab lab, TestExecutionSummary summary) throws IOException {
        long failures = summary.getFailures().stream().filter(f -> f.getException() instanceof AssertionError).count();
        long errors = summary.getFailures().size() - failures;
        String counts = "Tests run: " + summary.getTestsFoundCount() + ", Failures: " + failures + ", Errors: " + errors
                + ", Skipped: " + (summary.getTestsSkippedCount() + summary.getTestsAbortedCount());
        List<String> page = Files.readAllLines(LABS.resolve(lab.page()), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        String green = "Tests run: " + summary.getTestsFoundCount() + ", Failures: 0, Errors: 0, Skipped: "
                + (summary.getTestsSkippedCount() + summary.getTestsAbortedCount());
        List<String> quoted = page.stream().filter(l -> l.contains("Tests run: ")).toList();
        if (quoted.stream().noneMatch(l -> l.contains(counts))) {
            problems.add("it quotes no red count line; the run gives `" + counts + "`");
        }
        for (String line : quoted) {
            if (!line.contains(counts) && !line.contains(green)) {
                problems.add("it quotes `" + line.strip() + "`, but the run gives `" + counts + "` (red), `"
                        + green + "` (green)");
            }
        }
        String text = String.join("\n", page);
        summary.getFailures().stream().map(TestExecutionSummary.Failure::getException)
                .filter(e -> e instanceof UnsupportedOperationException).map(Throwable::getMessage).distinct()
                .filter(message -> !text.contains(message))
                .forEach(message -> problems.add("it does not quote the message the tests meet, `" + message + "`"));
        if (!problems.isEmpty()) {
            fail("docs/labs/" + lab.page() + ", what a participant sees after git apply:\n  "
                    + String.join("\n  ", problems));
        }
    }

    @Test
    void theWorkshopPagesAreCheckedAsTheChaptersAre() throws IOException {
        // docs/*.md are checked by DocsAreCurrentTest; the pages below docs/ are checked here.
        DocChecks checks = new DocChecks(ROOT);
        List<Path> pages = new ArrayList<>();
        for (String folder : List.of("docs/labs", "docs/workshop")) {
            try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
                files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            }
        }
        assertThat(pages).extracting(p -> ROOT.relativize(p).toString().replace(File.separatorChar, '/'))
                .contains("docs/labs/README.md", "docs/workshop/instructor.md", "docs/workshop/cheat-sheet.md");
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            Markdown doc = checks.markdown(page);
            problems.addAll(checks.excerpts(doc));
            problems.addAll(checks.pathsAndCommands(doc));
            problems.addAll(checks.links(doc));
        }
        Markdown plan = checks.markdown(ROOT.resolve("docs/workshop.md"));
        for (Path page : pages) {
            String relative = ROOT.relativize(page).toString().replace(File.separatorChar, '/').substring("docs/".length());
            if (!relative.startsWith("labs/0") && plan.links.stream().noneMatch(l -> l.target().startsWith(relative))) {
                problems.add("docs/workshop.md: no link to " + relative + ": the plan is where the workshop's pages are found");
            }
        }
        if (!problems.isEmpty()) {
            fail("The workshop's pages: " + problems.size() + " stale:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * The timing tables of docs/workshop.md ({@code | start | min | block | running |}) add up:
     * each block starts when the one before ends, the last row is the end, and the heading above
     * says that total ("2 h 15 min"). The afternoon is one of them; each of its blocks has a
     * checkpoint ("You should now ...") and a catch-up.
     */
    @Test
    void theWorkshopPlansAddUp() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("docs/workshop.md"), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();
        String heading = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                heading = line;
            }
            if (!line.replace(" ", "").equals("|start|min|block|running|")) {
                continue;
            }
            Integer expected = null;
            Integer previousMinutes = null;
            int end = -1;
            for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("|"); j++) {
                String[] cells = lines.get(j).split("\\|", -1);
                String where = "docs/workshop.md:" + (j + 1) + ": ";
                Matcher start = Pattern.compile("(\\d+):(\\d\\d)").matcher(cells[1].strip());
                if (!start.matches()) {
                    problems.add(where + "the start `" + cells[1].strip() + "` is not H:MM");
                    break;
                }
                int at = Integer.parseInt(start.group(1)) * 60 + Integer.parseInt(start.group(2));
                if (expected != null && at != expected) {
                    problems.add(where + "starts at " + cells[1].strip() + ", but the block before ends at "
                            + clock(expected) + " (it started at " + clock(expected - previousMinutes) + ", "
                            + previousMinutes + " min)");
                }
                String minutes = cells[2].strip();
                if (minutes.isEmpty()) {
                    if (!cells[3].strip().equals("end")) {
                        problems.add(where + "a row without minutes must be the last, `end`");
                    }
                    end = at;
                    break;
                }
                previousMinutes = Integer.parseInt(minutes);
                expected = at + previousMinutes;
            }
            if (end < 0) {
                problems.add("docs/workshop.md:" + (i + 1) + ": the table has no last row `| H:MM | | end |`");
                continue;
            }
            totals.add(end);
            String total = (end / 60) + " h " + String.format("%02d", end % 60) + " min";
            if (!heading.contains(total)) {
                problems.add("docs/workshop.md:" + (i + 1) + ": the table adds up to " + total
                        + ", but its heading says `" + heading + "`");
            }
        }
        if (!totals.contains(135)) {
            problems.add("docs/workshop.md: no plan adds up to 2 h 15 min, the afternoon the workshop promises");
        }
        String text = String.join("\n", lines);
        int afternoon = text.indexOf("## The afternoon");
        if (afternoon >= 0) {
            int next = text.indexOf("\n## ", afternoon + 1);
            String section = text.substring(afternoon, next < 0 ? text.length() : next);
            for (String block : section.split("\n### ")) {
                String title = block.lines().findFirst().orElse("");
                if (block.startsWith("## ") || title.strip().equalsIgnoreCase("break")) {
                    continue;
                }
                if (!block.contains("should now")) {
                    problems.add("docs/workshop.md: the block `" + title + "` has no checkpoint (\"You should now see ...\")");
                }
                if (!block.contains("**Catch-up**")) {
                    problems.add("docs/workshop.md: the block `" + title + "` has no **Catch-up**");
                }
            }
        }
        if (!problems.isEmpty()) {
            fail("The workshop plan:\n  " + String.join("\n  ", problems));
        }
    }

    private static String clock(int minutes) {
        return minutes / 60 + ":" + String.format("%02d", minutes % 60);
    }

    // ---------------------------------------------------------------- the lab pages

    private static List<Lab> readLabs() throws IOException {
        if (!Files.isDirectory(LABS)) {
            fail("docs/labs/ is missing: the workshop's labs live there");
        }
        List<Lab> found = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> files = Files.list(LABS)) {
            pages = files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LAB_LINE.matcher(lines.get(i).strip());
                if (m.matches()) {
                    found.add(new Lab(page.getFileName().toString(), i + 1, m.group(1),
                            List.of(m.group(2).split(","))));
                }
            }
        }
        return found;
    }

    /** The lab number of the first TODO the patch adds, or null if it adds none. */
    private static String todoOf(Path patch) throws IOException {
        for (String line : Files.readAllLines(patch, StandardCharsets.UTF_8)) {
            Matcher m = TODO.matcher(line);
            if (m.matches()) {
                return String.valueOf(Integer.parseInt(m.group(1)));
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- copy, patch, compile

    /** A copy of common/src at {@code work/name/common/src}; returns {@code work/name}. */
    private static Path copyCommonSources(String name) throws IOException {
        Path from = ROOT.resolve("common/src");
        Path to = work.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve("common/src").resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    /** {@code git apply}, as a participant runs it at the root of the repository. */
    private static void gitApply(Path dir, Path patch) throws IOException, InterruptedException {
        Process git;
        try {
            ProcessBuilder apply = new ProcessBuilder("git", "apply", "-v", patch.toString())
                    .directory(dir.toFile()).redirectErrorStream(true);
            // The copy is no repository; should a temporary folder lie inside one, git must not use it.
            apply.environment().put("GIT_CEILING_DIRECTORIES", dir.getParent().toString());
            git = apply.start();
        } catch (IOException e) {
            throw new IllegalStateException("The labs are applied with git apply: git must be on the PATH", e);
        }
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!git.waitFor(60, TimeUnit.SECONDS)) {
            git.destroyForcibly();
            fail("git apply " + patch.getFileName() + " did not finish");
        }
        if (git.exitValue() != 0) {
            fail("docs/labs/" + patch.getFileName() + " no longer applies to common/ (the code moved on):"
                    + " regenerate it as docs/labs/README.md says.\n" + output);
        }
    }

    /** The files a patch changes, as {@code common/src/...} paths. */
    private static List<String> patchedFiles(Path patch) throws IOException {
        List<String> paths = Files.readAllLines(patch, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("+++ b/")).map(l -> l.substring("+++ b/".length()).strip()).toList();
        for (String path : paths) {
            if (!path.startsWith("common/src/main/java/") || !path.endsWith(".java")) {
                fail("docs/labs/" + patch.getFileName() + " changes " + path + ": a lab changes main sources of common/");
            }
        }
        if (paths.isEmpty()) {
            fail("docs/labs/" + patch.getFileName() + " changes no file");
        }
        return paths;
    }

    /**
     * Compiles, in the copy, the named tests, the patched files and every main source that names
     * a patched class (so a patch that breaks a caller fails here), with whatever else of
     * common/src they need taken from the copy's sources, never from common's own classes.
     * Returns the classes folder.
     */
    private static Path compile(Path copy, List<String> tests, Collection<String> patched) throws IOException {
        Path main = copy.resolve("common/src/main/java");
        Path test = copy.resolve("common/src/test/java");
        Set<String> roots = new LinkedHashSet<>();
        for (String name : tests) {
            Path source = testSource(test, name);
            if (source == null) {
                fail("No test class " + name + " in common/src/test/java (named by a page in docs/labs/)");
            }
            roots.add(source.toString());
        }
        List<Pattern> names = new ArrayList<>();
        for (String path : patched) {
            Path file = copy.resolve(path);
            roots.add(file.toString());
            String simpleName = file.getFileName().toString().replaceAll("\\.java$", "");
            names.add(Pattern.compile("\\b" + simpleName + "\\b"));
        }
        try (Stream<Path> walk = Files.walk(main)) {
            for (Path source : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(source, StandardCharsets.UTF_8);
                if (names.stream().anyMatch(n -> n.matcher(text).find())) {
                    roots.add(source.toString());
                }
            }
        }
        Path out = copy.resolve("classes");
        compile(classpath(), out, List.of(main, test), List.copyOf(roots), copy.getFileName() + ": " + roots.size()
                + " sources");
        return out;
    }

    /** One compiler and one file manager for all compilations: the jars are opened once. */
    private static JavaCompiler javac;
    private static StandardJavaFileManager files;

    private static void compile(List<String> classpath, Path out, List<Path> sourcepath, List<String> sources,
            String what) throws IOException {
        if (javac == null) {
            javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                fail("No Java compiler in this JVM (" + System.getProperty("java.home") + "): run the build on a JDK");
            }
            files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        }
        Files.createDirectories(out);
        files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
        files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath.stream().map(Path::of).toList());
        // What the roots need (test helpers such as WikiVectors, main classes) is compiled from these.
        files.setLocationFromPaths(StandardLocation.SOURCE_PATH, sourcepath);
        List<String> options = List.of("--release", "17", "-parameters", "-proc:none", "-nowarn", "-implicit:class");
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, files, null, options, null,
                files.getJavaFileObjectsFromStrings(sources)).call();
        if (!ok) {
            fail("Compiling " + what + " failed:\n" + errors);
        }
    }

    /** Where the test class of that simple name is, or null. */
    private static Path testSource(Path testSources, String simpleName) {
        try (Stream<Path> walk = Files.walk(testSources)) {
            List<Path> found = walk.filter(p -> p.getFileName().toString().equals(simpleName + ".java")).toList();
            if (found.size() > 1) {
                fail("Two test classes named " + simpleName + ": " + found);
            }
            return found.isEmpty() ? null : found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This module's test classpath without common's own classes, which the copy replaces. */
    private static List<String> classpath() {
        String common = locationOf(PercentEncoding.class);
        String property = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String entry : property.split(Pattern.quote(File.pathSeparator))) {
            if (!entry.isBlank() && !normalize(entry).equals(common)) {
                entries.add(entry);
            }
        }
        if (entries.size() == property.split(Pattern.quote(File.pathSeparator)).length) {
            fail("common's classes (" + common + ") are not on the test classpath as a separate entry,"
                    + " so the patched copy could not replace them: " + property);
        }
        return entries;
    }

    private static String locationOf(Class<?> type) {
        try {
            return normalize(Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (Exception e) {
            throw new IllegalStateException("Where is " + type + " loaded from?", e);
        }
    }

    private static String normalize(String path) {
        return Path.of(path).toAbsolutePath().normalize().toString();
    }

    // ---------------------------------------------------------------- run

    /**
     * Runs the named test classes from the compiled folders, in a class loader that looks there
     * first: the copy's classes replace common's, while JUnit and AssertJ come from this module.
     */
    private static TestExecutionSummary run(List<String> tests, Path classes) throws IOException {
        Path testSources = ROOT.resolve("common/src/test/java");
        ClassLoader parent = LabsTest.class.getClassLoader();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new ChildFirst(new URL[] {url(classes)}, parent)) {
            Thread.currentThread().setContextClassLoader(loader);
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
            for (String test : tests) {
                Path source = testSource(testSources, test);
                String className = testSources.relativize(source).toString()
                        .replace(File.separatorChar, '.').replaceAll("\\.java$", "");
                Class<?> type;
                try {
                    type = loader.loadClass(className);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(className + " was compiled but cannot be loaded", e);
                }
                if (type.getClassLoader() != loader) {
                    fail(className + " was loaded from " + type.getClassLoader() + ", not from the compiled copy");
                }
                request.selectors(selectClass(type));
            }
            LauncherDiscoveryRequest discovery = request.build();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(discovery, listener);
            return listener.getSummary();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static String failures(TestExecutionSummary summary) {
        return summary.getFailures().stream()
                .map(f -> "  " + f.getTestIdentifier().getDisplayName() + ": " + f.getException())
                .collect(Collectors.joining("\n"));
    }

    private static URL url(Path folder) {
        try {
            return folder.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads a class from its own folders first, and from the parent only what they lack. */
    private static final class ChildFirst extends URLClassLoader {

        private static final String COMMON = "com.example.oauth.common.";

        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null && !name.startsWith("java.")) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notHere) {
                        // not in the copy: the parent has it (JUnit, AssertJ, Spring, the JDK)
                    }
                }
                if (loaded == null && name.startsWith(COMMON)) {
                    // Never common's own classes: every one the tests reach must come from the copy.
                    throw new ClassNotFoundException(name + " was not compiled from the copy of common/src");
                }
                if (loaded == null) {
                    loaded = getParent().loadClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
