package com.example.oauth.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages the text quotes from the providers (error_description,
 * oauth_problem_advice) are ones the code still writes, word for word.
 */
class QuotedMessagesTest {

    private final Path root = Repository.root();

    @Test
    void everyQuotedMessageIsOneTheCodeWrites() throws IOException {
        QuotedMessages code = new QuotedMessages(root);
        List<QuotedMessages.Quote> quotes = new ArrayList<>();
        for (Path markdown : markdownFiles()) {
            quotes.addAll(QuotedMessages.quotes(root, markdown));
        }
        assertThat(quotes).as("the docs quote the providers' messages").hasSizeGreaterThan(10);
        List<String> stale = quotes.stream()
                .filter(q -> !code.canProduce(q))
                .map(q -> q.where() + ": no code writes \"" + q.message() + "\"")
                .toList();
        if (!stale.isEmpty()) {
            fail(stale.size() + " quoted messages are not what the code writes (copy the message from a real answer):\n  "
                    + String.join("\n  ", stale));
        }
    }

    @Test
    void aMessageMatchesTheChainOfLiteralsThatBuildsIt(@TempDir Path repo) throws IOException {
        Path java = repo.resolve("common/src/main/java/A.java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, """
                class A {
                    Object a(String uri) {
                        return error("invalid_grant", "send exactly " + uri
                                + " (RFC 6749 Section 4.1.3).");
                    }
                }
                """);
        QuotedMessages code = new QuotedMessages(repo);
        assertThat(code.canProduce("send exactly http://x/cb (RFC 6749 Section 4.1.3).")).isTrue();
        assertThat(code.canProduce("send exactly ...")).isTrue();
        assertThat(code.canProduce("send it exactly http://x/cb (RFC 6749 Section 4.1.3).")).isFalse();
        assertThat(code.canProduce("invalid_grantsend exactly x (RFC 6749 Section 4.1.3).")).isFalse();
        assertThat(code.canProduce(new QuotedMessages.Quote("a", "invalid_grant", true))).isTrue();
        assertThat(code.canProduce(new QuotedMessages.Quote("a", "invalid_token", true))).isFalse();
    }

    /** The docs, the step READMEs and the root README. */
    private List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !root.relativize(p).toString().startsWith("bench"))
                    .sorted()
                    .toList();
        }
    }
}
