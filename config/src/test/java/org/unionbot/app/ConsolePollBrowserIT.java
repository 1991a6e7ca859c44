package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.adapter.admin.e2e.ConsoleBrowser;
import org.unionbot.adapter.web.WebLinkSigner;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Platform;
import org.unionbot.persistence.testing.TestDatabase;

/**
 * Polls in the console end to end (issue 9): the real application on the test database and a real
 * headless Chromium. The chair logs in, imports the roster, creates a named poll with the keyboard only
 * (preview, then 确认发起), two members vote through the web chat's {@code POST /api/chat}, the console
 * shows the turnout with the non-voters' names, the chair closes the poll and downloads the .xlsx and
 * CSV exports, which are opened and checked. Screenshots in adapters/admin/target/e2e-screenshots.
 */
class ConsolePollBrowserIT {
    static final String SECRET = "it-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPollIsCreatedByKeyboardVotedInTheWebChatWatchedClosedAndExported(@TempDir Path dir) throws Exception {
        Path startRoster = dir.resolve("start.xlsx");
        ConsoleSession.xlsx(startRoster, new String[][] {{"姓名", "工号", "性别", "角色", "工会小组"},
                {"许静", "E2E0", "女", "主席", "行政组"}});
        Path upload = dir.resolve("名册.xlsx");
        ConsoleSession.xlsx(upload, new String[][] {{"姓名", "工号", "性别", "角色", "工会小组"},
                {"韩磊", "E2E1", "男", "", "体育组"}, {"宋佳", "E2E2", "女", "", "语文组"}, {"陈晨", "E2E3", "男", "", "语文组"}});

        try (ConsoleSession session = ConsoleSession.start(startRoster, "--unionbot.web.link-secret=" + SECRET)) {
            var app = session.app();
            ConsoleBrowser browser = session.browser();
            int port = session.port();
            MemberRepository members = app.getBean(MemberRepository.class);
            session.loginAsAdmin();

            browser.open("/admin/members/import");
            browser.field("名册文件").sendKeys(upload.toString());
            browser.press("导入");
            assertThat(browser.driver().findElement(By.id("report-summary")).getText()).contains("新增 3 人");
            // The two voters use the web chat: their web accounts are bound (as a binding code would).
            for (String staffNo : List.of("E2E1", "E2E2")) {
                members.bindIdentity(new PlatformIdentity(Platform.WEB, "web-" + staffNo,
                        members.findByStaffNo(staffNo).orElseThrow().id()));
            }

            // Create the poll with the keyboard only: type, Tab between fields, Enter on the buttons.
            browser.open("/admin/polls");
            browser.screenshot("polls-empty");
            browser.open("/admin/polls/new");
            assertThat(unlabelledFields(browser)).as("every form field has a <label>").isEmpty();
            browser.field("标题").sendKeys("期末聚餐地点");
            Actions keys = new Actions(browser.driver());
            keys.sendKeys(Keys.TAB).perform();                          // 类型: 单选 stays
            keys.sendKeys(Keys.TAB).sendKeys("老地方").sendKeys(Keys.ENTER).sendKeys("新饭店")
                    .sendKeys(Keys.ENTER).sendKeys("食堂").perform();    // 选项, one a line
            tabTo(browser, "preview-button");
            browser.screenshot("poll-form-keyboard");
            keys.sendKeys(Keys.ENTER).perform();
            assertThat(browser.driver().findElement(By.id("preview")).getText())
                    .contains("标题：期末聚餐地点", "1. 老地方", "3. 食堂", "方式：记名", "投票人共 4 人");
            browser.screenshot("poll-preview");
            tabTo(browser, "open-button");
            keys.sendKeys(Keys.ENTER).perform();
            assertThat(browser.driver().findElement(By.id("notice")).getText()).contains("已发起");
            String url = browser.driver().getCurrentUrl();
            long pollId = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
            browser.screenshot("poll-opened");

            // Two members vote in the web chat.
            Clock clock = app.getBean(Clock.class);
            assertThat(chat(port, clock, "web-E2E1", "投 2")).contains("已记录");
            assertThat(chat(port, clock, "web-E2E2", "投 2")).contains("已记录");

            browser.open("/admin/polls/" + pollId);
            assertThat(browser.driver().findElement(By.id("turnout")).getText()).contains("已投 2 人 / 应投 4 人（50%）");
            assertThat(browser.driver().findElement(By.id("non-voters")).getText()).contains("许静", "陈晨")
                    .doesNotContain("韩磊");
            assertThat(browser.driver().findElements(By.id("edit-poll"))).as("no edits after the first vote").isEmpty();
            browser.screenshot("poll-turnout");

            browser.press("结束投票");
            assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("已结束");
            assertThat(browser.driver().findElement(By.id("outcome")).getText()).contains("新饭店");
            assertThat(browser.driver().findElement(By.id("result-table")).getText()).contains("新饭店 2");
            browser.screenshot("poll-closed-result");

            browser.driver().findElement(By.id("export-xlsx")).click();
            Path xlsx = browser.download("poll-" + pollId + ".xlsx", Duration.ofSeconds(20));
            try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
                DataFormatter f = new DataFormatter();
                assertThat(f.formatCellValue(book.getSheet("结果").getRow(0).getCell(2))).isEqualTo("期末聚餐地点");
                assertThat(f.formatCellValue(book.getSheet("结果").getRow(6).getCell(1))).isEqualTo("新饭店");
                assertThat(book.getSheet("结果").getRow(6).getCell(2).getNumericCellValue()).isEqualTo(2.0);
                assertThat(book.getSheet("记名").getLastRowNum()).isEqualTo(2);
            }
            browser.driver().findElement(By.id("export-csv")).click();
            Path csv = browser.download("poll-" + pollId + ".csv", Duration.ofSeconds(20));
            assertThat(Files.readString(csv)).startsWith("\uFEFF").contains("期末聚餐地点", "2,新饭店,2", "韩磊", "宋佳");

