package org.unionbot.adapter.web.poll;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.member.Member;
import org.unionbot.core.message.Reply;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollService;

/**
 * 网页投票: the member's personal voting links, one per open poll; 导出投票 #12: a committee member's
 * one-hour download links for a closed poll. Private chat only: a link speaks for its member.
 */
public final class PollLinkCommand implements Command {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("org.unionbot.adapter.web.poll.messages",
            Locale.SIMPLIFIED_CHINESE);

    private final PollService service;
    private final PollLinks links;
    private final boolean export;
    private final CommandSpec spec;

    public PollLinkCommand(PollService service, PollLinks links, boolean export) {
        this.service = service;
        this.links = links;
        this.export = export;
        this.spec = export
                ? new CommandSpec("导出投票", List.of("投票导出"), "导出投票 #编号", TEXT.getString("export.summary"),
                        Privilege.COMMITTEE, Locality.PRIVATE)
                : new CommandSpec("网页投票", List.of("投票链接"), "网页投票", TEXT.getString("link.summary"),
                        Privilege.MEMBER, Locality.PRIVATE);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public Reply execute(CommandContext context) {
        Member member = context.requireMember();
        if (export) {
            String arg = context.arguments().replaceAll("[^0-9]", "");
            if (arg.isEmpty()) {
                return Reply.text(TEXT.getString("export.usage"));
            }
            Poll poll = service.find(Long.parseLong(arg)).orElse(null);
            if (poll == null) {
                return Reply.text(TEXT.getString("export.noSuchPoll"));
            }
            if (poll.isOpen()) {
                return Reply.text(TEXT.getString("export.open"));
            }
            return Reply.text(java.text.MessageFormat.format(TEXT.getString("export.links"), poll.title(),
                    links.exportUrl(poll, member.id(), "xlsx"), links.exportUrl(poll, member.id(), "csv")));
        }
        List<Poll> open = service.openPollsFor(member);
        if (open.isEmpty()) {
            return Reply.text(TEXT.getString("link.none"));
        }
        StringBuilder b = new StringBuilder(TEXT.getString("link.head"));
        for (Poll p : open) {
            b.append('\n').append("#").append(p.id()).append(' ').append(p.title()).append('\n')
                    .append(links.voteUrl(p, member.id()));
        }
        return Reply.text(b.toString());
    }
}
