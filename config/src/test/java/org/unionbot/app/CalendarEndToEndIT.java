package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unionbot.adapter.web.WebLinkSigner;
import org.unionbot.persistence.testing.TestDatabase;

/**
 * The plan end to end in the real application: a YAML plan loaded through {@code POST /api/calendar/plan}
 * (row errors, preview), approved through {@code POST /api/calendar/series/{key}/approve} by the chair's
 * signed token, fired by REAL Quartz a few seconds later, delivered to every member's durable web inbox,
 * and read back through the web chat's {@code GET /api/inbox} with the teacher's own token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarEndToEndIT {
    private static final String SECRET = "calendar-it-secret-0123456789-abcdefghijklmnop";
    private static final int DUE_IN_SECONDS = 20;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("unionbot.db.url", TestDatabase::jdbcUrl);
        registry.add("unionbot.web.link-secret", () -> SECRET);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext app;
    @Autowired
    Clock clock;

    private final JdbcTemplate sql = new JdbcTemplate(TestDatabase.dataSource());
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void roster() throws Exception {
        TestDatabase.truncateAll();
        CalendarItSupport.roster(app, 3);
    }

    private String token(String webUser) {
        return new WebLinkSigner(SECRET, clock).sign(webUser, Duration.ofHours(1));
    }

    private HttpResponse<String> call(String method, String path, String webUser, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "text/plain; charset=utf-8");
        }
        if (webUser != null) {
            request.header("X-Unionbot-Token", token(webUser));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int sent(String source) {
        return sql.queryForObject("SELECT COUNT(*) FROM delivery_log WHERE source_key = ? AND status = 'SENT'",
                Integer.class, source);
    }

    @Test
    void aPlanItemLoadedApprovedAndFiredByQuartzArrivesInTheTeachersWebInbox() throws Exception {
        String plan = CalendarItSupport.planDueIn("e2e", "端到端测试活动", DUE_IN_SECONDS)
                + "  - key: bad-row\n    title: 坏行\n    date: 不是日期\n";
        String source = CalendarItSupport.dayOfKey("e2e", DUE_IN_SECONDS);

        // Only the chair (or a committee member with the right) may load, with a valid token.
        assertThat(call("POST", "/api/calendar/plan", null, plan).statusCode()).isEqualTo(401);
        HttpResponse<String> teacher = call("POST", "/api/calendar/plan", "wT001", plan);
        assertThat(teacher.statusCode()).isEqualTo(403);
        assertThat(teacher.body()).contains("审批提醒需要工会主席");

        HttpResponse<String> loaded = call("POST", "/api/calendar/plan", "wC000", plan);
        assertThat(loaded.statusCode()).isEqualTo(200);
        assertThat(loaded.body()).contains("\"waiting\":[\"e2e\"]", "\"row\":2", "\"field\":\"日期规则\"",
                "\"series\":\"e2e\"", "\"kind\":\"DAY_OF\"", "\"pending\":true");
        assertThat(sql.queryForObject("SELECT status FROM reminder_series WHERE series_key = 'e2e'", String.class))
                .isEqualTo("PENDING");
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'reminder'",
                Integer.class)).as("nothing scheduled before approval").isZero();

        assertThat(call("POST", "/api/calendar/series/e2e/approve", "wT001", null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/calendar/series/nope/approve", "wC000", null).statusCode()).isEqualTo(404);
        HttpResponse<String> approved = call("POST", "/api/calendar/series/e2e/approve", "wC000", null);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("\"status\":\"APPROVED\"", "\"scheduled\":");
        assertThat(call("POST", "/api/calendar/series/e2e/approve", "wC000", null).statusCode()).isEqualTo(409);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'reminder' AND TRIGGER_NAME = ?",
                Integer.class, source)).as("a real Quartz trigger").isEqualTo(1);

        // Real Quartz fires it; every member (3 teachers and the chair) gets it.
        Instant until = Instant.now().plusSeconds(DUE_IN_SECONDS + 60);
        while (sent(source) < 4 && Instant.now().isBefore(until)) {
            Thread.sleep(250);
        }
        assertThat(sent(source)).isEqualTo(4);

        HttpResponse<String> inbox = call("GET", "/api/inbox", "wT002", null);
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("端到端测试活动", "学校礼堂", "【今日提醒】");
        assertThat(call("GET", "/api/inbox", "wT002", null).body()).doesNotContain("端到端测试活动");
        assertThat(call("GET", "/api/inbox", "wT003", null).body()).contains("端到端测试活动");

        // Pausing through the API: approved → paused; pausing again is refused with a reason.
        HttpResponse<String> paused = call("POST", "/api/calendar/series/e2e/pause", "wC000", null);
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(paused.body()).contains("\"status\":\"PAUSED\"");
        assertThat(call("POST", "/api/calendar/series/e2e/pause", "wC000", null).statusCode()).isEqualTo(409);
        assertThat(call("GET", "/api/calendar/series", "wC000", null).body()).contains("\"key\":\"e2e\"",
                "\"status\":\"PAUSED\"");
    }

    @Test
    void anExcelPlanLoadsThroughTheApiWithItsRowErrors() throws Exception {
        byte[] xlsx;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("2026-2027学年计划");
            String[][] rows = {{"编号", "项目", "对象", "日期规则", "提前提醒"},
                    {"women-day", "三八妇女节活动", "女职工", "3月8日", "3"},
                    {"", "坏行", "全体会员", "", ""}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            xlsx = out.toByteArray();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/calendar/plan"))
                .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("X-Unionbot-Token", token("wC000"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(xlsx)).build();
        HttpResponse<String> loaded = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(loaded.statusCode()).isEqualTo(200);
        assertThat(loaded.body()).contains("\"waiting\":[\"women-day\"]", "\"row\":3", "三八妇女节活动");
        // Garbage that looks like a ZIP is refused with a reason, and nothing is stored.
        HttpResponse<String> broken = call("POST", "/api/calendar/plan", "wC000", "PK not really a workbook");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("计划文件无法读取");
    }
}
