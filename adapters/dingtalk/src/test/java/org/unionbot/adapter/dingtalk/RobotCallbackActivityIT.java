package org.unionbot.adapter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.unionbot.core.channel.InMemoryChannelActivity;
import org.unionbot.core.message.Platform;

/** HTTP-mode robot callbacks tell the console's 渠道 page what arrived and what was refused, per app. */
class RobotCallbackActivityIT {
    private final DingTalkFixture dt = DingTalkFixture.httpMode();
    private final InMemoryChannelActivity activity = new InMemoryChannelActivity(Clock.systemUTC(), 10);
    private final MockMvc mvc;

    RobotCallbackActivityIT() {
        dt.parts.activity = activity;
        mvc = MockMvcBuilders.standaloneSetup(new RobotCallbackController(dt.parts, dt.receivers.inbound)).build();
    }

    @AfterEach
    void close() {
        dt.close();
    }

    private int callback(String sign, long timestamp) throws Exception {
        var request = post("/callback/dingtalk/robot/" + DingTalkFixture.APP_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content(dt.robotMessage("act-1", false, false, DingTalkFixture.WANG, "我是谁").getBytes(StandardCharsets.UTF_8))
                .header("timestamp", Long.toString(timestamp)).header("sign", sign);
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void aSignedCallbackIsRecordedAndABadSignIsAnError() throws Exception {
        long now = System.currentTimeMillis();
        assertThat(callback("not-the-sign", now)).isEqualTo(403);
        assertThat(activity.lastCallback(Platform.DINGTALK, DingTalkFixture.APP_KEY)).isEmpty();
        assertThat(activity.recentErrors(5)).singleElement().satisfies(e -> {
            assertThat(e.account()).isEqualTo(DingTalkFixture.APP_KEY);
            assertThat(e.what()).contains("403");
        });

        assertThat(callback(RobotSignatures.base64(now, DingTalkFixture.APP_SECRET), now)).isEqualTo(200);
        assertThat(activity.lastCallback(Platform.DINGTALK, DingTalkFixture.APP_KEY)).isPresent();
        dt.settle();
    }
}
