package org.unionbot.adapter.admin.knowledge;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.unionbot.adapter.admin.ConsoleAudit;
import org.unionbot.adapter.admin.ConsoleTexts;
import org.unionbot.adapter.admin.ConsoleUser;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.knowledge.AnswerQuestionCommand;
import org.unionbot.core.knowledge.AnswerRenderer;
import org.unionbot.core.knowledge.KnowledgeBase;
import org.unionbot.core.knowledge.KnowledgeEntry;
import org.unionbot.core.knowledge.UnansweredQuestion;
import org.unionbot.core.knowledge.UnansweredQuestionRepository;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;

/**
 * The knowledge base: search the entries in service, edit the ones the knowledge base stores itself
 * (origin {@code chat}: made from unanswered questions or here), read the ones from the school's YAML
 * files (those are edited in the file, then 重新加载 — a stored edit would be overwritten by the next
 * reload, so the page does not pretend otherwise), turn an unanswered question into an entry, and test
 * a question: what the bot would do (answer, offer choices, hand off), with each candidate's score.
 * Saving goes through {@link KnowledgeBase#addChatEntry}, which stores it and swaps it into the index,
 * so the bot answers with the change at once.
 */
@Controller
public class KnowledgeController {
    public static final String PATH = "/admin/knowledge";
    static final int SHOWN = 200;
    static final int MAX_ANSWER = 4000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KnowledgeBase knowledge;
    private final UnansweredQuestionRepository unanswered;
    private final MemberRepository members;
    private final ConsoleAudit audit;
    private final Clock clock;
    private final AnswerRenderer renderer;
    private final AnswerQuestionCommand promoter;

    public KnowledgeController(KnowledgeBase knowledge, UnansweredQuestionRepository unanswered,
            MemberRepository members, ConsoleAudit audit, ObjectProvider<Clock> clock, Messages messages,
            AnswerQuestionCommand promoter) {
        this.knowledge = knowledge;
        this.promoter = promoter;
        this.renderer = new AnswerRenderer(knowledge, members, messages);
        this.unanswered = unanswered;
        this.members = members;
        this.audit = audit;
        this.clock = clock.getIfUnique(Clock::systemDefaultZone);
    }

    /** @param rendered the answer as the bot sends it: settings filled in, source appended */
    public record Candidate(KnowledgeEntry entry, String score, boolean anchored, String rendered) {}

