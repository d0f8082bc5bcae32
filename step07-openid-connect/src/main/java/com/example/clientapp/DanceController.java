package com.example.clientapp;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** GET /dance: every leg of this browser's last dance, as it went, secrets masked. */
@Controller
public class DanceController {

    private final ClientAppProperties properties;

    public DanceController(ClientAppProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/dance")
    public ModelAndView dance(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Dance dance = session != null && session.getAttribute(Dance.SESSION_KEY) instanceof Dance d ? d : null;
        ModelAndView page = new ModelAndView("clientapp/dance");
        page.addObject("legs", dance == null ? List.of() : dance.legs());
        page.addObject("leftOut", dance == null ? 0 : dance.leftOut());
        page.addObject("keptFirst", Dance.KEPT_FIRST);
        // Without a trailing slash: the page appends "/docs/...".
        page.addObject("docsUrl", properties.docsUrl() == null ? "" : properties.docsUrl().replaceAll("/+$", ""));
        return page;
    }
}
