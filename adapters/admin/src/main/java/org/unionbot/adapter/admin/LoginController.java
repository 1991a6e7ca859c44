package org.unionbot.adapter.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Chinese login page; Spring Security handles the POST. */
@Controller
public class LoginController {

    @GetMapping("/admin/login")
    public String login() {
        return "admin/login";
    }

    @GetMapping({"/admin", "/admin/"})
    public String home() {
        return "redirect:" + DashboardController.PATH;
    }
}
