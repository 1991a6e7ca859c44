package org.unionbot.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.testing.ConversationHarness;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web chat on a real Tomcat, wired the way the application will wire it: settings bound from
 * {@code unionbot.web.*}, the page served from {@code static/}, and the body limit holding for a chunked
 * upload that announces no length.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"unionbot.web.demo-identities=true", "unionbot.web.max-text-length=300"})
class WebChatServerIT {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EnableConfigurationProperties(WebChatSettings.class)
    @Import({WebChatConfiguration.class, HarnessBeans.class})
    static class App {
        @Bean
        ConversationHarness harness() {
            return TestRoster.school();
        }

        @Bean
        ConversationEngine engine(ConversationHarness harness) {
            return harness.engine();
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    WebChatSettings settings;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> postJson(String json) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/chat")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    @Test
    void settingsAreBoundFromProperties() {
        assertThat(settings).isEqualTo(new WebChatSettings(true, null, 300));
    }

    @Test
    void thePageAndItsAssetsAreServed() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/")).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>工会助手</title>", "name=\"viewport\"", "chat.js", "chat.css",
                "<label for=\"text\"", "<label for=\"person\"", "<label for=\"person-search\"");

        HttpResponse<String> script = send(HttpRequest.newBuilder(uri("/chat.js")).GET().build());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(script.body()).contains("api/chat", "api/inbox", "X-Unionbot-Token", "textContent")
                .doesNotContain("innerHTML");

        HttpResponse<String> style = send(HttpRequest.newBuilder(uri("/chat.css")).GET().build());
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.body()).contains("pre-wrap");
    }

    @Test
    void aMemberChatsOverHttp() throws Exception {
        HttpResponse<String> response = postJson("{\"user\":\"t001\",\"text\":\"帮助\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("replies").get(0).get("text").asString()).contains("我能帮您做这些事");

        JsonNode people = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/demo/people")).GET().build()).body());
        assertThat(people.get(0).get("name").asString()).isEqualTo("王芳");
    }

    @Test
    void theConfiguredTextLimitApplies() throws Exception {
        HttpResponse<String> response = postJson("{\"user\":\"t001\",\"text\":\"" + "字".repeat(301) + "\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asString()).contains("最多 300 个字");
    }

    @Test
    void aChunkedBodyPastTheLimitIs413() throws Exception {
        byte[] huge = ("{\"user\":\"t001\",\"text\":\"" + "x".repeat(200 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri("/api/chat")).header("Content-Type", "application/json")
                // An InputStream publisher has no known length: the body goes chunked, without Content-Length.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build();
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("error").asString()).contains("不能超过 64 KB");
    }

    @Test
    void aDeclaredLengthPastTheLimitIs413() throws Exception {
        String huge = "{\"user\":\"t001\",\"text\":\"" + "x".repeat(100 * 1024) + "\"}";
        HttpResponse<String> response = postJson(huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("error").asString()).contains("不能超过 64 KB");
    }

    @Test
    void badRequestsGetJsonNotAnErrorPage() throws Exception {
        HttpResponse<String> malformed = postJson("{\"user\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("error").asString()).contains("请求格式不正确");
        assertThat(malformed.body()).doesNotContain("trace", "Exception");

        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/api/chat")).GET().build());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(wrongMethod.body()).get("error").asString()).contains("POST");

        HttpResponse<String> plain = send(HttpRequest.newBuilder(uri("/api/chat")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("帮助", StandardCharsets.UTF_8)).build());
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(plain.body()).get("error").asString()).contains("JSON");
    }
}
