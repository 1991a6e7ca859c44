package org.unionbot.adapter.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.unionbot.core.channel.InMemoryChannelActivity;
import org.unionbot.core.message.Platform;
import org.unionbot.crypto.testing.DocumentedCrypto;

/** The callback controller tells the console's 渠道 page about accepted and refused messages, by account. */
class WecomChannelActivityTest {
    private final WecomFixture fx = new WecomFixture();
    private final InMemoryChannelActivity activity = new InMemoryChannelActivity(fx.harness.clock, 10);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new WecomCallbackController(fx.handler, activity)).build();
    private final String account = WecomFixture.CORP + "/" + WecomFixture.AGENT;

    @AfterEach
    void close() {
        fx.close();
    }

    private int post(Map<String, String> query, String encrypted) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders
                .post("/callback/wecom/" + WecomFixture.CORP + "/" + WecomFixture.AGENT)
                .content(WecomFixture.body(encrypted).getBytes(StandardCharsets.UTF_8));
        query.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void anAcceptedMessageSetsTheLastCallbackAndAForgedOneIsAnError() throws Exception {
        String ts = fx.now();
        String xml = WecomFixture.textXml(WecomFixture.WANG, "我是谁", 601, ts, WecomFixture.AGENT);
        String encrypted = DocumentedCrypto.encrypt(WecomFixture.AES_KEY, xml, WecomFixture.CORP);
        assertThat(activity.lastCallback(Platform.WECOM, account)).isEmpty();

        assertThat(post(WecomFixture.query(ts, encrypted), encrypted)).isEqualTo(200);
        assertThat(activity.lastCallback(Platform.WECOM, account)).contains(fx.harness.clock.instant());
        assertThat(activity.recentErrors(10)).isEmpty();

        Map<String, String> forged = WecomFixture.query(ts, encrypted);
        forged.put("msg_signature", "f".repeat(40));
        assertThat(post(forged, encrypted)).isEqualTo(403);
        assertThat(activity.recentErrors(10)).singleElement().satisfies(e -> {
            assertThat(e.platform()).isEqualTo(Platform.WECOM);
            assertThat(e.account()).isEqualTo(account);
            assertThat(e.what()).contains("403");
        });
    }
}
