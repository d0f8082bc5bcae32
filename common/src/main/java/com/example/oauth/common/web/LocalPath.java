package com.example.oauth.common.web;

/**
 * Where a "return to" parameter may send the browser: only to a path on this
 * site. Anything else would make the login form an open redirect.
 */
public final class LocalPath {

    private LocalPath() {
    }

    /**
     * True for "/", "/client", "/oauth/authorize?oauth_token=..."; false for
     * "//evil.example" and "/\evil.example" (browsers read both as another
     * host), for absolute URLs, and for anything with control characters.
     */
    public static boolean isLocal(String path) {
        if (path == null || path.isEmpty() || path.length() > 2000 || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            // Braces would be read as a URI template by Spring's redirect.
            if (c < 0x20 || c == 0x7f || c == '\\' || c == '{' || c == '}') {
                return false;
            }
        }
        return true;
    }

    /** The path itself when it is local, "/" otherwise. */
    public static String orHome(String path) {
        return isLocal(path) ? path : "/";
    }
}
