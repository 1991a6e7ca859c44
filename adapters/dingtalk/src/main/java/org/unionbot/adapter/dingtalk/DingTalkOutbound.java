package org.unionbot.adapter.dingtalk;

import java.time.Clock;
import java.util.Map;

import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.PlatformOutbound;
import org.unionbot.core.outbound.Recipient;

/**
 * DingTalk's outbound channel: deferred answers, reminders and poll results.
 *
 * <ul>
 *   <li>Group conversation {@code robot:<name>}: the custom group robot of that name, queued and rate-limited.
 *   <li>Any conversation whose latest message's session webhook is still valid: that webhook (in a group with
 *       an @-mention of the recipient).
 *   <li>Private, else: a work notice when the app has an agent id (the result is checked), otherwise the
 *       robot's {@code batchSend}.
 *   <li>Group, else: the robot's {@code groupMessages/send} (which cannot @-mention).
 * </ul>
 */
public final class DingTalkOutbound implements PlatformOutbound {
    /** Conversation ids of this form address a custom group robot by its configured name. */
    public static final String GROUP_ROBOT_PREFIX = "robot:";

    private final DingTalkSettings settings;
    private final DingTalkApi api;
    private final RobotReplies replies;
    private final SessionWebhooks webhooks;
    private final WorkNotices notices;
    private final Map<String, GroupRobotSender> groupRobots;
    private final Clock clock;

    DingTalkOutbound(DingTalkSettings settings, DingTalkApi api, RobotReplies replies, SessionWebhooks webhooks,
                     WorkNotices notices, Map<String, GroupRobotSender> groupRobots, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.replies = replies;
        this.webhooks = webhooks;
        this.notices = notices;
        this.groupRobots = groupRobots;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.DINGTALK;
    }

    @Override
    public void deliver(Recipient recipient, Reply.Say reply) {
        if (recipient.platform() != Platform.DINGTALK) {
            throw new DeliveryException("the DingTalk outbound only delivers to DingTalk", false, null);
        }
        boolean group = recipient.conversation().isGroup();
        String conversationId = recipient.conversation().id();
        if (group && conversationId.startsWith(GROUP_ROBOT_PREFIX)) {
            GroupRobotSender robot = groupRobots.get(conversationId.substring(GROUP_ROBOT_PREFIX.length()));
            if (robot == null) {
                throw new DeliveryException("no group robot named in " + recipient, false, null);
            }
            robot.enqueue(RobotReplies.webhookText(reply.text(), null));
            return;
        }
        var last = webhooks.last(group, conversationId, recipient.platformUserId());
        if (last.isPresent() && last.get().message().webhookValidAt(clock.instant())) {
            replies.answer(last.get().app(), last.get().message(), reply);
            return;
        }
        DingTalkSettings.App app = last.map(SessionWebhooks.Last::app).orElseGet(this::defaultApp);
        if (group) {
            replies.sendByOpenApi(app, true, conversationId, reply.text());
        } else if (app.agentId() != null) {
            notices.send(app, recipient.platformUserId(), reply.text());
        } else {
            replies.sendByOpenApi(app, false, recipient.platformUserId(), reply.text());
        }
    }

    private DingTalkSettings.App defaultApp() {
        if (settings.apps().isEmpty()) {
            throw new DeliveryException("no DingTalk app configured", false, null);
        }
        return settings.apps().get(0);
    }

    DingTalkApi api() {
        return api;
    }
}
