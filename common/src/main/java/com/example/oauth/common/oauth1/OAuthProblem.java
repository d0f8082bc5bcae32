package com.example.oauth.common.oauth1;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused OAuth 1 request: the status of RFC 5849 §3.2 (400 for a
 * malformed request, 401 for bad credentials) and a problem named as in the
 * OAuth Problem Reporting extension ({@code oauth_problem=signature_invalid}),
 * with advice for the developer reading the answer.
 */
public class OAuthProblem extends RuntimeException {

    private final int status;
    private final String problem;
    private final Map<String, String> details;

    private OAuthProblem(int status, String problem, String advice, Map<String, String> details) {
        super(advice);
        this.status = status;
        this.problem = problem;
        this.details = details;
    }

    /** 400 Bad Request: the request itself is wrong. */
    public static OAuthProblem badRequest(String problem, String advice) {
        return new OAuthProblem(400, problem, advice, Map.of());
    }

    /** 401 Unauthorized: the credentials, signature, token or nonce are refused. */
    public static OAuthProblem unauthorized(String problem, String advice) {
        return new OAuthProblem(401, problem, advice, Map.of());
    }

    /** 403 Forbidden: the token is good but was not granted what the request needs. */
    public static OAuthProblem forbidden(String problem, String advice) {
        return new OAuthProblem(403, problem, advice, Map.of());
    }

    /** The same problem with one more parameter in the answer. */
    public OAuthProblem with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new OAuthProblem(status, problem, getMessage(), more);
    }

    public int getStatus() {
        return status;
    }

    /**
     * The body of the answer, form-encoded:
     * {@code oauth_problem=...&oauth_problem_advice=...} and any details.
     */
    public String toFormBody() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("oauth_problem", problem);
        fields.put("oauth_problem_advice", getMessage());
        fields.putAll(details);
        return FormEncoding.format(fields);
    }
}