    @GetMapping(PATH)
    public String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String question,
            Model model) {
        String needle = q.strip().toLowerCase(Locale.ROOT);
        List<KnowledgeEntry> hits = knowledge.entries().stream().filter(e -> needle.isEmpty() || matches(e, needle))
                .toList();
        model.addAttribute("q", q);
        model.addAttribute("total", hits.size());
        model.addAttribute("entries", hits.subList(0, Math.min(SHOWN, hits.size())));
        model.addAttribute("unanswered", unanswered.open(50).stream().map(u -> new Open(u, asker(u))).toList());
        model.addAttribute("question", question);
        if (!question.isBlank()) {
            KnowledgeBase.Match match = knowledge.match(question.strip());
            model.addAttribute("outcome", switch (match.outcome()) {
                case ANSWER -> ConsoleTexts.get("knowledge.test.answer");
                case CHOOSE -> ConsoleTexts.get("knowledge.test.choose");
                case HANDOFF -> ConsoleTexts.get("knowledge.test.handoff");
            });
            model.addAttribute("candidates", match.candidates().stream()
                    .map(f -> new Candidate(f.entry(), String.format(Locale.ROOT, "%.2f", f.confidence()), f.anchored(),
                            f.entry().personal() != null ? ConsoleTexts.get("knowledge.test.personal")
                                    : renderer.render(f.entry())))
                    .toList());
        }
        return "admin/knowledge/list";
    }

    public record Open(UnansweredQuestion question, String asker) {}

    private String asker(UnansweredQuestion u) {
        return u.askerMemberId() == null ? "—" : members.findById(u.askerMemberId()).map(Member::name).orElse("—");
    }

    private static boolean matches(KnowledgeEntry e, String needle) {
        return e.id().toLowerCase(Locale.ROOT).contains(needle) || e.title().toLowerCase(Locale.ROOT).contains(needle)
                || e.answer().toLowerCase(Locale.ROOT).contains(needle) || e.category().contains(needle)
                || e.questions().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).contains(needle));
    }

    @GetMapping(PATH + "/entry")
    public String edit(@RequestParam(defaultValue = "") String id, Model model) {
        Optional<KnowledgeEntry> entry = id.isBlank() ? Optional.empty() : knowledge.entry(id);
        if (!id.isBlank() && entry.isEmpty()) {
            model.addAttribute("error", ConsoleTexts.get("knowledge.entry.notFound", id));
            return list("", "", model);
        }
        model.addAttribute("entry", entry.orElse(null));
        model.addAttribute("editable", entry.map(e -> KnowledgeEntry.ORIGIN_CHAT.equals(e.origin())).orElse(true));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", entry.map(Form::of).orElse(new Form("", "", "", "", "", "")));
        }
        return "admin/knowledge/entry";
    }

    /** What the edit form posts; questions one per line. */
    public record Form(String id, String title, String questions, String answer, String category, String source) {
        static Form of(KnowledgeEntry e) {
            return new Form(e.id(), e.title(), String.join("\n", e.questions()), e.answer(), e.category(), e.source());
        }
    }

    @PostMapping(PATH + "/entry")
    public String save(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String questions, @RequestParam(defaultValue = "") String answer,
            @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String source,
            Model model) {
        Form form = new Form(id.strip(), title.strip(), questions, answer.strip(), category.strip(), source.strip());
        Optional<KnowledgeEntry> existing = form.id().isEmpty() ? Optional.empty() : knowledge.entry(form.id());
        if (!form.id().isEmpty() && existing.isEmpty()) {
            model.addAttribute("error", ConsoleTexts.get("knowledge.entry.notFound", form.id()));
            return list("", "", model);
        }
        if (existing.isPresent() && !KnowledgeEntry.ORIGIN_CHAT.equals(existing.get().origin())) {
            model.addAttribute("error", ConsoleTexts.get("knowledge.entry.fromFile"));
            return edit(form.id(), model);
        }
        List<String> phrasings = Arrays.stream(questions.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        List<String> problems = new java.util.ArrayList<>();
        if (form.title().isEmpty() || form.title().length() > 200) {
            problems.add(ConsoleTexts.get("knowledge.entry.titleInvalid"));
        }
        if (phrasings.isEmpty() || phrasings.stream().anyMatch(p -> p.length() > 200)) {
            problems.add(ConsoleTexts.get("knowledge.entry.questionsInvalid"));
        }
        if (form.answer().isEmpty() || form.answer().length() > MAX_ANSWER) {
            problems.add(ConsoleTexts.get("knowledge.entry.answerInvalid", MAX_ANSWER));
        }
        if (form.category().length() > 50 || form.source().length() > 500) {
            problems.add(ConsoleTexts.get("knowledge.entry.categoryInvalid"));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("form", form);
            return edit(form.id(), model);
        }
        String entryId = existing.map(KnowledgeEntry::id).orElseGet(() -> "c-" + HexFormat.of().formatHex(randomBytes()));
        KnowledgeEntry entry = new KnowledgeEntry(entryId, form.title(), phrasings, form.answer(), form.category(),
                existing.map(KnowledgeEntry::audience).orElse(null), form.source(),
                existing.map(KnowledgeEntry::effective).orElse(LocalDate.now(clock)),
                existing.map(KnowledgeEntry::contact).orElse(null), existing.map(KnowledgeEntry::personal).orElse(null),
                KnowledgeEntry.ORIGIN_CHAT);
        audit.change(existing.isPresent() ? "knowledge.update" : "knowledge.create", entryId,
                ConsoleTexts.get("knowledge.entry.audit", phrasings.size()), () -> knowledge.addChatEntry(entry));
        model.addAttribute("notice", ConsoleTexts.get("knowledge.entry.saved"));
        return edit(entryId, model);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @PostMapping(PATH + "/unanswered/{id}")
    public String promote(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String answer, Model model) {
        String text = answer.strip();
        if (text.isEmpty() || text.length() > MAX_ANSWER) {
            model.addAttribute("error", ConsoleTexts.get("knowledge.promote.answerMissing", MAX_ANSWER));
            return list("", "", model);
        }
        Member me = members.findById(user.memberId())
                .orElseThrow(() -> new IllegalStateException("console user without a member"));
        // The chat command's own path (entry q-N, its source line, the asker told), so both agree.
        AnswerQuestionCommand.Promoted result = audit.change("knowledge.promote", "#" + id,
                (AnswerQuestionCommand.Promoted r) -> r.entryId()
                        .map(e -> ConsoleTexts.get("knowledge.promote.done", e))
                        .orElseGet(() -> ConsoleTexts.get("knowledge.promote.failed", r.text())),
                () -> promoter.promote(me, id, text));
        if (result.entryId().isEmpty()) {
            model.addAttribute("error", result.text());
            return list("", "", model);
        }
        model.addAttribute("notice", result.text());
        return edit(result.entryId().get(), model);
    }

    @PostMapping(PATH + "/reload")
    public String reload(Model model) {
        KnowledgeBase.ReloadReport report = audit.change("knowledge.reload",
                ConsoleTexts.get("knowledge.reload.target"),
                (KnowledgeBase.ReloadReport r) -> r.applied()
                        ? ConsoleTexts.get("knowledge.reload.done", r.entries())
                        : ConsoleTexts.get("knowledge.reload.failed"),
                knowledge::reload);
        model.addAttribute("report", report);
        return list("", "", model);
    }
}
