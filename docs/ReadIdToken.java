import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an id_token as a client does (docs/08-openid-connect.md, "Read your
 * own id_token"), with nothing but a JDK: decodes its header and claims,
 * fetches the provider's JWKS, picks the key its kid names, and checks the
 * RS256 signature. Run it without compiling it:
 *
 *   java docs/ReadIdToken.java ID_TOKEN [JWKS_URL]
 *
 * It checks the signature only; a client also checks iss, aud, exp and
 * nonce (OpenID Connect Core §3.1.3.7), which it prints for you to read.
 */
public class ReadIdToken {

    public static void main(String[] args) throws Exception {
        String jwksUrl = args.length > 1 ? args[1] : "http://127.0.0.1:5000/oauth/jwks";
        // RFC 7515 §7.1: BASE64URL(header) . BASE64URL(claims) . BASE64URL(signature)
        String[] parts = args[0].split("\\.");
        String header = text(parts[0]);
        System.out.println("header: " + header);
        System.out.println("claims: " + text(parts[1]));

        // RFC 8725 §3.1: the algorithm the client expects, never the one the token names.
        if (!"RS256".equals(field(header, "alg"))) {
            throw new IllegalStateException("not RS256: refuse it");
        }
        String kid = field(header, "kid");
        String jwks = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(jwksUrl)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        // The JWK with that kid: a flat JSON object in {"keys":[...]}.
        Matcher jwk = Pattern.compile("\\{[^{}]*\"kid\":\"" + Pattern.quote(kid) + "\"[^{}]*}").matcher(jwks);
        if (!jwk.find()) {
            throw new IllegalStateException("no key " + kid + " at " + jwksUrl);
        }
        // RFC 7518 §6.3.1: n and e, big-endian unsigned integers in base64url.
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                unsigned(field(jwk.group(), "n")), unsigned(field(jwk.group(), "e"))));

        // RS256 is RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3), over the first two parts as sent.
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        boolean good = rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
        System.out.println("signature: " + (good ? "good" : "BAD") + ", checked with key " + kid + " of " + jwksUrl);
    }

    private static String text(String base64url) {
        return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }

    /** A string member of a flat JSON object: enough for a JOSE header and a JWK. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
