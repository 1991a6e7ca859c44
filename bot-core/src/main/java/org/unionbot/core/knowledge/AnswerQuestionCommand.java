package org.unionbot.core.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.message.Reply;

/**
 * 转为问答 编号 答案: a committee member answers a handed-off question; the answer becomes a knowledge
 * entry at once (stored, indexed, citing the committee member's reply as its source), the question is
 * closed, and the member who asked gets the answer.
 */
public final class AnswerQuestionCommand implements Command {
    private static final Pattern ARGS = Pattern.compile("^#?(\\d{1,12})\\s+(.+)$", Pattern.DOTALL);

    private final UnansweredQuestionRepository unanswered;
    private final KnowledgeBase knowledge;
    private final KnowledgeFallback notifier;
    private final MemberRepository members;
    private final Messages messages;
    private final Clock clock;
    private final CommandSpec spec;

    public AnswerQuestionCommand(UnansweredQuestionRepository unanswered, KnowledgeBase knowledge,
                                 KnowledgeFallback notifier, MemberRepository members, Messages messages, Clock clock) {
        this.unanswered = unanswered;
        this.knowledge = knowledge;
        this.notifier = notifier;
        this.members = members;
        this.messages = messages;
        this.clock = clock;
        this.spec = new CommandSpec("转为问答", List.of("答复问题"), messages.get("knowledge.promote.usage"),
                messages.get("knowledge.promote.summary"), Privilege.COMMITTEE, Locality.PRIVATE);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        Matcher args = ARGS.matcher(context.arguments().strip());
        if (!args.matches()) {
            return Reply.text(messages.get("knowledge.promote.usageHint"));
        }
        return Reply.text(promote(context.requireMember(), Long.parseLong(args.group(1)), args.group(2).strip()).text());
    }

    /**
     * What 转为问答 does, for the console too: the entry {@code q-<id>} is stored and indexed, the question
     * closed and the asker told.
     *
     * @return the answer text, and the entry id when one was made (empty when the question was unknown or
     *     closed already)
     */
    public Promoted promote(Member me, long id, String answer) {
        Optional<UnansweredQuestion> found = unanswered.find(id);
        if (found.isEmpty()) {
            return new Promoted(Optional.empty(), messages.get("knowledge.promote.notFound", String.valueOf(id)));
        }
        UnansweredQuestion question = found.get();
        if (!question.open()) {
            return new Promoted(Optional.empty(),
                    messages.get("knowledge.promote.closed", String.valueOf(id), question.entryId()));
        }
        LocalDate today = LocalDate.now(clock);
        String title = question.question().length() > 40 ? question.question().substring(0, 40) + "…"
                : question.question();
        KnowledgeEntry entry = new KnowledgeEntry("q-" + id, title, List.of(question.question()), answer,
                messages.get("knowledge.promote.category"), null,
                messages.get("knowledge.promote.source", me.name(), today.toString()), today, null, null,
                KnowledgeEntry.ORIGIN_CHAT);
        knowledge.addChatEntry(entry);
        unanswered.resolve(id, entry.id(), clock.instant());
        boolean told = question.askerMemberId() != null && question.askerMemberId() != me.id()
                && members.findById(question.askerMemberId())
                        .map(asker -> notifier.notify(asker, messages.get("knowledge.promote.toAsker",
                                question.question(), answer, me.name())))
                        .orElse(false);
        return new Promoted(Optional.of(entry.id()), messages.get(told ? "knowledge.promote.done.told"
                : "knowledge.promote.done", String.valueOf(id), entry.id()));
    }

    public record Promoted(Optional<String> entryId, String text) {}
}
