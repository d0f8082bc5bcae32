package com.example.oauth.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Checks the CSRF token of every state-changing request to a handler, and
 * hands the token to every page that is rendered, as {@code csrfToken}, so
 * that the layout's {@code <@layout.csrf/>} can put it in a form.
 */
public class CsrfInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (isSafe(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (method.hasMethodAnnotation(CsrfExempt.class)) {
            return true;
        }
        if (!CsrfToken.matches(request)) {
            throw new InvalidCsrfTokenException();
        }
        return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")) {
            page.addObject("csrfToken", CsrfToken.of(request.getSession()));
        }
    }

    // RFC 9110 §9.2.1: these methods must not change anything.
    private static boolean isSafe(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
    }
}
