package org.unionbot.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.unionbot.core.command.Command;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.command.CommandSpec;
import org.unionbot.core.command.Locality;
import org.unionbot.core.command.Privilege;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.engine.EngineSettings;
import org.unionbot.core.engine.StandardEngine;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.OutboundRouter;
import org.unionbot.core.testing.ConversationHarness;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer slower than the engine's budget: the page is told "deferred" at once and finds the answer
 * in its inbox, delivered by the real engine through the router to {@link WebOutbound}, as in the app.
 */
@WebMvcTest
class DeferredAnswerTest {

    /** 查工资: a feature command that answers only when the test lets it. */
    static final class SlowCommand implements Command {
        final CountDownLatch release = new CountDownLatch(1);
        private final CommandSpec spec = new CommandSpec("查工资", List.of(), "查工资", "查询本月工资条（慢）",
                Privilege.MEMBER, Locality.PRIVATE);

        @Override
        public CommandSpec spec() {
            return spec;
        }

        @Override
        public Reply execute(CommandContext context) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.text(context.requireMember().name() + "老师，本月工资条已生成：应发 8,888.00 元。");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import({WebChatConfiguration.class, HarnessBeans.class})
    static class Context {
        @Bean
        SlowCommand slowCommand() {
            return new SlowCommand();
        }

        @Bean
        ConversationHarness harness() {
            ConversationHarness harness = ConversationHarness.create();
            TestRoster.addMembers(harness);
            return harness;
        }

        /**
         * The application's engine over the harness's in-memory roster, with the web outbound behind the
         * router (the harness's own engine records outbound messages instead) and a tiny budget.
         */
        @Bean
        ConversationEngine engine(ConversationHarness harness, WebOutbound web, SlowCommand slow) {
            return StandardEngine.build(new StandardEngine.Parts(harness.members, harness.processed, harness.binding,
                    new OutboundRouter(List.of(web)), harness.messages,
                    new EngineSettings(Duration.ofMillis(150), 2, 10), List.of(slow), null));
        }

        @Bean
        WebChatSettings settings() {
            return WebChatSettings.demo();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SlowCommand slow;

    @Autowired
    ConversationHarness harness;

    private JsonNode inbox(String user) throws Exception {
        String json = mvc.perform(get("/api/inbox").param("user", user))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(json);
    }

    @Test
    void aSlowAnswerIsDeferredAndThenWaitsInTheInbox() throws Exception {
        mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user\":\"t001\",\"text\":\"查工资\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies", hasSize(0)))
                .andExpect(jsonPath("$.deferred", is(true)));

        assertThat(inbox("t001").get("messages").size()).as("nothing before the answer is ready").isZero();
        harness.clock.advance(Duration.ofSeconds(5));
        slow.release.countDown();

        List<JsonNode> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            inbox("t001").get("messages").forEach(received::add);
            return !received.isEmpty();
        });
        assertThat(received).hasSize(1);
        JsonNode message = received.get(0);
        assertThat(message.get("type").asString()).isEqualTo("text");
        assertThat(message.get("text").asString()).isEqualTo("王芳老师，本月工资条已生成：应发 8,888.00 元。");
        assertThat(message.get("at").asString()).isEqualTo("2026-09-01T01:00:05Z");

        assertThat(inbox("t001").get("messages").size()).as("taken messages are gone").isZero();
        assertThat(inbox("t002").get("messages").size()).as("other users see nothing").isZero();
    }

    @Test
    void aQuickAnswerIsStillDirect() throws Exception {
        mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user\":\"t002\",\"text\":\"我是谁\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replies[0].text", org.hamcrest.Matchers.containsString("李强老师")))
                .andExpect(jsonPath("$.deferred").doesNotExist());
    }
}