            browser.open("/admin/audit");
            assertThat(browser.text()).contains("poll.create", "poll.close", "poll.export");
            browser.screenshot("poll-audit");
            JdbcTemplate sql = new JdbcTemplate(TestDatabase.dataSource());
            assertThat(sql.queryForList("SELECT action FROM poll_audit WHERE poll_id = ? ORDER BY id", String.class, pollId))
                    .containsExactly("created", "closed", "exported", "exported");

            // The plan page on the same application: upload a plan with a bad row, read the report and
            // the preview (2027's holiday-relative dates are estimated), approve one series.
            Path plan = dir.resolve("计划.yaml");
            Files.writeString(plan, """
                    items:
                      - key: teachers-day
                        title: 教师节慰问
                        date: 教师节
                        time: "09:00"
                        audience: 全体会员
                        lead: [7]
                      - key: mid-autumn-gifts
                        title: 中秋慰问品发放
                        date: 中秋前3个工作日
                        audience: 全体会员
                      - key: broken
                        title: 坏行
                        date: 每逢星期八
                    """);
            browser.open("/admin/plan");
            assertThat(unlabelledFields(browser)).as("every form field has a <label>").isEmpty();
            browser.field("计划文件").sendKeys(plan.toString());
            browser.press("导入");
            assertThat(browser.driver().findElement(By.id("load-summary")).getText()).contains("待审批 2 项", "有问题的行 1 行");
            assertThat(browser.driver().findElement(By.id("preview")).getText()).contains("教师节慰问", "中秋慰问品发放", "估算");
            browser.screenshot("plan-uploaded");
            browser.driver().findElement(By.cssSelector("button[aria-label='批准「教师节慰问」']")).sendKeys(Keys.ENTER);
            assertThat(browser.driver().findElement(By.id("notice")).getText()).contains("已批准「教师节慰问」");
            assertThat(browser.driver().findElement(By.id("series")).getText()).contains("已批准", "待审批");
            browser.screenshot("plan-approved");
        }
    }

    /** Presses Tab until the element with this id has the focus (at most 60 times). */
    static void tabTo(ConsoleBrowser browser, String id) {
        for (int i = 0; i < 60; i++) {
            WebElement focused = browser.driver().switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return;
            }
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Visible inputs, selects and text areas without a {@code <label for>} naming them. */
    static List<String> unlabelledFields(ConsoleBrowser browser) {
        List<String> missing = new ArrayList<>();
        for (WebElement field : browser.driver().findElements(By.cssSelector("main input, main select, main textarea"))) {
            if ("hidden".equals(field.getAttribute("type"))) {
                continue;
            }
            String id = field.getAttribute("id");
            if (id == null || id.isEmpty()
                    || browser.driver().findElements(By.cssSelector("label[for='" + id + "']")).isEmpty()) {
                missing.add(field.getAttribute("name"));
            }
        }
        return missing;
    }

    private String chat(int port, Clock clock, String user, String text) throws Exception {
        String token = new WebLinkSigner(SECRET, clock).sign(user, Duration.ofHours(1));
        String json = "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .header("Content-Type", "application/json").header("X-Unionbot-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().replace("\\n", "\n");
    }
}
