package com.example.oauth.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code ./mvnw -pl <step> -am spring-boot:run} starts that step, as the
 * README says. Maven runs the goal in every module that {@code -am} brings
 * (the root pom, common), so those must skip it, the steps must not, and each
 * step must have one main class to start. Running Maven here would take
 * minutes; the poms and sources say the same in milliseconds.
 */
class DocsRunCommandTest {

    private static final String SKIP = "spring-boot.run.skip";
    private static final Pattern MAIN = Pattern.compile("public static void main\\(String\\[\\] \\w+\\)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    private static final Pattern RUN = Pattern.compile("\\./mvnw (.*?)spring-boot:run");
    private static final Pattern PL_AM = Pattern.compile("-pl (\\S+) -am\\b");

    private final Path root = Repository.root();

    @Test
    void theRootPomSkipsRunAndSoDoTheModulesThatAreNoApp() {
        assertThat(property(root.resolve("pom.xml"), SKIP)).as("the root pom.xml's <%s>", SKIP).contains("true");
        for (String module : modules()) {
            Optional<String> skip = property(root.resolve(module).resolve("pom.xml"), SKIP);
            if (isStep(module)) {
                assertThat(skip).as("%s/pom.xml must set <%s>false: it is an app", module, SKIP).contains("false");
            } else {
                assertThat(skip).as("%s/pom.xml has no main class: it must inherit <%s>true", module, SKIP)
                        .isNotEqualTo(Optional.of("false"));
            }
        }
    }

    @Test
    void everyStepHasOneMainClassToStart() {
        List<String> steps = modules().stream().filter(DocsRunCommandTest::isStep).toList();
        assertThat(steps).hasSizeGreaterThanOrEqualTo(6);
        for (String step : steps) {
            Path pom = root.resolve(step).resolve("pom.xml");
            // A <mainClass> in a pom would win over -Dspring-boot.run.main-class: start-class says it instead.
            assertThat(read(pom)).as("%s/pom.xml: set <start-class>, not <mainClass>", step)
                    .doesNotContain("<mainClass>");
            List<String> mains = mainClasses(root.resolve(step).resolve("src/main/java"));
            Optional<String> startClass = property(pom, "start-class");
            if (mains.size() == 1) {
                assertThat(startClass).as("%s/pom.xml's <start-class>", step).isEmpty();
            } else {
                assertThat(startClass).as("%s has the main classes %s: its pom must name one in <start-class>",
                        step, mains).isPresent();
                assertThat(mains).as("%s/pom.xml's <start-class>", step).contains(startClass.get());
            }
        }
    }

    @Test
    void everySpringBootRunCommandBuildsWhatTheStepNeeds() {
        List<String> problems = new ArrayList<>();
        for (Path doc : documents()) {
            List<String> lines = DocChecks.readLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                Matcher run = RUN.matcher(lines.get(i));
                // "./mvnw ... spring-boot:run" names the command, not a way to type it.
                if (!run.find() || run.group(1).strip().equals("...")) {
                    continue;
                }
                Matcher step = PL_AM.matcher(run.group(1));
                String module = step.find() ? step.group(1) : "";
                // A step of the root pom, or a placeholder such as <step>.
                if (!module.matches("<[a-z]+>") && !(isStep(module) && modules().contains(module))) {
                    problems.add(root.relativize(doc) + ":" + (i + 1) + ": `" + lines.get(i).strip()
                            + "`: spring-boot:run needs -pl <step> -am (without -am, common is not built)");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The fully qualified names of the classes with a main method. */
    private static List<String> mainClasses(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted()
                    .map(DocsRunCommandTest::read).filter(text -> MAIN.matcher(text).find())
                    .map(text -> {
                        Matcher pkg = PACKAGE.matcher(text);
                        Matcher type = Pattern.compile("(?m)^public (?:final )?class (\\w+)").matcher(text);
                        assertThat(pkg.find() && type.find()).isTrue();
                        return pkg.group(1) + "." + type.group(1);
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** README.md, CONTRIBUTING.md, docs/*.md and the steps' READMEs: wherever a reader finds a command. */
    private List<Path> documents() {
        List<Path> docs = new ArrayList<>(new DocChecks(root).documents());
        for (String name : List.of("README.md", "CONTRIBUTING.md")) {
            if (Files.isRegularFile(root.resolve(name))) {
                docs.add(root.resolve(name));
            }
        }
        modules().stream().map(m -> root.resolve(m).resolve("README.md")).filter(Files::isRegularFile)
                .forEach(docs::add);
        return docs;
    }

    private static boolean isStep(String module) {
        return module.matches("step\\d\\d-.+");
    }

    private List<String> modules() {
        Element project = parse(root.resolve("pom.xml"));
        List<String> modules = new ArrayList<>();
        for (Element list : children(project, "modules")) {
            for (Element module : children(list, "module")) {
                modules.add(module.getTextContent().strip());
            }
        }
        return modules;
    }

    /** A property the pom itself sets in its top-level properties (not in a profile). */
    private static Optional<String> property(Path pom, String name) {
        return children(parse(pom), "properties").stream().flatMap(p -> children(p, name).stream())
                .map(e -> e.getTextContent().strip()).findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    private static Element parse(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + pom, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
