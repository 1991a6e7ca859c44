package org.unionbot.adapter.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.testing.ConversationHarness;
import tools.jackson.databind.json.JsonMapper;

/** The web chat in demo mode over the real engine: the page names the user, anyone in the roster. */
@WebMvcTest
class DemoModeChatTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

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
            return WebChatSettings.demo();
        }
    }

    @Autowired
    MockMvc mvc;

    static String body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return JSON.writeValueAsString(map);
    }

    ResultActions chat(String json) throws Exception {
        return mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON)
                .characterEncoding(StandardCharsets.UTF_8).content(json));
    }

    ResultActions say(String user, String text) throws Exception {
        return chat(body("user", user, "text", text));
    }

    ResultActions expectError(ResultActions result, int status, String inMessage) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error", containsString(inMessage)))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("at org."))));
    }

    @Test
    void helpListsWhatTheMemberCanDo() throws Exception {
        say("t001", "帮助")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies", hasSize(1)))
                .andExpect(jsonPath("$.replies[0].type", is("text")))
                .andExpect(jsonPath("$.replies[0].text", containsString("我能帮您做这些事")))
                .andExpect(jsonPath("$.replies[0].text", containsString("我是谁")))
                .andExpect(jsonPath("$.replies[0].at").doesNotExist())
                .andExpect(jsonPath("$.deferred").doesNotExist());
    }

    @Test
    void whoAmIAnswersWithTheChosenMembersRecord() throws Exception {
        say("t001", "我是谁")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].text", containsString("王芳老师，您好")))
                .andExpect(jsonPath("$.replies[0].text", containsString("工号：T001")))
                .andExpect(jsonPath("$.replies[0].text", containsString("语文组")));
        say("t002", "我是谁")
                .andExpect(jsonPath("$.replies[0].text", containsString("李强老师，您好")))
                .andExpect(jsonPath("$.replies[0].text", containsString("委员")));
    }

    @Test
    void userIdIsTrimmedLikeAnIdentifier() throws Exception {
        say("  t001 ", "我是谁").andExpect(jsonPath("$.replies[0].text", containsString("王芳老师")));
    }

    @Test
    void anUnknownUserReachesTheEngineAndGetsTheBindingGuide() throws Exception {
        say("visitor-42", "我是谁")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].text", containsString("还没有和工会会员信息绑定")))
                .andExpect(jsonPath("$.replies[0].text", containsString("绑定方法")));
    }

    @Test
    void aResentMessageIdIsAnsweredOnlyOnce() throws Exception {
        String json = body("user", "t001", "text", "帮助", "messageId", "page-msg-7f3a");
        chat(json).andExpect(status().isOk()).andExpect(jsonPath("$.replies", hasSize(1)));
        chat(json).andExpect(status().isOk())
                .andExpect(jsonPath("$.replies", hasSize(0)))
                .andExpect(jsonPath("$.deferred").doesNotExist());
    }

    @Test
    void anotherUsersPageMayReuseTheSameMessageId() throws Exception {
        chat(body("user", "t001", "text", "我是谁", "messageId", "1"))
                .andExpect(jsonPath("$.replies[0].text", containsString("王芳老师")));
        chat(body("user", "t002", "text", "我是谁", "messageId", "1"))
                .andExpect(jsonPath("$.replies[0].text", containsString("李强老师")));
    }

    @Test
    void emojiPassThroughUntouchedAndCountOncePerCharacter() throws Exception {
        say("t001", "复述 👍🎉 工会活动😀 👨‍👩‍👧")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].text", is("👍🎉 工会活动😀 👨‍👩‍👧")));

        String prefix = "复述 ";
        String emoji = "😀".repeat(2000 - prefix.length()); // 2000 code points, 3994 UTF-16 units
        say("t001", prefix + emoji)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].text", is(emoji)));
    }

    @Test
    void injectionTextIsPlainTextAndComesBackVerbatimAsJson() throws Exception {
        String sql = "'; DROP TABLE member; --";
        String html = "<script>alert('工会')</script><img src=x onerror=alert(1)>";
        say("t001", "复述 " + sql)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.replies[0].text", is(sql)));
        say("t001", "复述 " + html).andExpect(jsonPath("$.replies[0].text", is(html)));
        // Said to the bot as a question, it is just an unanswered question; the roster is still there.
        say("t001", sql).andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].text", containsString("答不上来")));
        say("t001", "我是谁").andExpect(jsonPath("$.replies[0].text", containsString("王芳老师")));
    }

    @Test
    void unknownFieldsAreIgnoredSoThePageCanGrow() throws Exception {
        chat("{\"user\":\"t001\",\"text\":\"帮助\",\"theme\":\"dark\",\"extra\":{\"a\":[1,2]}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].text", containsString("我能帮您做这些事")));
    }

    @Test
    void malformedJsonIs400WithAChineseMessage() throws Exception {
        expectError(chat("{\"user\": \"t001\", \"text\": \"帮助\""), 400, "请求格式不正确");
        expectError(chat("user=t001&text=帮助"), 400, "请求格式不正确");
        expectError(chat("{\"user\": \"t001\", \"text\": {\"nested\": true}}"), 400, "请求格式不正确");
        expectError(chat("[\"t001\", \"帮助\"]"), 400, "请求格式不正确");
    }

    @Test
    void anEmptyBodyIs400() throws Exception {
        expectError(chat(""), 400, "请求内容为空");
        expectError(chat("null"), 400, "JSON");
    }

    @Test
    void aMissingOrBlankUserIs400() throws Exception {
        expectError(chat(body("text", "帮助")), 400, "请先选择您是谁");
        expectError(say("   ", "帮助"), 400, "请先选择您是谁");
        expectError(say("", "帮助"), 400, "请先选择您是谁");
    }

    @Test
    void anImplausibleUserIdIs400() throws Exception {
        expectError(say("t".repeat(65), "帮助"), 400, "最长 64 个字符");
        expectError(say("t001\nt002", "帮助"), 400, "用户标识不正确");
    }

    @Test
    void aMissingTextIs400() throws Exception {
        expectError(chat(body("user", "t001")), 400, "缺少消息内容");
        expectError(chat("{\"user\":\"t001\",\"text\":null}"), 400, "缺少消息内容");
    }

    @Test
    void aBadMessageIdIs400() throws Exception {
        expectError(chat(body("user", "t001", "text", "帮助", "messageId", "m".repeat(65))), 400, "messageId");
    }

    @Test
    void textOverTheLimitIs400NamingTheLimit() throws Exception {
        expectError(say("t001", "字".repeat(2001)), 400, "最多 2000 个字")
                .andExpect(jsonPath("$.error", containsString("这条有 2001 个字")));
        expectError(say("t001", "😀".repeat(2001)), 400, "这条有 2001 个字");
    }

    @Test
    void aBodyOver64KilobytesIs413() throws Exception {
        String big = body("user", "t001", "text", "x".repeat(70 * 1024));
        expectError(chat(big), 413, "不能超过 64 KB");
    }

    @Test
    void aNonJsonContentTypeIs415() throws Exception {
        expectError(mvc.perform(post("/api/chat").contentType(MediaType.TEXT_PLAIN).content("帮助")), 415, "JSON");
        expectError(mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("user=t001&text=help")), 415, "JSON");
        expectError(mvc.perform(post("/api/chat").content(body("user", "t001", "text", "帮助"))), 415, "JSON");
    }

    @Test
    void otherMethodsAre405WithJson() throws Exception {
        expectError(mvc.perform(get("/api/chat")), 405, "不支持这种请求方式")
                .andExpect(header().string("Allow", "POST"));
        expectError(mvc.perform(put("/api/chat").contentType(MediaType.APPLICATION_JSON).content("{}")), 405, "POST");
        expectError(mvc.perform(post("/api/inbox").param("user", "t001")), 405, "GET");
    }

    @Test
    void aClientThatOnlyAcceptsHtmlStillGetsAJsonRefusalNot500() throws Exception {
        mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_HTML)
                        .content(body("user", "t001", "text", "帮助")))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error", containsString("请求不正确")));
    }

    @Test
    void thePersonPickerListsWebIdentitiesSortedWithGroupsAndRoles() throws Exception {
        mvc.perform(get("/api/demo/people"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].user", is("t001")))
                .andExpect(jsonPath("$[0].name", is("王芳")))
                .andExpect(jsonPath("$[0].group", is("语文组")))
                .andExpect(jsonPath("$[0].roles[0]", is("会员")))
                .andExpect(jsonPath("$[1].user", is("t002")))
                .andExpect(jsonPath("$[1].name", is("李强")))
                .andExpect(jsonPath("$[1].group", is("数学组")))
                .andExpect(jsonPath("$[1].roles[0]", is("委员")))
                .andExpect(jsonPath("$[2].user", is("t003")))
                .andExpect(jsonPath("$[2].group").value((Object) null))
                .andExpect(jsonPath("$[2].roles[0]", is("主席")))
                .andExpect(jsonPath("$[2].roles[1]", is("教代会代表")))
                .andExpect(content().string(not(containsString("赵磊"))))
                .andExpect(content().string(not(containsString("1234"))));
    }

    @Test
    void theInboxNeedsAUserAndIsEmptyWhenNothingWaits() throws Exception {
        mvc.perform(get("/api/inbox").param("user", "t003"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages", hasSize(0)));
        expectError(mvc.perform(get("/api/inbox")), 400, "请先选择您是谁");
    }

    @Test
    void theInboxHandsOutWhatTheWebOutboundDeliveredOnce(@Autowired WebOutbound outbound) throws Exception {
        outbound.deliver(new Recipient(Platform.WEB, Conversation.privateWith("t002"), "t002"),
                Reply.text("明天下午三点工会活动，别忘了 <带水杯>。"));
        mvc.perform(get("/api/inbox").param("user", "t002"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages", hasSize(1)))
                .andExpect(jsonPath("$.messages[0].type", is("text")))
                .andExpect(jsonPath("$.messages[0].text", is("明天下午三点工会活动，别忘了 <带水杯>。")))
                .andExpect(jsonPath("$.messages[0].at", is("2026-09-01T01:00:00Z")));
        mvc.perform(get("/api/inbox").param("user", "t002")).andExpect(jsonPath("$.messages", hasSize(0)));
    }
}
