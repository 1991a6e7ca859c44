package org.unionbot.adapter.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.testing.ConversationHarness;

/** Neither demo identities nor a link secret: the web chat refuses everyone rather than trust the body. */
@WebMvcTest
class ClosedWebChatTest {

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
            return new WebChatSettings(false, null, WebChatSettings.DEFAULT_MAX_TEXT_LENGTH);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ConversationHarness harness;

    @Test
    void everyChatIsRefusedWithWebChatNotEnabled() throws Exception {
        String token = new WebLinkSigner(TestRoster.SECRET, harness.clock).sign("t001", Duration.ofDays(1));
        mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"user\":\"t001\",\"text\":\"我是谁\"}").header("X-Unionbot-Token", token))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error", containsString("网页聊天尚未开启")))
                .andExpect(content().string(not(containsString("王芳"))));
        mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"帮助\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error", containsString("网页聊天尚未开启")));
    }

    @Test
    void theInboxIsClosedAndThePickerAbsent() throws Exception {
        mvc.perform(get("/api/inbox").param("user", "t001"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error", containsString("网页聊天尚未开启")));
        mvc.perform(get("/api/demo/people"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", containsString("未开启")));
    }
}
