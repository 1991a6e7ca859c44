package org.unionbot.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.unionbot.core.channel.InMemoryChannelActivity;
import org.unionbot.core.message.Platform;
import org.unionbot.crypto.testing.DocumentedCrypto;

/** The callback controller tells the console's 渠道 page about accepted and refused messages, by appId. */
class WechatMpChannelActivityTest {
    private final MpFixture fx = new MpFixture();
    private final InMemoryChannelActivity activity = new InMemoryChannelActivity(Clock.systemUTC(), 10);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new WechatMpCallbackController(fx.handler, activity)).build();

    @AfterEach
    void close() {
        fx.close();
    }

    private int send(Map<String, String> query, String encrypted) throws Exception {
        var request = post("/callback/wechat-mp/" + MpFixture.APP_ID).contentType(MediaType.TEXT_XML)
                .content(MpFixture.aesBody(encrypted).getBytes(StandardCharsets.UTF_8));
        query.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void anAcceptedMessageSetsTheLastCallbackAndAForgedOneIsAnError() throws Exception {
        String ts = fx.now();
        String encrypted = DocumentedCrypto.encrypt(MpFixture.AES_KEY,
                MpFixture.textXml(MpFixture.WANG_OPENID, "我是谁", 41, ts), MpFixture.APP_ID);
        assertThat(send(MpFixture.aesQuery(ts, encrypted), encrypted)).isEqualTo(200);
        assertThat(activity.lastCallback(Platform.WECHAT_MP, MpFixture.APP_ID)).isPresent();
        assertThat(activity.recentErrors(5)).isEmpty();

        Map<String, String> forged = new java.util.HashMap<>(MpFixture.aesQuery(ts, encrypted));
        forged.put("msg_signature", "f".repeat(40));
        forged.put("signature", "f".repeat(40));
        assertThat(send(forged, encrypted)).isNotEqualTo(200);
        assertThat(activity.recentErrors(5)).singleElement().satisfies(e -> {
            assertThat(e.platform()).isEqualTo(Platform.WECHAT_MP);
            assertThat(e.account()).isEqualTo(MpFixture.APP_ID);
            assertThat(e.what()).startsWith("回调被拒绝（HTTP ");
        });
    }
}
