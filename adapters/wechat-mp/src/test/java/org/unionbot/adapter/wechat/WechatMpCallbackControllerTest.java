package org.unionbot.adapter.wechat;

import org.unionbot.crypto.testing.DocumentedCrypto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The HTTP edge: exact echostr bytes, the 64 KB body limit, form bodies never read as parameters. */
class WechatMpCallbackControllerTest {
    private final MpFixture fx = new MpFixture();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new WechatMpCallbackController(fx.handler)).build();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void echostrComesBackAsExactBytesWithoutNewline() throws Exception {
        String ts = fx.now();
        MockHttpServletResponse response = mvc.perform(get("/callback/wechat-mp/" + MpFixture.APP_ID)
                .param("signature", DocumentedCrypto.sha1Sorted(MpFixture.TOKEN, ts, "abc"))
                .param("timestamp", ts).param("nonce", "abc").param("echostr", "5837397520021788")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray()).isEqualTo("5837397520021788".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void signedTextMessageIsAnsweredOverHttp() throws Exception {
        String ts = fx.now();
        String encrypted = DocumentedCrypto.encrypt(MpFixture.AES_KEY, MpFixture.textXml(MpFixture.WANG_OPENID, "我是谁", 31, ts), MpFixture.APP_ID);
        var request = post("/callback/wechat-mp/" + MpFixture.APP_ID).contentType(MediaType.TEXT_XML)
                .content(MpFixture.aesBody(encrypted).getBytes(StandardCharsets.UTF_8));
        MpFixture.aesQuery(ts, encrypted).forEach(request::param);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(MpFixture.openEncryptedReply(response.getContentAsString(StandardCharsets.UTF_8))).contains("王芳老师");
    }

    @Test
    void bodiesOver64KilobytesAreRefusedWith413BeforeTheEngine() throws Exception {
        String ts = fx.now();
        String huge = MpFixture.textXml(MpFixture.WANG_OPENID, "问".repeat(22_000), 32, ts); // 66 000 bytes of UTF-8
        assertThat(huge.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(64 * 1024);
        MockHttpServletResponse response = mvc.perform(post("/callback/wechat-mp/" + MpFixture.APP_ID)
                .contentType(MediaType.TEXT_XML).content(huge.getBytes(StandardCharsets.UTF_8))
                .param("timestamp", ts).param("nonce", "n0nce")
                .param("signature", DocumentedCrypto.sha1Sorted(MpFixture.TOKEN, ts, "n0nce"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(fx.engineSaw()).isEmpty();
    }

    @Test
    void bodyJustUnderTheLimitIsAccepted() throws Exception {
        String ts = fx.now();
        String big = MpFixture.textXml(MpFixture.WANG_OPENID, "我是谁" + " ".repeat(60_000), 33, ts);
        var request = post("/callback/wechat-mp/" + MpFixture.APP_ID).contentType(MediaType.TEXT_XML)
                .content(big.getBytes(StandardCharsets.UTF_8)).param("timestamp", ts).param("nonce", "n0nce")
                .param("signature", DocumentedCrypto.sha1Sorted(MpFixture.TOKEN, ts, "n0nce"));
        assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(fx.engineSaw()).containsExactly("wechat_mp:m:" + MpFixture.WANG_OPENID + ":33");
    }
}
