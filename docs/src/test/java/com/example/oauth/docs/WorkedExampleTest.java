package com.example.oauth.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.example.oauth.common.oauth1.AuthorizationHeader;
import com.example.oauth.common.oauth1.Parameter;
import com.example.oauth.common.oauth1.SignatureBaseString;
import com.example.oauth.common.oauth1.SignatureMethods;

/**
 * The worked example of docs/oauth1-engine.md, recomputed with the engine of
 * common/: if the engine or the text changes, the numbers in the text must
 * follow. The shell helper docs/oauth1-sign.sh must agree with the engine too.
 */
class WorkedExampleTest {

    static final String CLIENT_KEY = "6kGzV1wYqPz0m3Rb9tXeLc2Hn8Ud4A";
    static final String CLIENT_SECRET = "Qm3rT7vXk2LpZ9sW4yNc8bHf1jDg6eRa5uKt0oVi";
    static final String TIMESTAMP = "1764100000";
    static final String NONCE = "3kX9pQ2mZ7";
    static final String URL = "http://127.0.0.1:5000/oauth/request_token";
    static final String CALLBACK = "http://localhost:8000/authorized";

    private final Path root = Repository.root();

    /** What step04's client app sends for a request token, in the order scribejava writes it. */
    static List<Parameter> parameters() {
        return List.of(
                new Parameter("oauth_callback", CALLBACK),
                new Parameter("oauth_timestamp", TIMESTAMP),
                new Parameter("oauth_nonce", NONCE),
                new Parameter("oauth_consumer_key", CLIENT_KEY),
                new Parameter("oauth_signature_method", "HMAC-SHA1"),
                new Parameter("oauth_version", "1.0"),
                new Parameter("scope", "profile"));
    }

    static String baseString() {
        return SignatureBaseString.of("POST", URI.create(URL), parameters());
    }

    static String signature() {
        return SignatureMethods.HMAC_SHA1.sign(baseString(), CLIENT_SECRET, "");
    }

    @Test
    void theChapterShowsWhatTheEngineComputes() throws IOException {
        String chapter = Files.readString(root.resolve("docs/oauth1-engine.md"), StandardCharsets.UTF_8);

        assertThat(chapter).as("docs/oauth1-engine.md: the inputs of the worked example")
                .contains(CLIENT_KEY, CLIENT_SECRET, TIMESTAMP, NONCE, URL, CALLBACK);
        assertThat(chapter).as("docs/oauth1-engine.md: the normalized parameters of the worked example, as"
                        + " SignatureBaseString.normalizedParameters computes them")
                .contains(SignatureBaseString.normalizedParameters(parameters()));
        assertThat(chapter).as("docs/oauth1-engine.md: the base string URI of the worked example")
                .contains(SignatureBaseString.baseStringUri(URI.create(URL)));
        assertThat(chapter).as("docs/oauth1-engine.md: the base string of the worked example, as"
                        + " SignatureBaseString.of computes it")
                .contains(baseString());
        assertThat(chapter).as("docs/oauth1-engine.md: the HMAC-SHA1 signature of the worked example")
                .contains(signature());
    }

    @Test
    void theShellHelperSignsAsTheEngineDoes() throws Exception {
        Assumptions.assumeTrue(onPath("bash") && onPath("openssl") && onPath("base64"),
                "docs/oauth1-sign.sh needs bash, openssl and base64");
        String script = "source docs/oauth1-sign.sh\n"
                + "KEY=" + CLIENT_KEY + " TS=" + TIMESTAMP + " NONCE=" + NONCE
                + " sign POST " + URL + " " + CLIENT_SECRET + " '' oauth_callback=" + CALLBACK + " scope=profile\n"
                + "printf '%s\\n%s\\n' \"$BASE\" \"$AUTH\"\n"
                + "printf 'oauth_problem=nonce_used&oauth_problem_advice=Make%%20a%%20new%%20one.' | fields\n"
                + "printf 'oauth_token=abc&oauth_token_secret=d%%2Be' | field oauth_token_secret\n";
        List<String> out = run(script);

        assertThat(out).as("output of docs/oauth1-sign.sh").hasSize(5);
        assertThat(out.get(0)).as("$BASE of docs/oauth1-sign.sh").isEqualTo(baseString());
        assertThat(AuthorizationHeader.parse(out.get(1)).parameters()).as("$AUTH of docs/oauth1-sign.sh").contains(
                new Parameter("oauth_signature", signature()), new Parameter("oauth_callback", CALLBACK),
                new Parameter("scope", "profile"));
        assertThat(out.subList(2, 4)).as("fields of docs/oauth1-sign.sh")
                .containsExactly("oauth_problem=nonce_used", "oauth_problem_advice=Make a new one.");
        assertThat(out.get(4)).as("field of docs/oauth1-sign.sh").isEqualTo("d+e");
    }

    private List<String> run(String script) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", script).directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as("exit status of bash").isZero();
        return out.lines().toList();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
