package com.example.oauth.common.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** The shared error page (templates/error.ftlh) with a message for the reader. */
public final class ErrorPage {

    private ErrorPage() {
    }

    public static ModelAndView of(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", message);
        return page;
    }
}
