package org.unionbot.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.unionbot.core.command.Command;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.engine.EngineSettings;
import org.unionbot.core.engine.FallbackHandler;
import org.unionbot.core.engine.PendingFlows;
import org.unionbot.core.outbound.OutboundPort;
import org.unionbot.core.engine.StandardEngine;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.BindingService;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.state.InMemoryConversationStateStore;

/**
 * One-line conversation tests without Spring or a database: {@code harness.as("t001").say("我是谁")}.
 * The engine is the application's own ({@link StandardEngine}) over in-memory ports.
 */
public final class ConversationHarness implements AutoCloseable {
    public final MutableClock clock = MutableClock.shanghai("2026-09-01T01:00:00Z");
    public final InMemoryMemberRepository members = new InMemoryMemberRepository();
    public final InMemoryBindingCodeRepository codes = new InMemoryBindingCodeRepository();
    public final InMemoryProcessedMessageLog processed = new InMemoryProcessedMessageLog();
    public final InMemoryConversationStateStore state = new InMemoryConversationStateStore(clock);
    public final RecordingOutbound outbound = new RecordingOutbound();
    public final Messages messages = Messages.chinese();
    public final BindingService binding = new BindingService(members, codes, state, clock, Duration.ofDays(14));
    /** Where commands start multi-step flows; the engine dispatches them (15 minutes a step). */
    public final PendingFlows flows = new PendingFlows(state, clock, PendingFlows.DEFAULT_TIMEOUT);
    private final List<Command> featureCommands = new ArrayList<>();
    private FallbackHandler fallback;
    private OutboundPort outboundPort = outbound;
    private final AtomicLong messageIds = new AtomicLong(1);
    private EngineSettings settings = new EngineSettings(Duration.ofSeconds(10), 8, 1000);
    private ConversationEngine engine;

    public static ConversationHarness create() {
        return new ConversationHarness();
    }

    /** Adds feature commands; call before the first message. */
    public ConversationHarness withCommands(Command... commands) {
        requireNotStarted();
        featureCommands.addAll(List.of(commands));
        return this;
    }

    /** Replaces the guiding fallback (the knowledge base answers here). */
    public ConversationHarness withFallback(FallbackHandler handler) {
        requireNotStarted();
        this.fallback = handler;
        return this;
    }

    /** Sends deferred answers somewhere else than {@link #outbound}. */
    public ConversationHarness withOutbound(OutboundPort port) {
        requireNotStarted();
        this.outboundPort = port;
        return this;
    }

    public ConversationHarness withSettings(EngineSettings engineSettings) {
        requireNotStarted();
        this.settings = engineSettings;
        return this;
    }

    /** Saves the member and binds the web user id to them. */
    public long addMember(MemberDraft draft, String webUserId) {
        long id = members.save(draft).memberId();
        if (webUserId != null) {
            members.bindIdentity(new PlatformIdentity(Platform.WEB, webUserId, id));
        }
        return id;
    }

    public ConversationEngine engine() {
        if (engine == null) {
            engine = StandardEngine.build(new StandardEngine.Parts(members, processed, binding, outboundPort,
                    messages, settings, featureCommands, fallback, flows));
        }
        return engine;
    }

    public Speaker as(String webUserId) {
        return new Speaker(Platform.WEB, webUserId, Conversation.privateWith(webUserId));
    }

    public Speaker as(Platform platform, String userId) {
        return new Speaker(platform, userId, Conversation.privateWith(userId));
    }

    /** Somebody typing; {@link #inGroup} switches to a group chat. */
    public final class Speaker {
        private final Platform platform;
        private final String userId;
        private final Conversation conversation;

        Speaker(Platform platform, String userId, Conversation conversation) {
            this.platform = platform;
            this.userId = userId;
            this.conversation = conversation;
        }

        public Speaker inGroup(String groupId) {
            return new Speaker(platform, userId, Conversation.group(groupId));
        }

        /** Sends the text with a fresh platform message id and returns the engine's reply. */
        public Reply send(String text) {
            String id = platform == Platform.WEB ? null : "m" + messageIds.getAndIncrement();
            return send(text, id);
        }

        public Reply send(String text, String platformMessageId) {
            return engine().handle(new InboundMessage(platform, conversation, userId, text, platformMessageId,
                    clock.instant()));
        }

        /** Sends and returns the reply's text; fails if the engine said nothing. */
        public String say(String text) {
            Reply reply = send(text);
            if (reply instanceof Reply.Say s) {
                return s.text();
            }
            throw new AssertionError("expected a spoken reply to \"" + text + "\" but got " + reply);
        }
    }

    private void requireNotStarted() {
        if (engine != null) {
            throw new IllegalStateException("configure the harness before the first message");
        }
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
