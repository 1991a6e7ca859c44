package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Polls in the assembled application over HTTP on the real database: created and voted through
 * /api/chat, voted on the poll's web page through a signed per-member link, closed, and exported.
 */
class PollApplicationIT extends SignedWebChatBase {

    @DynamicPropertySource
    static void groups(DynamicPropertyRegistry registry) {
        registry.add("unionbot.channels.groups[0].name", () -> "工会公告栏");
        registry.add("unionbot.channels.groups[0].target", () -> "web:board");
    }

    @BeforeEach
    void roster() throws Exception {
        freshRoster("姓名,工号,性别,工会小组,角色,手机\n"
                + "吴强,P000,男,行政组,主席,13900002222\n"
                + "周敏,P001,女,语文组,会员,13800001111\n"
                + "郑华,P002,男,数学组,会员,13800003333\n"
                + "孙丽,P003,女,数学组,会员,13800004444\n");
        for (String staffNo : new String[] {"P000", "P001", "P002", "P003"}) {
            bindWeb(staffNo, "web-" + staffNo);
        }
    }

    @Test
    void aSecretPollIsCreatedVotedInChatAndOnItsPageClosedAndExported() throws Exception {
        String created = say("web-P000", "发起投票\n标题：秋游去哪里\n类型：单选\n选项：苏州、杭州、黄山\n投票人：全体\n方式：无记名\n截止：2天");
        assertThat(created).contains("投票人共 4 人");
        assertThat(say("web-P000", "确认发起")).contains("已开始");
        long pollId = sql.queryForObject("SELECT id FROM poll", Long.class);

        assertThat(say("web-P001", "2")).contains("已记录", "回执码");
        assertThat(say("web-P002", "投 3")).contains("已记录");

        // P003 votes on the web page through their personal link
        String linkReply = say("web-P003", "网页投票");
        Matcher link = Pattern.compile("http://localhost:8080(/poll/vote\\?t=[A-Za-z0-9_.-]+)").matcher(linkReply);
        assertThat(link.find()).as(linkReply).isTrue();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri(link.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("秋游去哪里", "无记名投票", "type=\"radio\"", "3. 黄山");
        String token = link.group(1).substring(link.group(1).indexOf("t=") + 2);
        HttpResponse<String> voted = form("/poll/vote", "t=" + enc(token) + "&choice=2");
        assertThat(voted.statusCode()).isEqualTo(200);
        assertThat(voted.body()).contains("已记录", "2.杭州", "回执码");
        HttpResponse<String> again = form("/poll/vote", "t=" + enc(token) + "&choice=1");
        assertThat(again.statusCode()).isEqualTo(409);
        HttpResponse<String> forged = form("/poll/vote", "t=" + enc(token.substring(0, token.length() - 2) + "xx") + "&choice=1");
        assertThat(forged.statusCode()).isEqualTo(403);
        // a chat token is not a ballot token
        String chatToken = token("web-P003");
        assertThat(form("/poll/vote", "t=" + enc(chatToken) + "&choice=1").statusCode()).isEqualTo(403);

        assertThat(say("web-P000", "还有谁没投票")).contains("已投 3 人", "应投 4 人").doesNotContain("周敏");
        assertThat(say("web-P000", "结束投票")).contains("实投 3 人", "1. 苏州：0 票", "2. 杭州：2 票", "3. 黄山：1 票", "结论：杭州");

        // Exact totals by SQL: three participations, three ballots, no named links.
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM poll_participation WHERE poll_id = ?", Integer.class, pollId)).isEqualTo(3);
        assertThat(sql.queryForList("SELECT choices FROM ballot WHERE poll_id = ? ORDER BY choices", String.class, pollId))
                .containsExactly("2", "2", "3");
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM poll_named_ballot", Integer.class)).isZero();

        String exportReply = say("web-P000", "导出投票 #" + pollId);
        Matcher xlsx = Pattern.compile("http://localhost:8080(/poll/export\\?format=xlsx&t=[A-Za-z0-9_.-]+)").matcher(exportReply);
        assertThat(xlsx.find()).as(exportReply).isTrue();
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(uri(xlsx.group(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("poll-" + pollId + ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            DataFormatter f = new DataFormatter();
            assertThat(f.formatCellValue(book.getSheet("结果").getRow(6).getCell(1))).isEqualTo("杭州");
            assertThat(book.getSheet("结果").getRow(6).getCell(2).getNumericCellValue()).isEqualTo(2.0);
            assertThat(book.getSheet("选票").getLastRowNum()).isEqualTo(3);
            assertThat(book.getSheet("记名")).isNull();
        }
        assertThat(say("web-P001", "导出投票 #" + pollId)).contains("仅限工会委员");
        assertThat(sql.queryForList("SELECT action FROM poll_audit WHERE poll_id = ? ORDER BY id", String.class, pollId))
                .containsExactly("created", "closed", "exported");
    }

    @Test
    void theApiOpensAPollForACommitteeMemberOnly() throws Exception {
        String form = "{\"form\":\"标题：评议\\n类型：评分5\\n选项：校长、副校长\\n投票人：全体\\n方式：无记名\\n截止：1天\\n法定人数：2/3\"}";
        HttpResponse<String> created = api(form, token("web-P000"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"electorate\":4", "\"secret\":true");
        assertThat(sql.queryForObject("SELECT CONCAT(kind, ' ', scale_max, ' ', quorum_num, '/', quorum_den) FROM poll",
                String.class)).isEqualTo("RATING 5 2/3");
        assertThat(api(form, token("web-P001")).statusCode())
                .isEqualTo(403);
        assertThat(api(form, null).statusCode()).isEqualTo(401);
        HttpResponse<String> bad = api("{\"form\":\"标题：x\"}", token("web-P000"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("类型");
        assertThat(say("web-P001", "投 5 4")).contains("已记录", "校长 5、副校长 4");
    }

    @Test
    void aGuidedPollIsAnnouncedOnTheGroupBoardAndEditedThroughTheApiUntilTheFirstVote() throws Exception {
        assertThat(say("web-P000", "发起投票")).contains("第 1 步");
        say("web-P000", "春游去哪里");
        say("web-P000", "1");
        say("web-P000", "苏州、杭州");
        say("web-P000", "全体");
        say("web-P000", "1");
        assertThat(say("web-P000", "2天")).contains("第 7 步", "工会公告栏");
        assertThat(say("web-P000", "工会公告栏")).contains("请核对", "公告群：工会公告栏");
        assertThat(say("web-P000", "确认")).contains("已开始", "送达 1/1");
        long id = sql.queryForObject("SELECT id FROM poll", Long.class);
        String token = token("web-P000");
        HttpResponse<String> board = http.send(HttpRequest.newBuilder(uri("/api/group?name=board"))
                .header("X-Unionbot-Token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(board.body()).contains("春游去哪里", "请私聊工会助手发送「投票」参加，不要在群里回复");

        HttpResponse<String> edited = edit(id, "{\"form\":\"选项：苏州、杭州、黄山\"}", token);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(sql.queryForObject("SELECT options FROM poll", String.class)).contains("黄山");
        assertThat(edit(id, "{\"form\":\"方式：记名\"}", token).statusCode()).isEqualTo(400);
        assertThat(edit(id, "{\"form\":\"标题：x\"}", token("web-P001")).statusCode()).isEqualTo(403);
        assertThat(say("web-P001", "3")).contains("已记录");
        HttpResponse<String> late = edit(id, "{\"form\":\"截止：5天\"}", token);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("已经有人投票");
        assertThat(sql.queryForList("SELECT action FROM poll_audit ORDER BY id", String.class))
                .containsExactly("created", "edited");
    }

    private HttpResponse<String> edit(long id, String json, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/polls/" + id)).header("Content-Type", "application/json")
                .header("X-Unionbot-Token", token).PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/polls")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("X-Unionbot-Token", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
