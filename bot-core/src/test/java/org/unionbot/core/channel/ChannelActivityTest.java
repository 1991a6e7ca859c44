package org.unionbot.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.OutboundRouter;
import org.unionbot.core.outbound.PlatformOutbound;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.testing.MutableClock;

class ChannelActivityTest {
    private final MutableClock clock = MutableClock.shanghai("2026-09-01T01:00:00Z");
    private final InMemoryChannelActivity activity = new InMemoryChannelActivity(clock, 3);

    @Test
    void theLastCallbackIsKeptPerAccount() {
        activity.callbackReceived(Platform.WECHAT_MP, "wx1");
        clock.advance(Duration.ofMinutes(5));
        activity.callbackReceived(Platform.WECHAT_MP, "wx1");
        assertThat(activity.lastCallback(Platform.WECHAT_MP, "wx1")).contains(clock.instant());
        assertThat(activity.lastCallback(Platform.WECHAT_MP, "wx2")).isEmpty();
        assertThat(activity.lastCallback(Platform.WECOM, "wx1")).isEmpty();
    }

    @Test
    void onlyTheNewestErrorsAreKeptNewestFirstAndLongTextIsCut() {
        for (int i = 1; i <= 5; i++) {
            activity.error(Platform.DINGTALK, "app" + i, "错误 " + i);
        }
        assertThat(activity.recentErrors(10)).extracting(ChannelActivity.ChannelError::what)
                .containsExactly("错误 5", "错误 4", "错误 3");
        assertThat(activity.recentErrors(1)).hasSize(1);
        activity.error(Platform.WECOM, "x".repeat(500), "y".repeat(500));
        ChannelActivity.ChannelError cut = activity.recentErrors(1).get(0);
        assertThat(cut.account().length()).isLessThanOrEqualTo(65);
        assertThat(cut.what().length()).isLessThanOrEqualTo(InMemoryChannelActivity.MAX_WHAT + 1);
    }

    @Test
    void theNumberOfTrackedAccountsIsBounded() {
        for (int i = 0; i < InMemoryChannelActivity.MAX_ACCOUNTS + 10; i++) {
            activity.callbackReceived(Platform.WECHAT_MP, "wx" + i);
        }
        assertThat(activity.lastCallback(Platform.WECHAT_MP, "wx0")).isPresent();
        assertThat(activity.lastCallback(Platform.WECHAT_MP, "wx" + (InMemoryChannelActivity.MAX_ACCOUNTS + 5))).isEmpty();
    }

    @Test
    void aFailedDeliveryThroughTheRouterIsRecordedAndStillThrown() {
        PlatformOutbound failing = new PlatformOutbound() {
            @Override
            public Platform platform() {
                return Platform.WECOM;
            }

            @Override
            public void deliver(Recipient recipient, Reply.Say reply) {
                throw new DeliveryException("errcode 60020", false, null);
            }
        };
        OutboundRouter router = new OutboundRouter(List.of(failing), activity);
        Recipient to = new Recipient(Platform.WECOM, Conversation.privateWith("u1"), "u1");
        assertThatThrownBy(() -> router.deliver(to, Reply.text("你好")))
                .isInstanceOf(DeliveryException.class);
        assertThat(activity.recentErrors(1)).singleElement().satisfies(e -> {
            assertThat(e.platform()).isEqualTo(Platform.WECOM);
            assertThat(e.what()).contains("errcode 60020").doesNotContain("你好");
        });
    }
}
