package org.unionbot.adapter.admin.feedback;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.unionbot.adapter.admin.ConsoleAudit;
import org.unionbot.adapter.admin.ConsoleTexts;
import org.unionbot.adapter.admin.ConsoleUser;
import org.unionbot.core.feedback.ActionResult;
import org.unionbot.core.feedback.CareCase;
import org.unionbot.core.feedback.CareNote;
import org.unionbot.core.feedback.CareService;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;

/**
 * Care cases (慰问): confidential. The page is declared for 委员, but a committee member sees only the
 * cases assigned to them and the chair sees all — {@link CareService} applies the rule, as in chat. A
 * case someone may not see answers 403 whether or not it exists (no probing for case numbers). Closed
 * cases (已办结) are listed below the open ones under the same rule, the latest
 * {@value CareService#CLOSED_SHOWN}.
 */
@Controller
public class CareController {
    public static final String PATH = "/admin/care";

    private final CareService care;
    private final MemberRepository members;
    private final ConsoleAudit audit;
    private final java.time.ZoneId zone;

    public CareController(CareService care, MemberRepository members, ConsoleAudit audit,
            org.springframework.beans.factory.ObjectProvider<java.time.Clock> clock) {
        this.care = care;
        this.members = members;
        this.audit = audit;
        this.zone = clock.getIfUnique(java.time.Clock::systemDefaultZone).getZone();
    }

    public record Row(CareCase c, String assignee, String reporter, String standard) {}

    public record ClosedRow(CareCase c, String assignee, String closedOn) {}

    public record NoteRow(CareNote note, String date, String author) {}

    @GetMapping(PATH)
    public String list(@AuthenticationPrincipal ConsoleUser user, Model model) {
        Member viewer = viewer(user);
        model.addAttribute("rows", care.openCasesFor(viewer).stream().map(this::row).toList());
        model.addAttribute("closedRows", care.closedCasesFor(viewer).stream().map(c -> new ClosedRow(c,
                c.assigneeMemberId() == null ? ConsoleTexts.get("care.unassigned") : name(c.assigneeMemberId()),
                c.closedAt() == null ? "—" : java.time.LocalDate.ofInstant(c.closedAt(), zone).toString())).toList());
        model.addAttribute("closedShown", CareService.CLOSED_SHOWN);
        return "admin/feedback/care";
    }

    @GetMapping(PATH + "/{ref}")
    public String detail(@AuthenticationPrincipal ConsoleUser user, @PathVariable String ref, Model model) {
        CareCase c = visible(user, ref);
        model.addAttribute("row", row(c));
        List<NoteRow> notes = care.notesOf(c).stream().map(n -> new NoteRow(n,
                java.time.LocalDate.ofInstant(n.at(), zone).toString(), name(n.authorMemberId()))).toList();
        model.addAttribute("notes", notes);
        return "admin/feedback/care-case";
    }

    @PostMapping(PATH + "/{ref}/note")
    public String note(@AuthenticationPrincipal ConsoleUser user, @PathVariable String ref,
            @RequestParam(defaultValue = "") String note, Model model) {
        visible(user, ref);
        Member actor = viewer(user);
        ActionResult result = audit.change("care.note", ref, (ActionResult r) -> r.done()
                        ? ConsoleTexts.get("care.note.done") : ConsoleTexts.get("care.note.failed", r.text()),
                () -> care.addNote(actor, ref, note));
        model.addAttribute(result.done() ? "notice" : "error", result.text());
        return detail(user, ref, model);
    }

    @PostMapping(PATH + "/{ref}/close")
    public String close(@AuthenticationPrincipal ConsoleUser user, @PathVariable String ref,
            @RequestParam(defaultValue = "") String note, Model model) {
        visible(user, ref);
        Member actor = viewer(user);
        ActionResult result = audit.change("care.close", ref, (ActionResult r) -> r.done()
                        ? ConsoleTexts.get("care.close.done") : ConsoleTexts.get("care.close.failed", r.text()),
                () -> care.closeCase(actor, ref, note));
        model.addAttribute(result.done() ? "notice" : "error", result.text());
        return list(user, model);
    }

    private CareCase visible(ConsoleUser user, String ref) {
        Optional<CareCase> found = care.caseFor(ref, viewer(user));
        if (found.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not this user's case");
        }
        return found.get();
    }

    private Row row(CareCase c) {
        return new Row(c,
                c.assigneeMemberId() == null ? ConsoleTexts.get("care.unassigned") : name(c.assigneeMemberId()),
                name(c.reporterMemberId()), care.standardFor(c.type()));
    }

    private String name(Long memberId) {
        return memberId == null ? "—" : members.findById(memberId).map(Member::name).orElse("?");
    }

    private Member viewer(ConsoleUser user) {
        return members.findById(user.memberId())
                .orElseThrow(() -> new IllegalStateException("console user without a member"));
    }
}
