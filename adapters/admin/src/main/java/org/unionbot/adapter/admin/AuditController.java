package org.unionbot.adapter.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.unionbot.core.console.AuditLog;

/** The audit trail, newest first (主席 only, by its {@link ConsolePage}). */
@Controller
public class AuditController {
    public static final String PATH = "/admin/audit";
    private final AuditLog log;

    public AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping(PATH)
    public String audit(Model model) {
        model.addAttribute("entries", log.recent(500));
        return "admin/audit";
    }
}
