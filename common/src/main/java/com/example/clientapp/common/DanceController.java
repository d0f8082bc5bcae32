package com.example.clientapp.common;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** GET /dance: every leg of this browser's last dance, as it went, secrets masked. */
@Controller
public class DanceController {

    private final String docsUrl;

    /**
     * @param docsUrl where the repository's files are read in a browser (e.g. its GitHub page's blob/main), so
     *        that the page can link each leg to its chapter; empty: the page names the chapter's path
     */
    public DanceController(@Value("${client-app.docs-url:}") String docsUrl) {
        // Without a trailing slash: the page appends "/docs/...".
        this.docsUrl = docsUrl.replaceAll("/+$", "");
    }

    @GetMapping("/dance")
    public ModelAndView dance(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Dance dance = session != null && session.getAttribute(Dance.SESSION_KEY) instanceof Dance d ? d : null;
        ModelAndView page = new ModelAndView("clientapp/dance");
        page.addObject("legs", dance == null ? List.of() : dance.legs());
        page.addObject("leftOut", dance == null ? 0 : dance.leftOut());
        page.addObject("keptFirst", Dance.KEPT_FIRST);
        page.addObject("docsUrl", docsUrl);
        return page;
    }
}
