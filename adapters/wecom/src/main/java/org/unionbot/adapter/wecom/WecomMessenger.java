package org.unionbot.adapter.wecom;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.PlatformOutbound;
import org.unionbot.core.outbound.Recipient;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.templatecard.CheckboxOption;

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
 * <p>The request is WxJava's ({@code WxCpMessage}, {@code getMessageService().send}) through
 * {@link WecomClients}; token refresh is WxJava's, the busy retry (-1 or no answer: twice, after
 * {@code retry-backoff} and twice that) is ours because the retry must differ from the first attempt.
 *
 * <p>Entry points for other features: {@link #deliver} (a core {@code PlatformOutbound}),
 * {@link #sendText}, {@link #sendMarkdown} and {@link #sendVoteCard}.
 */
public final class WecomMessenger implements PlatformOutbound {
    static final int DUPLICATE_CHECK_INTERVAL = 1800;

    private final WecomSettings settings;
    private final WecomClients clients;
    private final Duration retryBackoff;
    private final MemberRateLimit limits;
    /** userId → the app the member last wrote to, for deferred answers when several apps are configured. */
    private final Map<String, WecomSettings.Account> lastApp = new ConcurrentHashMap<>();

    /** Group conversations {@code robot:<name>} go to this group robot (poll announcements, the digest). */
    public static final String GROUP_ROBOT_PREFIX = "robot:";
    private final WecomGroupRobots groupRobots;

    WecomMessenger(WecomSettings settings, WecomClients clients, MemberRateLimit limits) {
        this(settings, clients, limits, null);
    }

    WecomMessenger(WecomSettings settings, WecomClients clients, MemberRateLimit limits, WecomGroupRobots groupRobots) {
        this.settings = settings;
        this.clients = clients;
        this.retryBackoff = settings.retryBackoff();
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
        send(corpId, agentId, userIds, idempotent, () -> {
            WxCpMessage message = new WxCpMessage();
            message.setMsgType(WxConsts.KefuMsgType.TEXT);
            message.setContent(text);
            return message;
        });
    }

    /** A markdown message (WeCom's subset: headings, bold, links, quotes, font colours). */
    public void sendMarkdown(String corpId, long agentId, List<String> userIds, String markdown, boolean idempotent) {
        send(corpId, agentId, userIds, idempotent, () -> {
            WxCpMessage message = new WxCpMessage();
            message.setMsgType(WxConsts.KefuMsgType.MARKDOWN);
            message.setContent(markdown);
            return message;
        });
    }

    /**
     * A vote card ({@code template_card} / {@code vote_interaction}). When a member submits it, WeCom calls
     * back with a {@code template_card_event} whose {@code EventKey} is {@code submitKey} and whose
     * {@code OptionId}s are the chosen options; the callback hands the engine the text
     * {@code submitKey + " " + optionIds…} (e.g. {@code "投票 12 A C"}), so the poll feature's command sees a vote.
     */
    public void sendVoteCard(String corpId, long agentId, List<String> userIds, VoteCard card, boolean idempotent) {
        send(corpId, agentId, userIds, idempotent, () -> {
            WxCpMessage message = new WxCpMessage();
            message.setMsgType(WxConsts.KefuMsgType.TEMPLATE_CARD);
            message.setCardType("vote_interaction");
            message.setMainTitleTitle(card.title());
            message.setMainTitleDesc(card.description());
            message.setTaskId(card.taskId());
            message.setCheckboxQuestionKey(card.questionKey());
            message.setCheckboxMode(card.multiple() ? 1 : 0);
            message.setOptions(card.options().stream()
                    .map(o -> new CheckboxOption(o.id(), o.text(), false)).toList());
            message.setSubmitButtonText(card.submitText());
            message.setSubmitButtonKey(card.submitKey());
            return message;
        });
    }

    /** A vote card's content; ids and keys are at most 128 bytes (WeCom's rule). */
    public record VoteCard(String title, String description, String taskId, String questionKey, List<Option> options,
                           boolean multiple, String submitText, String submitKey) {
        public record Option(String id, String text) {}
    }

    private void send(String corpId, long agentId, List<String> userIds, boolean idempotent,
                      java.util.function.Supplier<WxCpMessage> content) {
        settings.account(corpId, agentId).orElseThrow(() -> new IllegalArgumentException("no such WeCom app configured"));
        Duration wait = limits.tryAcquire(userIds);
        if (!wait.isZero()) {
            throw new DeliveryException("WeCom per-member limit (30/min, 1000/h) reached; retry in "
                    + wait.toSeconds() + " s", true, null);
        }
        var service = clients.app(corpId, agentId);
        int busyRetries = 0;
        for (int attempt = 0; ; attempt++) {
            WxCpMessage message = content.get();
            message.setToUser(String.join("|", userIds));
            message.setAgentId(Math.toIntExact(agentId));
            // A retry may follow a first attempt that did arrive: WeCom then delivers the copy only once.
            if (idempotent || attempt > 0) {
                message.setEnableDuplicateCheck(true);
                message.setDuplicateCheckInterval(DUPLICATE_CHECK_INTERVAL);
            }
            try {
                WecomClients.call(() -> service.getMessageService().send(message));
                return;
            } catch (WecomApiException e) {
                boolean busy = e.errcode() == -1 || e.errcode() == WecomApiException.UNREACHABLE;
                if (busy && busyRetries < 2) {
                    pause(retryBackoff.multipliedBy(1L << busyRetries++));
                    continue;
                }
                throw new DeliveryException(e.getMessage(), e.transientFailure(), e);
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Optional<WecomSettings.Account> appFor(String userId) {
        if (settings.accounts().size() == 1) {
            return Optional.of(settings.accounts().get(0));
        }
        return Optional.ofNullable(lastApp.get(userId));
    }
}
