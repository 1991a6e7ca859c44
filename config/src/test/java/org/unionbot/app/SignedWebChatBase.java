package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unionbot.adapter.web.WebLinkSigner;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.roster.RosterFiles;
import org.unionbot.core.member.roster.RosterImporter;
import org.unionbot.core.message.Platform;
import org.unionbot.persistence.testing.TestDatabase;

/**
 * The assembled application on the test database, used the way a teacher's page uses it outside the
 * demo: every request carries the web user's signed link token. Subclasses add their own
 * {@code @DynamicPropertySource} for what else they configure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SignedWebChatBase {
    static final String SECRET = "it-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    @DynamicPropertySource
    static void signedWebChat(DynamicPropertyRegistry registry) {
        registry.add("unionbot.db.url", TestDatabase::jdbcUrl);
        registry.add("unionbot.web.link-secret", () -> SECRET);
    }

    @LocalServerPort
    int port;
    @Autowired
    MemberRepository members;
    @Autowired
    RosterImporter importer;
    @Autowired
    Clock clock;

    final HttpClient http = HttpClient.newHttpClient();
    final JdbcTemplate sql = new JdbcTemplate(TestDatabase.dataSource());

    /** Empties the database and imports {@code csv} (header line included) as the school's roster. */
    void freshRoster(String csv) throws Exception {
        TestDatabase.truncateAll();
        importer.importTable(RosterFiles.readCsv(new StringReader(csv)));
    }

    /** Binds the web user {@code webUser} to the member with {@code staffNo}. */
    void bindWeb(String staffNo, String webUser) {
        members.bindIdentity(new PlatformIdentity(Platform.WEB, webUser, members.findByStaffNo(staffNo).orElseThrow().id()));
    }

    String token(String webUser) {
        return new WebLinkSigner(SECRET, clock).sign(webUser, Duration.ofHours(1));
    }

    /** {@code POST /api/chat} as {@code webUser}; asserts 200 and returns the body with its {@code \n} unescaped. */
    String say(String webUser, String text) throws Exception {
        String json = "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/chat"))
                .header("Content-Type", "application/json").header("X-Unionbot-Token", token(webUser))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().replace("\\n", "\n");
    }

    /** {@code GET path} as {@code webUser}; asserts 200 and returns the body. */
    String get(String path, String webUser) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("X-Unionbot-Token", token(webUser)).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
