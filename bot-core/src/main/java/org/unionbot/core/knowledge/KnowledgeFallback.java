package org.unionbot.core.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionbot.core.command.BareNumberClaimant;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.engine.FallbackHandler;
import org.unionbot.core.engine.MessageContext;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Content;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.OutboundPort;
import org.unionbot.core.state.ConversationStateStore;
import org.unionbot.core.state.StateKey;

/**
 * Answers what no command matched from the union's knowledge, in three outcomes by confidence: a direct
 * answer citing its source; "您是想问：" with up to three numbered candidates (the number is answered
 * from conversation state); or a hand-off: the question is logged as unanswered, the member is told which
 * committee member follows up, and that member is notified. The bot never guesses a rule, an amount or a
 * date: those come from the entry and the school's settings, and an unset setting is said to be unset.
 *
 * <p>Group chats: only confident knowledge answers are said there; a did-you-mean or a hand-off stays
 * silent (the adapters decide which group messages reach the bot at all), and questions about the
 * member's own record are pointed to the private chat.
 */
public final class KnowledgeFallback implements FallbackHandler, BareNumberClaimant {
    static final String CHOICES_FLOW = "knowledge.choices";
    private static final Duration CHOICES_TTL = Duration.ofMinutes(10);
    private static final Pattern NUMBER = Pattern.compile("^第?([1-9])[个条项号]?[。.!！]?$");

    private final KnowledgeBase knowledge;
    private final MemberRepository members;
    private final UnansweredQuestionRepository unanswered;
    private final ConversationStateStore state;
    private final OutboundPort outbound;
    private final Messages messages;
    private final Clock clock;
    private final AnswerRenderer renderer;

    public KnowledgeFallback(KnowledgeBase knowledge, MemberRepository members,
                             UnansweredQuestionRepository unanswered, ConversationStateStore state,
                             OutboundPort outbound, Messages messages, Clock clock) {
        this.knowledge = knowledge;
        this.members = members;
        this.unanswered = unanswered;
        this.state = state;
        this.outbound = outbound;
        this.messages = messages;
        this.clock = clock;
        this.renderer = new AnswerRenderer(knowledge, members, messages);
    }

    @Override
    public Reply answer(MessageContext context) {
        InboundMessage message = context.message();
        String text = message.text().strip();
        if (text.isEmpty()) {
            return Reply.text(messages.get("fallback.empty"));
        }
        Optional<Reply> chosen = chosenCandidate(context, text);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        boolean group = message.conversation().isGroup();
        KnowledgeBase.Match match = knowledge.match(text);
        return switch (match.outcome()) {
            case ANSWER -> answer(context, match.candidates().get(0).entry(), match.confidence());
            case CHOOSE -> group ? new Reply.Silent("knowledge: not sure enough for a group")
                    : offer(message, match.candidates());
            case HANDOFF -> group ? new Reply.Silent("knowledge: nothing to say in a group")
                    : handOff(context, text);
        };
    }

    /**
     * A bare number reaches the vote command first (it owns the digit commands); it asks this claimant,
     * which takes the number only while a "您是想问" choice of this conversation is pending.
     */
    @Override
    public Optional<Reply> claim(CommandContext context) {
        MessageContext asMessage = new MessageContext(context.message(), context.member().orElse(null));
        return chosenCandidate(asMessage, context.message().text().strip());
    }

