package org.unionbot.core.knowledge;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
 * 未解答问题: the questions the bot handed off, for the committee to answer and turn into entries. In
 * private only: the list says who asked what.
 */
public final class UnansweredCommand implements Command {
    static final int SHOWN = 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final UnansweredQuestionRepository unanswered;
    private final MemberRepository members;
    private final Messages messages;
    private final ZoneId zone;
    private final CommandSpec spec;

    public UnansweredCommand(UnansweredQuestionRepository unanswered, MemberRepository members, Messages messages,
                             ZoneId zone) {
        this.unanswered = unanswered;
        this.members = members;
        this.messages = messages;
        this.zone = zone;
        this.spec = new CommandSpec("未解答问题", List.of("待解答问题", "unanswered"), "未解答问题",
                messages.get("knowledge.unanswered.summary"), Privilege.COMMITTEE, Locality.PRIVATE);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        List<UnansweredQuestion> open = unanswered.open(SHOWN + 1);
        if (open.isEmpty()) {
            return Reply.text(messages.get("knowledge.unanswered.none"));
        }
        StringBuilder text = new StringBuilder(messages.get("knowledge.unanswered.header"));
        for (UnansweredQuestion q : open.subList(0, Math.min(SHOWN, open.size()))) {
            String asker = q.askerMemberId() == null ? "—"
                    : members.findById(q.askerMemberId()).map(Member::name).orElse("—");
            String assignee = q.assigneeMemberId() == null ? "—"
                    : members.findById(q.assigneeMemberId()).map(Member::name).orElse("—");
            text.append('\n').append(messages.get("knowledge.unanswered.line", String.valueOf(q.id()),
                    WHEN.format(q.askedAt().atZone(zone)), asker, q.question(), assignee));
        }
        if (open.size() > SHOWN) {
            text.append('\n').append(messages.get("knowledge.unanswered.more", String.valueOf(SHOWN)));
        }
        text.append('\n').append(messages.get("knowledge.unanswered.footer"));
        return Reply.text(text.toString());
    }
}
