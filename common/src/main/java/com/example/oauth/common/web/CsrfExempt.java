package com.example.oauth.common.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST handler that a browser session does not authenticate: an
 * endpoint called by a client program that proves itself with a signature or
 * client credentials instead of a cookie (the OAuth token endpoints). Such a
 * request cannot be forged from another site, so it needs no CSRF token.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CsrfExempt {
}
