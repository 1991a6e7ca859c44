package org.unionbot.core.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionRole;

/**
 * Fills an entry's {@code ${setting}} placeholders from the school's settings and adds the source. A
 * setting the school has not configured is said to be unset, with whom to ask, never filled with a
 * value from somewhere else: the sources disagree on every amount and cycle (domain.md §8.2).
 */
public final class AnswerRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

    private final KnowledgeBase knowledge;
    private final MemberRepository members;
    private final Messages messages;

    /** Public for the console's test box, which shows the answer exactly as the bot would send it. */
    public AnswerRenderer(KnowledgeBase knowledge, MemberRepository members, Messages messages) {
        this.knowledge = knowledge;
        this.members = members;
        this.messages = messages;
    }

    public String render(KnowledgeEntry entry) {
        Matcher m = PLACEHOLDER.matcher(entry.answer().strip());
        StringBuilder out = new StringBuilder();
        String unset = null;
        while (m.find()) {
            Optional<String> value = knowledge.setting(m.group(1));
            if (value.isEmpty() && unset == null) {
                unset = messages.get("knowledge.setting.unset", contactLabel(entry.contact()));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.orElse(unset)));
        }
        m.appendTail(out);
        if (!entry.source().isBlank()) {
            out.append('\n').append(entry.effective() == null
                    ? messages.get("knowledge.answer.source", entry.source())
                    : messages.get("knowledge.answer.sourceSince", entry.source(), entry.effective().toString()));
        }
        return out.toString();
    }

    /** "工会委员李明老师", or the committee in general when nobody is configured. */
    String contactLabel(String topic) {
        return contact(topic).map(c -> messages.get("knowledge.contact.named", roleOf(c), c.name()))
                .orElse(messages.get("knowledge.contact.committee"));
    }

    /** The configured contact for the topic, else the default contact, else the chair. */
    Optional<Member> contact(String topic) {
        Optional<Member> configured = knowledge.contactStaffNo(topic).flatMap(members::findByStaffNo);
        if (configured.isPresent()) {
            return configured;
        }
        for (UnionRole role : List.of(UnionRole.CHAIR, UnionRole.VICE_CHAIR, UnionRole.COMMITTEE)) {
            List<Member> holders = members.findByRole(role);
            if (!holders.isEmpty()) {
                return Optional.of(holders.get(0));
            }
        }
        return Optional.empty();
    }

    private String roleOf(Member member) {
        if (member.has(UnionRole.CHAIR)) {
            return messages.get("knowledge.contact.role.chair");
        }
        if (member.has(UnionRole.VICE_CHAIR)) {
            return messages.get("knowledge.contact.role.viceChair");
        }
        return messages.get("knowledge.contact.role.committee");
    }
}