    /** A number answering the last "您是想问"; anything else ends that choice and is a new question. */
    private Optional<Reply> chosenCandidate(MessageContext context, String text) {
        StateKey key = StateKey.of(CHOICES_FLOW, context.message());
        Optional<String> pending = state.get(key);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Matcher number = NUMBER.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC));
        String[] ids = pending.get().split(",");
        if (!number.matches()) {
            state.remove(key);
            return Optional.empty();
        }
        int choice = Integer.parseInt(number.group(1));
        if (choice > ids.length) {
            return Optional.of(Reply.text(messages.get("knowledge.choice.outOfRange", String.valueOf(ids.length))));
        }
        state.remove(key);
        return knowledge.entry(ids[choice - 1]).map(entry -> answer(context, entry, 1.0))
                .or(() -> Optional.of(Reply.text(messages.get("knowledge.choice.gone"))));
    }

    private Reply answer(MessageContext context, KnowledgeEntry entry, double confidence) {
        if (entry.personal() != null) {
            return personal(context, entry.personal());
        }
        String text = renderer.render(entry);
        return new Reply.Say(List.of(new Content.KnowledgeAnswer(text, entry.id(), entry.title(),
                Math.round(confidence * 100) / 100.0)));
    }

    private Reply offer(InboundMessage message, List<KnowledgeBase.Found> candidates) {
        List<String> titles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (KnowledgeBase.Found found : candidates) {
            titles.add(found.entry().title());
            ids.add(found.entry().id());
        }
        state.put(StateKey.of(CHOICES_FLOW, message), String.join(",", ids), CHOICES_TTL);
        return new Reply.Say(List.of(new Content.Choices(messages.get("knowledge.choices.prompt"), titles),
                new Content.Text(messages.get("knowledge.choices.hint"))));
    }

    private Reply personal(MessageContext context, PersonalTopic topic) {
        if (context.member().isEmpty()) {
            return Reply.text(messages.get("binding.guide"));
        }
        if (context.message().conversation().isGroup()) {
            return Reply.text(messages.get("knowledge.personal.private"));
        }
        Member me = context.member().get();
        return Reply.text(switch (topic) {
            case DELEGATE -> me.has(UnionRole.DELEGATE) ? messages.get("knowledge.personal.delegate.yes", me.name())
                    : messages.get("knowledge.personal.delegate.no", me.name());
            case GROUP -> me.groupId() == null ? messages.get("knowledge.personal.group.none")
                    : members.findGroup(me.groupId()).map(g -> messages.get("knowledge.personal.group", g.name()))
                            .orElse(messages.get("knowledge.personal.group.none"));
            case LEADER -> leader(me);
        });
    }

    private String leader(Member me) {
        if (me.groupId() == null) {
            return messages.get("knowledge.personal.group.none");
        }
        return members.findGroup(me.groupId()).map(g -> {
            if (g.leaderMemberId() == null) {
                return messages.get("knowledge.personal.leader.none", g.name());
            }
            if (g.leaderMemberId() == me.id()) {
                return messages.get("knowledge.personal.leader.self", g.name());
            }
            return members.findById(g.leaderMemberId())
                    .map(l -> messages.get("knowledge.personal.leader", g.name(), l.name()))
                    .orElse(messages.get("knowledge.personal.leader.none", g.name()));
        }).orElse(messages.get("knowledge.personal.group.none"));
    }

    private Reply handOff(MessageContext context, String question) {
        if (context.member().isEmpty()) {
            return Reply.text(messages.get("fallback.unknown") + "\n" + messages.get("binding.guide"));
        }
        Member asker = context.member().get();
        Optional<Member> assignee = renderer.contact(null);
        String stored = question.length() > 500 ? question.substring(0, 500) : question;
        long id = unanswered.record(stored, asker.id(), assignee.map(Member::id).orElse(null), clock.instant());
        if (assignee.isEmpty()) {
            return Reply.text(messages.get("knowledge.handoff.nobody", String.valueOf(id)));
        }
        notify(assignee.get(), messages.get("knowledge.handoff.notify", String.valueOf(id), asker.name(), stored));
        if (assignee.get().id() == asker.id()) {
            return Reply.text(messages.get("knowledge.handoff.self", String.valueOf(id)));
        }
        return Reply.text(messages.get("knowledge.handoff", String.valueOf(id), assignee.get().name()));
    }

    /** Sends to the member's first account that takes it; a failure is logged by the caller's silence. */
    boolean notify(Member member, String text) {
        for (var identity : members.identitiesOf(member.id())) {
            try {
                outbound.deliver(new org.unionbot.core.outbound.Recipient(identity.platform(),
                        org.unionbot.core.message.Conversation.privateWith(identity.platformUserId()),
                        identity.platformUserId()), Reply.text(text));
                return true;
            } catch (DeliveryException | IllegalStateException e) {
                System.getLogger(KnowledgeFallback.class.getName()).log(System.Logger.Level.WARNING,
                        "could not notify member {0} on {1}: {2}", member.id(),
                        identity.platform().code().toLowerCase(Locale.ROOT), e.getMessage());
            }
        }
        return false;
    }
}
