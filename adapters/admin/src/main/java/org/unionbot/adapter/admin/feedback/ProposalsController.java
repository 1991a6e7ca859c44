package org.unionbot.adapter.admin.feedback;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.unionbot.adapter.admin.ConsoleRole;
import org.unionbot.adapter.admin.ConsoleTexts;
import org.unionbot.adapter.admin.ConsoleUser;
import org.unionbot.core.feedback.ActionResult;
import org.unionbot.core.feedback.Implementation;
import org.unionbot.core.feedback.Proposal;
import org.unionbot.core.feedback.ProposalService;
import org.unionbot.core.feedback.ProposalSession;

/**
 * Congress proposals per session (届/次; the latest by default): assign the handling office, record its
 * reply (the proposer and co-signers are told, as in chat), implementation status, publish the session.
 * The chair also opens a session's window here (提案征集), under the chat command's rules: the page is
 * declared for 委员, so that one post checks the chair itself, as chat's Privilege.CHAIR does.
 */
@Controller
public class ProposalsController {
    public static final String PATH = "/admin/proposals";

    private final ProposalService proposals;
    private final ConsoleAudit audit;

    public ProposalsController(ProposalService proposals, ConsoleAudit audit) {
        this.proposals = proposals;
        this.audit = audit;
    }

    public record Row(Proposal p, String proposer) {}

    @GetMapping(PATH)
    public String list(@RequestParam(required = false) Integer term, @RequestParam(required = false) Integer meeting,
            Model model) {
        Optional<ProposalSession> session = session(term, meeting);
        if (session.isEmpty() && term != null) {
            model.addAttribute("error", ConsoleTexts.get("proposals.session.notFound", term, meeting));
            session = proposals.latestSession();
        }
        model.addAttribute("implementations", Implementation.values());
        proposals.latestSession().ifPresent(latest -> {
            model.addAttribute("latest", latest);
            model.addAttribute("latestLabel", proposals.labelOf(latest));
            model.addAttribute("latestLastDay", proposals.lastDayOf(latest).toString());
            model.addAttribute("latestAccepting", proposals.accepting(latest));
        });
        session.ifPresent(s -> {
            model.addAttribute("congress", s);
            model.addAttribute("sessionLabel", proposals.labelOf(s));
            model.addAttribute("rows", proposals.proposalsOf(s).stream()
                    .map(p -> new Row(p, proposals.memberName(p.proposerId()))).toList());
        });
        return "admin/feedback/proposals";
    }

    private Optional<ProposalSession> session(Integer term, Integer meeting) {
        return term == null || meeting == null ? proposals.latestSession() : proposals.session(term, meeting);
    }

    /** 提案征集 from the console: the chair only, the same service method and answers as the chat command. */
    @PostMapping(PATH + "/sessions")
    public String openSession(@AuthenticationPrincipal ConsoleUser user, @RequestParam(defaultValue = "") String term,
            @RequestParam(defaultValue = "") String meeting, @RequestParam(defaultValue = "") String lastDay,
            Model model) {
        if (user == null || user.role() != ConsoleRole.CHAIR) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only the chair opens a proposal window");
        }
        Integer t = positive(term);
        Integer m = positive(meeting);
        LocalDate day = date(lastDay);
        if (t == null || m == null || day == null) {
            // The chat's usage text names the chat command; the form gets its own explanation.
            model.addAttribute("error", ConsoleTexts.get("proposals.open.invalid"));
            return list(null, null, model);
        }
        ActionResult result = audit.change("proposal.open", ConsoleTexts.get("proposals.open.target", t, m),
                ActionResult::text, () -> proposals.openSession(t, m, day));
        model.addAttribute(result.done() ? "notice" : "error", result.text());
        return result.done() ? list(t, m, model) : list(null, null, model);
    }

    private static Integer positive(String text) {
        String digits = text.strip();
        if (!digits.matches("[0-9]{1,6}")) {
            return null;
        }
        int value = Integer.parseInt(digits);
        return value > 0 ? value : null;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException bad) {
            return null;
        }
    }

    @PostMapping(PATH + "/{number}/office")
    public String office(@PathVariable int number, @RequestParam int term, @RequestParam int meeting,
            @RequestParam(defaultValue = "") String office, Model model) {
        return act(term, meeting, model, "proposal.office", number, s -> proposals.assignOffice(s, number, office));
    }

    @PostMapping(PATH + "/{number}/reply")
    public String reply(@PathVariable int number, @RequestParam int term, @RequestParam int meeting,
            @RequestParam(defaultValue = "") String reply, Model model) {
        return act(term, meeting, model, "proposal.reply", number, s -> proposals.recordReply(s, number, reply));
    }

    @PostMapping(PATH + "/{number}/implementation")
    public String implementation(@PathVariable int number, @RequestParam int term, @RequestParam int meeting,
            @RequestParam Implementation implementation, Model model) {
        return act(term, meeting, model, "proposal.implementation", number,
                s -> proposals.setImplementation(s, number, implementation));
    }

    @PostMapping(PATH + "/publish")
    public String publish(@RequestParam int term, @RequestParam int meeting, Model model) {
        return act(term, meeting, model, "proposal.publish", 0, proposals::publish);
    }

    private String act(int term, int meeting, Model model, String action, int number,
            java.util.function.Function<ProposalSession, ActionResult> work) {
        Optional<ProposalSession> session = proposals.session(term, meeting);
        if (session.isEmpty()) {
            model.addAttribute("error", ConsoleTexts.get("proposals.session.missing"));
            return list(null, null, model);
        }
        String label = proposals.labelOf(session.get());
        String target = number > 0 ? ConsoleTexts.get("proposals.audit.target", label, number) : label;
        ActionResult result = audit.change(action, target, ActionResult::text, () -> work.apply(session.get()));
        model.addAttribute(result.done() ? "notice" : "error", result.text());
        return list(term, meeting, model);
    }
}
