package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.UnionRole;

/**
 * The embedded default as a school first meets it: no database configured, the embedded MariaDB starts
 * under the data directory, the demo school is loaded once and kept across a restart, and anyone on the
 * page may pick a demo person.
 */
class EmbeddedDefaultIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsWithTheDemoSchoolAndKeepsDataAcrossRestarts(@TempDir Path data) throws Exception {
        try (ConfigurableApplicationContext app = start(data)) {
            assertThat(data.resolve("mariadb")).isDirectory();
            MemberRepository members = app.getBean(MemberRepository.class);
            assertThat(members.count()).isEqualTo(200);
            assertThat(members.groups()).hasSize(8);
            assertThat(members.findByRole(UnionRole.CHAIR)).hasSize(1);
            assertThat(members.findByRole(UnionRole.DELEGATE)).hasSizeGreaterThan(10);
            assertThat(members.findAll()).anyMatch(m -> m.tags().contains("退休"))
                    .anyMatch(m -> m.tags().contains("女职工"));
            assertThat(chat(app, "chair", "我是谁")).contains("主席", "T000");
            // a change made by the union must survive the restart, not be overwritten by the demo
            app.getBean(org.unionbot.core.member.roster.RosterImporter.class).importTable(
                    org.unionbot.core.member.roster.RosterFiles.readCsv(new java.io.StringReader(
                            "姓名,工号,状态\n新来的老师,T900,在职\n")));
        }
        try (ConfigurableApplicationContext again = start(data)) {
            MemberRepository members = again.getBean(MemberRepository.class);
            assertThat(members.count()).isEqualTo(201);
            assertThat(members.findByStaffNo("T900")).isPresent();
            assertThat(chat(again, "t002", "我是谁")).contains("T002");
        }
    }

    private ConfigurableApplicationContext start(Path data) {
        // Command-line arguments, not builder properties: those are defaults that application.yml overrides.
        return new SpringApplicationBuilder(UnionBotApplication.class)
                .run("--server.port=0", "--unionbot.data-dir=" + data, "--unionbot.db.url=");
    }

    private String chat(ConfigurableApplicationContext app, String user, String text) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"text\":\"" + text + "\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
