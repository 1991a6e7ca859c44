package org.unionbot.adapter.web;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import org.unionbot.core.knowledge.KnowledgeBase;
import org.unionbot.core.knowledge.KnowledgeFallback;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.InMemoryKnowledgeRepository;
import org.unionbot.core.testing.InMemoryUnansweredQuestions;

/** /api/chat tells a knowledge answer and a did-you-mean apart by their JSON fields. */
@WebMvcTest
class KnowledgeChatTest {

    @Configuration(proxyBeanMethods = false)
    @Import({WebChatConfiguration.class, HarnessBeans.class})
    static class Context {
        @Bean
        ConversationHarness harness() {
            ConversationHarness harness = ConversationHarness.create();
            KnowledgeBase knowledge = new KnowledgeBase(new InMemoryKnowledgeRepository(), harness.messages, null,
                    Map.of("dues.rule", "按月基本工资的0.5%交纳"), KnowledgeBase.Thresholds.DEFAULT);
            knowledge.reload();
            harness.withFallback(new KnowledgeFallback(knowledge, harness.members, new InMemoryUnansweredQuestions(),
                    harness.state, harness.outbound, harness.messages, harness.clock));
            TestRoster.addMembers(harness);
            return harness;
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

    ResultActions say(String user, String text) throws Exception {
        return mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON)
                .characterEncoding(StandardCharsets.UTF_8)
                .content(DemoModeChatTest.body("user", user, "text", text)));
    }

    @Test
    void aKnowledgeAnswerCarriesItsEntry() throws Exception {
        say("t001", "会费每个月交多少钱")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies", hasSize(1)))
                .andExpect(jsonPath("$.replies[0].type", is("knowledge")))
                .andExpect(jsonPath("$.replies[0].text", containsString("按月基本工资的0.5%交纳")))
                .andExpect(jsonPath("$.replies[0].text", containsString("【来源】")))
                .andExpect(jsonPath("$.replies[0].knowledge.id", is("dues-amount")))
                .andExpect(jsonPath("$.replies[0].knowledge.title", is("会费每月交多少、怎么交")))
                .andExpect(jsonPath("$.replies[0].knowledge.confidence", greaterThan(0.5)))
                .andExpect(jsonPath("$.replies[0].choices").doesNotExist());
    }

    @Test
    void aDidYouMeanCarriesTheChoicesAndTheNumberAnswersIt() throws Exception {
        say("t002", "绩效方案教代会通过了吗")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].type", is("choices")))
                .andExpect(jsonPath("$.replies[0].text", containsString("您是想问：")))
                .andExpect(jsonPath("$.replies[0].choices[1]", is("绩效工资分配方案在哪看")))
                .andExpect(jsonPath("$.replies[0].knowledge").doesNotExist())
                .andExpect(jsonPath("$.replies[1].type", is("text")));

        say("t002", "2")
                .andExpect(jsonPath("$.replies[0].type", is("knowledge")))
                .andExpect(jsonPath("$.replies[0].knowledge.id", is("performance-pay")))
                .andExpect(jsonPath("$.replies[0].knowledge.confidence", closeTo(1.0, 0.001)));
    }
}
