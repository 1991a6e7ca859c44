package org.unionbot.adapter.wecom;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.PlatformOutbound;
import org.unionbot.core.outbound.Recipient;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * App messages ({@code POST /cgi-bin/message/send}) to WeCom members: deferred answers, reminders, poll
 * announcements.
 *
 * <p>Limits: each member may get 30 messages a minute and 1000 an hour from the app, beyond which WeCom
 * drops messages without an error; {@link MemberRateLimit} keeps the count and a send that would exceed
 * it fails with a transient {@link DeliveryException} (retry later) instead of being lost.
 *
 * <p>Idempotency: WeCom's {@code enable_duplicate_check} (identical message within
 * {@code duplicate_check_interval} = 1800 s is delivered once). A retry of a send whose first attempt
 * may have arrived (network failure, busy) always asks for it; {@code idempotent} sends (reminders that an
 * upstream job may repeat) ask for it from the first attempt.
 *
 * <p>Entry points for other features: {@link #deliver} (a core {@code PlatformOutbound}),
 * {@link #sendText}, {@link #sendMarkdown} and {@link #sendVoteCard}.
 */
public final class WecomMessenger implements PlatformOutbound {
    static final int DUPLICATE_CHECK_INTERVAL = 1800;

    private final WecomSettings settings;
    private final WecomApi api;
    private final MemberRateLimit limits;
    /** userId → the app the member last wrote to, for deferred answers when several apps are configured. */
    private final Map<String, WecomSettings.Account> lastApp = new ConcurrentHashMap<>();

    /** Group conversations {@code robot:<name>} go to this group robot (poll announcements, the digest). */
    public static final String GROUP_ROBOT_PREFIX = "robot:";
    private final WecomGroupRobots groupRobots;

    WecomMessenger(WecomSettings settings, WecomApi api, MemberRateLimit limits) {
        this(settings, api, limits, null);
    }

    WecomMessenger(WecomSettings settings, WecomApi api, MemberRateLimit limits, WecomGroupRobots groupRobots) {
        this.settings = settings;
        this.api = api;
        this.limits = limits;
        this.groupRobots = groupRobots;
    }

    @Override
    public Platform platform() {
        return Platform.WECOM;
    }

    void sawMessage(WecomSettings.Account account, String userId) {
        if (settings.accounts().size() > 1) {
            lastApp.put(userId, account);
        }
    }

    @Override
    public void deliver(Recipient recipient, Reply.Say reply) {
        if (recipient.platform() != Platform.WECOM) {
            throw new DeliveryException("not a WeCom recipient", false, null);
        }
        if (recipient.conversation().isGroup()) {
            deliverToGroup(recipient.conversation().id(), reply.text());
            return;
        }
        WecomSettings.Account account = appFor(recipient.platformUserId())
                .orElseThrow(() -> new DeliveryException("unreachable: no WeCom app known for this member", false, null));
        sendText(account.corpId(), account.agentId(), List.of(recipient.platformUserId()), reply.text(), false);
    }

    /**
     * A group message through the configured group robot ({@code robot:<name>}): queued by the robot's
     * sender, which paces and retries it and never drops it while the process runs. An app cannot post
     * into other group chats, so any other group conversation is a permanent failure.
     */
    private void deliverToGroup(String conversationId, String text) {
        if (groupRobots == null || !conversationId.startsWith(GROUP_ROBOT_PREFIX)) {
            throw new DeliveryException("WeCom group messages need a group robot (robot:<name>)", false, null);
        }
        try {
            groupRobots.sendText(conversationId.substring(GROUP_ROBOT_PREFIX.length()), text, List.of(), List.of());
        } catch (IllegalArgumentException unknown) {
            throw new DeliveryException("no WeCom group robot of that name is configured", false, unknown);
        }
    }

    /** A text message to members (UserIDs). */
    public void sendText(String corpId, long agentId, List<String> userIds, String text, boolean idempotent) {
        send(corpId, agentId, userIds, "text", body -> body.putObject("text").put("content", text), idempotent);
    }

    /** A markdown message (WeCom's subset: headings, bold, links, quotes, font colours). */
    public void sendMarkdown(String corpId, long agentId, List<String> userIds, String markdown, boolean idempotent) {
        send(corpId, agentId, userIds, "markdown", body -> body.putObject("markdown").put("content", markdown), idempotent);
    }

    /**
     * A vote card ({@code template_card} / {@code vote_interaction}). When a member submits it, WeCom calls
     * back with a {@code template_card_event} whose {@code EventKey} is {@code submitKey} and whose
     * {@code OptionId}s are the chosen options; the callback hands the engine the text
     * {@code submitKey + " " + optionIds…} (e.g. {@code "投票 12 A C"}), so the poll feature's command sees a vote.
     */
    public void sendVoteCard(String corpId, long agentId, List<String> userIds, VoteCard card, boolean idempotent) {
        send(corpId, agentId, userIds, "template_card", body -> {
            ObjectNode tc = body.putObject("template_card");
            tc.put("card_type", "vote_interaction");
            tc.putObject("main_title").put("title", card.title()).put("desc", card.description());
            tc.put("task_id", card.taskId());
            ObjectNode checkbox = tc.putObject("checkbox");
            checkbox.put("question_key", card.questionKey());
            ArrayNode options = checkbox.putArray("option_list");
            for (VoteCard.Option option : card.options()) {
                options.addObject().put("id", option.id()).put("text", option.text()).put("is_checked", false);
            }
            checkbox.put("mode", card.multiple() ? 1 : 0);
            tc.putObject("submit_button").put("text", card.submitText()).put("key", card.submitKey());
        }, idempotent);
    }

    /** A vote card's content; ids and keys are at most 128 bytes (WeCom's rule). */
    public record VoteCard(String title, String description, String taskId, String questionKey, List<Option> options,
                           boolean multiple, String submitText, String submitKey) {
        public record Option(String id, String text) {}
    }

    private void send(String corpId, long agentId, List<String> userIds, String msgtype, Consumer<ObjectNode> content,
                      boolean idempotent) {
        WecomSettings.Account account = settings.account(corpId, agentId)
                .orElseThrow(() -> new IllegalArgumentException("no such WeCom app configured"));
        Duration wait = limits.tryAcquire(userIds);
        if (!wait.isZero()) {
            throw new DeliveryException("WeCom per-member limit (30/min, 1000/h) reached; retry in "
                    + wait.toSeconds() + " s", true, null);
        }
        try {
            api.post(account, "cgi-bin/message/send", attempt -> {
                ObjectNode body = api.json().createObjectNode();
                body.put("touser", String.join("|", userIds)).put("msgtype", msgtype).put("agentid", agentId);
                content.accept(body);
                boolean check = idempotent || attempt > 0;
                body.put("enable_duplicate_check", check ? 1 : 0);
                if (check) {
                    body.put("duplicate_check_interval", DUPLICATE_CHECK_INTERVAL);
                }
                return body;
            });
        } catch (WecomApiException e) {
            throw new DeliveryException(e.getMessage(), e.transientFailure(), e);
        }
    }

    private Optional<WecomSettings.Account> appFor(String userId) {
        if (settings.accounts().size() == 1) {
            return Optional.of(settings.accounts().get(0));
        }
        return Optional.ofNullable(lastApp.get(userId));
    }
}
