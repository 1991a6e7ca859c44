package org.unionbot.adapter.admin.feedback;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unionbot.adapter.admin.ConsoleAudit;
import org.unionbot.adapter.admin.ConsoleTexts;
import org.unionbot.adapter.admin.ConsoleUser;
import org.unionbot.core.feedback.ActionResult;
import org.unionbot.core.feedback.Suggestion;
import org.unionbot.core.feedback.SuggestionMode;
import org.unionbot.core.feedback.SuggestionService;
import org.unionbot.core.feedback.SuggestionStatus;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;

/**
 * The suggestion inbox: filter by status, assign to a committee member or an office, answer (a named
 * sender is told, exactly as when answered in chat — the core's {@link SuggestionService} does it),
 * close, publish the digest. Who sent a suggestion is shown as chat shows it: never for anonymous ones,
 * only to the chair for 仅主席可见 ones; an office of fewer than five stays unnamed beside an anonymous one.
 */
@Controller
public class SuggestionsController {
    public static final String PATH = "/admin/suggestions";

    private final SuggestionService suggestions;
    private final MemberRepository members;
    private final ConsoleAudit audit;

    public SuggestionsController(SuggestionService suggestions, MemberRepository members, ConsoleAudit audit) {
        this.suggestions = suggestions;
        this.members = members;
        this.audit = audit;
    }

    /** A row as this viewer may see it. */
    public record Row(Suggestion suggestion, String status, String sender, String assignee, String summary) {
        public boolean anonymous() {
            return suggestion.mode() == SuggestionMode.ANONYMOUS;
        }
    }

    @GetMapping(PATH)
    public String inbox(@AuthenticationPrincipal ConsoleUser user, @RequestParam(defaultValue = "OPEN") String status,
            Model model) {
        Member viewer = viewer(user);
        Set<SuggestionStatus> wanted = statuses(status);
        List<Row> rows = suggestions.inbox(wanted).stream().map(s -> row(s, viewer)).toList();
        model.addAttribute("status", status);
        model.addAttribute("statuses", SuggestionStatus.values());
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        for (SuggestionStatus s : SuggestionStatus.values()) {
            labels.put(s.name(), suggestions.statusLabel(s));
        }
        model.addAttribute("statusLabels", labels);
        model.addAttribute("rows", rows);
        return "admin/feedback/suggestions";
    }

    private static Set<SuggestionStatus> statuses(String status) {
        if ("ALL".equals(status)) {
            return EnumSet.allOf(SuggestionStatus.class);
        }
        for (SuggestionStatus s : SuggestionStatus.values()) {
            if (s.name().equals(status)) {
                return EnumSet.of(s);
            }
        }
        return EnumSet.of(SuggestionStatus.RECEIVED, SuggestionStatus.ASSIGNED, SuggestionStatus.ANSWERED);
    }

    private Row row(Suggestion s, Member viewer) {
        String body = s.body().replace('\n', ' ');
        return new Row(s, suggestions.statusLabel(s.status()), suggestions.senderFor(s, viewer),
                suggestions.assigneeOf(s), body.length() <= 60 ? body : body.substring(0, 60) + "…");
    }

    @GetMapping(PATH + "/{ref}")
    public String detail(@AuthenticationPrincipal ConsoleUser user, @PathVariable String ref, Model model) {
        Optional<Suggestion> found = suggestions.find(ref);
        if (found.isEmpty()) {
            model.addAttribute("error", ConsoleTexts.get("suggestions.notFound", ref));
            return inbox(user, "OPEN", model);
        }
        model.addAttribute("row", row(found.get(), viewer(user)));
        model.addAttribute("committee", members.findAll().stream().filter(Member::isCommittee).toList());
        model.addAttribute("groups", members.groups());
        return "admin/feedback/suggestion";
    }

    @PostMapping(PATH + "/{ref}/assign")
    public String assign(@AuthenticationPrincipal ConsoleUser user, @PathVariable String ref,
            @RequestParam(defaultValue = "") String target, Model model) {
        Member actor = viewer(user);
        if (target.isBlank()) {
            model.addAttribute("error", ConsoleTexts.get("suggestions.assign.targetMissing"));
            return detail(user, ref, model);
        }
        ActionResult result = audit.change("suggestion.assign", ref, (ActionResult r) ->
                        (r.done() ? ConsoleTexts.get("suggestions.assign.done", target)
                                : ConsoleTexts.get("suggestions.assign.failed", r.text())),
                () -> suggestions.assign(actor, ref, target));
        return outcome(user, ref, result, model);
    }

    @PostMapping(PATH + "/{ref}/answer")
    public String answer(@AuthenticationPrincipal ConsoleUser user, @PathVariable String ref,
            @RequestParam(defaultValue = "") String answer, Model model) {
        Member actor = viewer(user);
        // The audit names the action, not the answer's text (the suggestion holds it).
        ActionResult result = audit.change("suggestion.answer", ref, (ActionResult r) ->
                        (r.done() ? ConsoleTexts.get("suggestions.answer.done", answer.strip().length())
                                : ConsoleTexts.get("suggestions.answer.failed", r.text())),
                () -> suggestions.answer(actor, ref, answer));
        return outcome(user, ref, result, model);
    }

    @PostMapping(PATH + "/{ref}/close")
    public String close(@AuthenticationPrincipal ConsoleUser user, @PathVariable String ref, Model model) {
        Member actor = viewer(user);
        ActionResult result = audit.change("suggestion.close", ref,
                (ActionResult r) -> (r.done() ? ConsoleTexts.get("suggestions.close.done")
                        : ConsoleTexts.get("suggestions.close.failed", r.text())),
                () -> suggestions.close(actor, ref));
        return outcome(user, ref, result, model);
    }

    @PostMapping(PATH + "/publish")
    public String publish(@AuthenticationPrincipal ConsoleUser user, Model model) {
        ActionResult result = audit.change("suggestion.publish", ConsoleTexts.get("suggestions.publish.target"),
                ActionResult::text, suggestions::publishNow);
        model.addAttribute(result.done() ? "notice" : "error", result.text());
        return inbox(user, "OPEN", model);
    }

    private String outcome(ConsoleUser user, String ref, ActionResult result, Model model) {
        model.addAttribute(result.done() ? "notice" : "error", result.text());
        return detail(user, ref, model);
    }

    private Member viewer(ConsoleUser user) {
        return members.findById(user.memberId())
                .orElseThrow(() -> new IllegalStateException("console user without a member"));
    }
}
