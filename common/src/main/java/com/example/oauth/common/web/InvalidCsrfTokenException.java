package com.example.oauth.common.web;

public class InvalidCsrfTokenException extends RuntimeException {

    public InvalidCsrfTokenException() {
        super("This form was not sent from a page of this site, or it has expired:"
                + " go back, reload the page and send the form again.");
    }
}
