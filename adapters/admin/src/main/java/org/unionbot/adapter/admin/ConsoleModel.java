package org.unionbot.adapter.admin;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every console page: the user and the navigation their role may see. */
@ControllerAdvice(basePackages = "org.unionbot.adapter.admin")
public class ConsoleModel {
    private final ConsoleNavigation navigation;

    public ConsoleModel(ConsoleNavigation navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute("consoleUser")
    public ConsoleUser consoleUser(@AuthenticationPrincipal ConsoleUser user) {
        return user;
    }

    /** For aria-current in the navigation (Thymeleaf 3.1 no longer exposes the request). */
    @ModelAttribute("currentPath")
    public String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("nav")
    public List<ConsolePage> nav(@AuthenticationPrincipal ConsoleUser user) {
        return user == null ? List.of() : navigation.visibleTo(user.role());
    }
}
