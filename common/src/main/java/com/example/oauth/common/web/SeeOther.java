package com.example.oauth.common.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A 303 See Other: the browser follows with a GET (RFC 9110 §15.4.4). For
 * the redirects whose URL is new every time (a code, a verifier, a return
 * path), where a {@code "redirect:" + url} view name would make Spring
 * build, and cache, a view for each URL.
 */
public final class SeeOther {

    private SeeOther() {
    }

    /** @param location an ASCII URI reference, sent as it is */
    public static ModelAndView to(String location) {
        RedirectView view = new RedirectView(location);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        // Sent as it is: no "{...}" read as a template, no model added to the query.
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }
}
