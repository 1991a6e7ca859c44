package org.unionbot.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Reply;
import org.unionbot.core.state.ConversationStateStore;
import org.unionbot.core.state.StateKey;

/**
 * Which flow waits for a member's next private message, kept in the {@link ConversationStateStore}
 * under one key per (platform, conversation, sender), so every instance of the bot sees it.
 *
 * <p>Each step must be answered within {@link #timeout()}. Two entries are kept: the flow's state
 * (which may hold what the member wrote, e.g. a suggestion's text) expires with the step, never later;
 * a small marker (flow name and deadline, nothing the member wrote) lives a day longer, so that a member
 * who answers late is told that the flow timed out instead of having the answer silently treated as a
 * new question. Reading costs one lookup (the marker) when no flow is pending.
 */
public final class PendingFlows {
    /** The default time a member has to answer one step. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    static final String MARKER_FLOW = "engine.flow";
    static final String STATE_FLOW = "engine.flow.state";
    /** How long a timed-out flow is remembered so that the time-out can be explained. */
    static final Duration NOTICE_GRACE = Duration.ofDays(1);

    /** A flow waiting for the member, with its step's deadline and state. */
    record Pending(String flowName, Instant deadline, String state) {}

    private final ConversationStateStore store;
    private final Clock clock;
    private final Duration timeout;

    public PendingFlows(ConversationStateStore store, Clock clock, Duration timeout) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the flow timeout must be positive");
        }
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Starts (or restarts) {@code flow} for the member who sent the command: their next private message
     * goes to the flow. Flows live in private chats only.
     *
     * @return {@code prompt}, for the command to answer with
     */
    public Reply start(CommandContext context, ConversationFlow flow, String state, Reply.Say prompt) {
        if (context.message().conversation().isGroup()) {
            throw new IllegalStateException("flows run in private chats only");
        }
        save(context.message(), flow.flowName(), state);
        return prompt;
    }

    /** Whether a flow (not yet timed out) waits for this member's next message in this conversation. */
    public boolean isPending(InboundMessage message, String flowName) {
        return find(message).filter(p -> p.flowName().equals(flowName))
                .filter(p -> clock.instant().isBefore(p.deadline())).isPresent();
    }

    /** Ends whatever flow waits for this member here, removing its state at once. */
    public void end(InboundMessage message) {
        store.remove(StateKey.of(STATE_FLOW, message));
        store.remove(StateKey.of(MARKER_FLOW, message));
    }

    /** The pending flow; its state is empty once the step timed out (the state expired with it). */
    Optional<Pending> find(InboundMessage message) {
        Optional<Pending> marker = store.get(StateKey.of(MARKER_FLOW, message)).flatMap(PendingFlows::decode);
        if (marker.isEmpty()) {
            return marker;
        }
        String state = expired(marker.get()) ? "" : store.get(StateKey.of(STATE_FLOW, message)).orElse(null);
        if (state == null) {
            // the state expired a moment before the marker's deadline: treat the step as timed out
            return Optional.of(new Pending(marker.get().flowName(), clock.instant(), ""));
        }
        return Optional.of(new Pending(marker.get().flowName(), marker.get().deadline(), state));
    }

    boolean expired(Pending pending) {
        return !clock.instant().isBefore(pending.deadline());
    }

    void save(InboundMessage message, String flowName, String state) {
        Instant deadline = clock.instant().plus(timeout);
        store.put(StateKey.of(STATE_FLOW, message), state, timeout);
        store.put(StateKey.of(MARKER_FLOW, message), flowName + "\n" + deadline.toEpochMilli(), timeout.plus(NOTICE_GRACE));
    }

    private static Optional<Pending> decode(String value) {
        int first = value.indexOf('\n');
        if (first < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Pending(value.substring(0, first),
                    Instant.ofEpochMilli(Long.parseLong(value.substring(first + 1).strip())), ""));
        } catch (NumberFormatException corrupt) {
            return Optional.empty();
        }
    }
}
