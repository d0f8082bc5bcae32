package com.example.oauth.common.oauth2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.oauth.common.form.Form;
import com.example.oauth.common.form.PercentDecoding;

/**
 * A request that a client program sends to the token, revocation or
 * introspection endpoint: a POST with a form body (RFC 6749 §3.2,
 * RFC 7009 §2.1, RFC 7662 §2.1) and perhaps an Authorization header.
 *
 * <p>Only the body counts. Parameters in the URL's query are ignored: the
 * RFCs put them in the body, and secrets in a URL end up in logs. An
 * adapter outside the engine reads the body ({@code common.web.OAuth2Requests}).
 *
 * @param formEncoded whether the body is {@code application/x-www-form-urlencoded}
 * @param parameters the body's parameters, each with every value it was sent with
 * @param authorization the Authorization header, or null
 */
public record FormRequest(boolean formEncoded, Map<String, List<String>> parameters, String authorization) {

    /**
     * @param body the form body as sent, still encoded; null when the request's body is not a form
     * @param charset the charset its Content-Type names, or null
     * @param authorization the Authorization header, or null
     */
    public static FormRequest of(String body, String charset, String authorization) {
        if (body == null) {
            return new FormRequest(false, Map.of(), authorization);
        }
        // RFC 6749 Appendix B: the form is encoded with UTF-8, and read so.
        // A body that says it is in another charset would be misread (an é in
        // ISO-8859-1 is not valid UTF-8), so it is refused rather than guessed
        // at; no charset means UTF-8.
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            throw OAuth2Error.invalidRequest("The body is said to be in charset " + ErrorText.quote(charset)
                    + ": send it in UTF-8 (charset=UTF-8, or no charset), as RFC 6749 Appendix B says.");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        try {
            for (Form.Field field : Form.parse(body)) {
                RequestParameters.add(parameters, field.name(), field.value());
            }
        } catch (IllegalArgumentException malformed) {
            String piece = firstMalformed(body);
            throw OAuth2Error.invalidRequest(malformed.getCause() == null
                    ? "The form body has a malformed %-escape: " + ErrorText.quote(piece) + "."
                    : "The form body has a %-escape that is not UTF-8: " + ErrorText.quote(piece)
                            + " (RFC 6749 Appendix B).");
        }
        return new FormRequest(true, parameters, authorization);
    }

    /** §3.2 (and RFC 7009 §2.1, RFC 7662 §2.1): the parameters come as a form. */
    public void requireForm() {
        if (!formEncoded) {
            throw OAuth2Error.invalidRequest("Send the parameters as a form body, with Content-Type:"
                    + " application/x-www-form-urlencoded (RFC 6749 Section 3.2).");
        }
    }

    /** A parameter's value, if sent; one sent twice is an invalid_request (RFC 6749 §3.2). */
    public Optional<String> get(String name) {
        return RequestParameters.once(parameters, name, () -> OAuth2Error.invalidRequest(name + " was sent more"
                + " than once: send each parameter once (RFC 6749 Section 3.2)."));
    }

    /** The first name or value of the body that does not decode, to quote in the answer. */
    private static String firstMalformed(String body) {
        for (String piece : body.split("[&=]")) {
            try {
                PercentDecoding.decodeForm(piece);
            } catch (IllegalArgumentException e) {
                return piece;
            }
        }
        return body;
    }
}
