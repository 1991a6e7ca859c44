package org.unionbot.adapter.web.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.unionbot.adapter.web.HarnessBeans;
import org.unionbot.adapter.web.WebChatSettings;
import org.unionbot.adapter.web.WebLinkSigner;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.poll.InMemoryPollRepository;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollEditor;
import org.unionbot.core.poll.PollService;
import org.unionbot.core.poll.Visibility;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.RecordingTaskScheduler;

/** {@code POST/PUT /api/polls} refuse what the chat refuses, with the same Chinese explanation. */
@WebMvcTest
class PollApiTest {
    static final String SECRET = "test-only-link-secret-0123456789abcdef";

    @Configuration(proxyBeanMethods = false)
    @Import({PollApiController.class, HarnessBeans.class})
    static class Context {
        @Bean
        ConversationHarness harness() {
            ConversationHarness harness = ConversationHarness.create();
            harness.addMember(new MemberDraft("李强", "T002", Gender.MALE, null, null, null, "5678", "数学组",
                    Set.of(UnionRole.COMMITTEE), Set.of()), "t002");
            harness.addMember(new MemberDraft("王芳", "T001", Gender.FEMALE, null, null, null, "1234", "语文组",
                    Set.of(UnionRole.MEMBER), Set.of()), "t001");
            return harness;
        }

        @Bean
        InMemoryPollRepository pollRepository() {
            return new InMemoryPollRepository();
        }

        @Bean
        PollService pollService(ConversationHarness h, InMemoryPollRepository polls) {
            return new PollService(polls, h.members, new RecordingTaskScheduler(), h.outbound, h.messages, h.clock);
        }

        @Bean
        PollEditor pollEditor(PollService service) {
            return new PollEditor(service, null, null);
        }

        @Bean
        WebChatSettings settings() {
            return WebChatSettings.signedLinks(SECRET);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ConversationHarness harness;
    @Autowired
    InMemoryPollRepository polls;

    String committeeToken() {
        return new WebLinkSigner(SECRET, harness.clock).sign("t002", Duration.ofDays(1));
    }

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String form) {
        String body = "{\"form\":\"" + form.replace("\n", "\\n") + "\"}";
        return request.header("X-Unionbot-Token", committeeToken()).contentType(MediaType.APPLICATION_JSON)
                .characterEncoding(StandardCharsets.UTF_8).content(body);
    }

    @Test
    void aSecretPollWithALiveTallyIsRefusedWithTheReasonAndNothingOpens() throws Exception {
        // the context (and its repository) is shared by the tests of this class
        int before = polls.recent(100).size();
        mvc.perform(json(post("/api/polls"), "标题：评优\n类型：单选\n选项：甲、乙\n投票人：全体\n方式：无记名\n截止：2天\n结果：实时"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("无记名投票不能实时公布结果")))
                .andExpect(jsonPath("$.error", containsString("暴露刚投票的人选了什么")));
        assertThat(polls.recent(100)).hasSize(before);

        // the same form with a named ballot, or a secret one with results after close, opens
        mvc.perform(json(post("/api/polls"), "标题：评优\n类型：单选\n选项：甲、乙\n投票人：全体\n方式：记名\n截止：2天\n结果：实时"))
                .andExpect(status().isCreated());
        mvc.perform(json(post("/api/polls"), "标题：评优\n类型：单选\n选项：甲、乙\n投票人：全体\n方式：无记名\n截止：2天\n结果：结束后"))
                .andExpect(status().isCreated());
        assertThat(polls.recent(100)).hasSize(before + 2);
    }

    @Test
    void anEditCannotTurnASecretPollsResultsLive() throws Exception {
        mvc.perform(json(post("/api/polls"), "标题：换届\n类型：单选\n选项：甲、乙\n投票人：全体\n方式：无记名\n截止：2天"))
                .andExpect(status().isCreated());
        Poll secret = polls.recent(1).get(0);
        mvc.perform(json(put("/api/polls/" + secret.id()), "结果：实时"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("无记名投票不能实时公布结果")));
        assertThat(polls.find(secret.id()).orElseThrow().spec().visibility()).isEqualTo(Visibility.AFTER_CLOSE);
    }
}
