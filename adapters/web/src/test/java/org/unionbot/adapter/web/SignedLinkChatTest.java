package org.unionbot.adapter.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.testing.ConversationHarness;

/** Real use: the identity comes only from a signed personal link, never from the request body. */
@WebMvcTest
class SignedLinkChatTest {

    @Configuration(proxyBeanMethods = false)
    @Import({WebChatConfiguration.class, HarnessBeans.class})
    static class Context {
        @Bean
        ConversationHarness harness() {
            return TestRoster.school();
        }

        @Bean
        ConversationEngine engine(ConversationHarness harness) {
            return harness.engine();
        }

        @Bean
        WebChatSettings settings() {
            return WebChatSettings.signedLinks(TestRoster.SECRET);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ConversationHarness harness;

    WebLinkSigner signer() {
        return new WebLinkSigner(TestRoster.SECRET, harness.clock);
    }

    String tokenFor(String user) {
        return signer().sign(user, Duration.ofDays(7));
    }

    MockHttpServletRequestBuilder chat(String json) {
        return post("/api/chat").contentType(MediaType.APPLICATION_JSON).characterEncoding(StandardCharsets.UTF_8)
                .content(json);
    }

    static ResultActions expectError(ResultActions result, int status, String inMessage) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error", containsString(inMessage)));
    }

    @Test
    void aValidTokenInTheHeaderSpeaksForItsUser() throws Exception {
        mvc.perform(chat("{\"text\":\"我是谁\"}").header("X-Unionbot-Token", tokenFor("t001")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].text", containsString("王芳老师，您好")));
    }

    @Test
    void theTokenCanComeAsACookie() throws Exception {
        mvc.perform(chat("{\"text\":\"我是谁\"}").cookie(new Cookie("unionbot_token", tokenFor("t002"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].text", containsString("李强老师，您好")));
    }

    @Test
    void aBodyUserEqualToTheTokensIsAccepted() throws Exception {
        mvc.perform(chat("{\"user\":\"t001\",\"text\":\"帮助\"}").header("X-Unionbot-Token", tokenFor("t001")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].text", containsString("我能帮您做这些事")));
    }

    @Test
    void aBodyUserOtherThanTheTokensIs403() throws Exception {
        expectError(mvc.perform(chat("{\"user\":\"t002\",\"text\":\"我是谁\"}")
                .header("X-Unionbot-Token", tokenFor("t001"))), 403, "身份不符");
    }

    @Test
    void withoutATokenTheBodyUserIsNotTrusted() throws Exception {
        expectError(mvc.perform(chat("{\"user\":\"t001\",\"text\":\"我是谁\"}")), 401, "专属链接")
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("王芳"))));
        expectError(mvc.perform(chat("{\"user\":\"t001\",\"text\":\"我是谁\"}").header("X-Unionbot-Token", "  ")),
                401, "专属链接");
    }

    @Test
    void aForgedTokenIs401() throws Exception {
        String other = new WebLinkSigner("another-secret-of-at-least-32-bytes!!", harness.clock)
                .sign("t001", Duration.ofDays(7));
        expectError(mvc.perform(chat("{\"text\":\"我是谁\"}").header("X-Unionbot-Token", other)), 401, "链接无效");
        expectError(mvc.perform(chat("{\"text\":\"我是谁\"}").header("X-Unionbot-Token", "not-a-token")), 401,
                "链接无效");
    }

    @Test
    void aTokenWhoseUserWasSwappedIs401() throws Exception {
        String genuine = tokenFor("t002");
        String signature = genuine.substring(genuine.indexOf('.') + 1);
        long expiry = harness.clock.instant().plus(Duration.ofDays(7)).getEpochSecond();
        String swapped = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("t001." + expiry).getBytes(StandardCharsets.UTF_8)) + "." + signature;
        expectError(mvc.perform(chat("{\"text\":\"我是谁\"}").header("X-Unionbot-Token", swapped)), 401, "链接无效");
    }

    @Test
    void anExpiredTokenIs401SayingSo() throws Exception {
        String expired = signer().sign("t001", harness.clock.instant().minusSeconds(1));
        expectError(mvc.perform(chat("{\"text\":\"我是谁\"}").header("X-Unionbot-Token", expired)), 401, "已过期");
    }

    @Test
    void inputIsStillValidatedForAnAuthenticatedUser() throws Exception {
        expectError(mvc.perform(chat("{}").header("X-Unionbot-Token", tokenFor("t001"))), 400, "缺少消息内容");
        expectError(mvc.perform(chat("{\"text\":\"" + "字".repeat(2001) + "\"}")
                .header("X-Unionbot-Token", tokenFor("t001"))), 400, "最多 2000 个字");
    }

    @Test
    void theDemoPickerDoesNotExist() throws Exception {
        expectError(mvc.perform(get("/api/demo/people")), 404, "未开启")
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("王芳"))));
        expectError(mvc.perform(get("/api/demo/people").header("X-Unionbot-Token", tokenFor("t001"))), 404, "未开启");
    }

    @Test
    void theInboxFollowsTheSameIdentityRules() throws Exception {
        expectError(mvc.perform(get("/api/inbox").param("user", "t001")), 401, "专属链接");
        expectError(mvc.perform(get("/api/inbox").param("user", "t002").header("X-Unionbot-Token", tokenFor("t001"))),
                403, "身份不符");
        mvc.perform(get("/api/inbox").header("X-Unionbot-Token", tokenFor("t001")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages", hasSize(0)));
    }

    @Test
    void aTokenForAnUnboundWebUserGetsTheBindingGuide() throws Exception {
        mvc.perform(chat("{\"text\":\"我是谁\"}").header("X-Unionbot-Token", tokenFor("new-teacher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].text", containsString("绑定方法")))
                .andExpect(jsonPath("$.replies", hasSize(1)))
                .andExpect(jsonPath("$.replies[0].type", is("text")));
    }
}
