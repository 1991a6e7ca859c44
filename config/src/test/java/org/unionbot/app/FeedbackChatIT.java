package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.unionbot.core.member.Member;

/**
 * Suggestions through the real application: HTTP /api/chat, the engine, MyBatis and the database.
 * The anonymity proof dumps every column of every table after anonymous submissions.
 */
class FeedbackChatIT extends SignedWebChatBase {
    private static final Pattern CODE = Pattern.compile("JY[A-Z2-9]{8}");
    /** The roster and account tables hold identities by design; every other table must not. */
    private static final List<String> ROSTER_TABLES = List.of("member", "member_identity", "member_role",
            "member_tag", "union_group", "binding_code");

    @DynamicPropertySource
    static void feedback(DynamicPropertyRegistry registry) {
        registry.add("unionbot.feedback.rate-secret", () -> "feedback-it-secret-0123456789");
        registry.add("unionbot.channels.groups[0].name", () -> "工会公告栏");
        registry.add("unionbot.channels.groups[0].target", () -> "web:union-board");
        registry.add("unionbot.feedback.digest.group", () -> "工会公告栏");
        registry.add("unionbot.feedback.care.standards.hospital", () -> "探望一次，慰问金 500 元");
    }

    @BeforeEach
    void roster() throws Exception {
        freshRoster("姓名,工号,性别,工会小组,角色,手机\n"
                + "欧阳秀珍,F001,女,语文组,,13800001111\n"
                + "吴强,F002,男,数学组,主席,13900002222\n"
                + "郑委员,F003,男,数学组,委员、教代会代表,13900003333\n");
        bindWeb("F001", "ouyang-web-7731");
        bindWeb("F002", "wuqiang-web");
        bindWeb("F003", "zheng-web");
    }

    @Test
    void aSuggestionGoesThroughItsLifecycleOverHttp() throws Exception {
        say("ouyang-web-7731", "建议 图书馆周末开放");
        String code = code(say("ouyang-web-7731", "确认提交"));
        String ref = sql.queryForObject("SELECT ref FROM suggestion", String.class);
        assertThat(say("wuqiang-web", "建议列表")).contains("#" + ref, "欧阳秀珍", "图书馆周末开放");
        assertThat(say("wuqiang-web", "指派建议 " + ref + " 郑委员")).contains("交给郑委员办理");
        assertThat(say("zheng-web", "答复建议 " + ref + " 从下月起周六开放")).contains("已通知");
        assertThat(say("ouyang-web-7731", "查询 " + code)).contains("已答复", "从下月起周六开放");
        assertThat(say("zheng-web", "关闭建议 " + ref)).contains("已办结");
        assertThat(sql.queryForObject("SELECT status FROM suggestion", String.class)).isEqualTo("CLOSED");
        assertThat(say("wuqiang-web", "发布答复汇总")).contains("已公开 1 条");
        assertThat(sql.queryForObject("SELECT published_on FROM suggestion", java.time.LocalDate.class)).isNotNull();
        // the digest is on the group's board for everyone, not in anybody's inbox, and names no sender
        assertThat(get("/api/group?name=union-board", "zheng-web")).contains("公开答复", "图书馆周末开放")
                .doesNotContain("欧阳秀珍");
        assertThat(get("/api/inbox", "wuqiang-web")).doesNotContain("公开答复");
    }

    @Test
    void theGuidedSuggestionFlowRunsOverHttpOnTheSharedStateStore() throws Exception {
        assertThat(say("ouyang-web-7731", "我想提建议")).contains("请直接发送您的意见或建议");
        // "建议列表" is a committee command; inside the flow it is the member's text
        assertThat(say("ouyang-web-7731", "建议列表")).contains("请选择提交方式");
        assertThat(say("ouyang-web-7731", "2")).contains("匿名", "建议列表");
        String code = code(say("ouyang-web-7731", "确认"));
        assertThat(sql.queryForObject("SELECT body FROM suggestion", String.class)).isEqualTo("建议列表");
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM conversation_state WHERE state_key LIKE 'engine.flow%'",
                Integer.class)).as("the flow left nothing behind").isZero();
        assertThat(say("ouyang-web-7731", "查询 " + code)).contains("建议列表");
    }

    @Test
    void afterAnonymousSubmissionsNoTableLinksThemToTheSender() throws Exception {
        Member sender = members.findByStaffNo("F001").orElseThrow();
        List<String> bodies = List.of("匿名意见甲：加班费标准不透明", "匿名意见乙：希望取消周末会议");
        List<String> codes = new ArrayList<>();
        say("ouyang-web-7731", "匿名建议 " + bodies.get(0));
        codes.add(code(say("ouyang-web-7731", "确认提交")));
        // the second through the guided flow: its state held the body next to the account until confirmed
        say("ouyang-web-7731", "我想提建议 " + bodies.get(1));
        say("ouyang-web-7731", "2");
        codes.add(code(say("ouyang-web-7731", "确认")));
        say("ouyang-web-7731", "查询 " + codes.get(0)); // reading the answer leaves no trace either

        String senderGroup = String.valueOf(sender.groupId());
        List<String> identifiers = List.of("ouyang-web-7731", "F001", "欧阳秀珍", "13800001111", "1111");
        int rowsSeen = 0;
        for (String table : tables()) {
            List<String> columns = sql.queryForList("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND table_name = ? ORDER BY ordinal_position", String.class, table);
            for (Map<String, Object> row : sql.queryForList("SELECT * FROM `" + table + "`")) {
                rowsSeen++;
                String all = row.values().toString();
                boolean anonymousRow = bodies.stream().anyMatch(all::contains);
                if (!ROSTER_TABLES.contains(table)) {
                    // Identifiers are text; numeric columns are left out, or a random 64-bit row id that
                    // happens to contain "1111" (the phone's last digits) would fail the test by chance.
                    String text = row.values().stream().filter(v -> !(v instanceof Number)).toList().toString();
                    for (String id : identifiers) {
                        assertThat(text).as("%s row %s holds a sender identifier", table, row).doesNotContain(id);
                    }
                }
                if (anonymousRow) {
                    assertThat(table).as("an anonymous body outside the suggestion table").isEqualTo("suggestion");
                    assertThat(columns).contains("sender_member_id", "submitted_at", "submitted_on");
                    for (String column : columns) {
                        Object value = row.get(column);
                        if (value == null) {
                            continue;
                        }
                        String text = value.toString();
                        assertThat(text).as("column %s", column).isNotEqualTo(String.valueOf(sender.id()))
                                .isNotEqualTo(senderGroup);
                        assertThat(value).as("column %s keeps a time", column)
                                .isNotInstanceOf(java.time.LocalDateTime.class)
                                .isNotInstanceOf(java.sql.Timestamp.class);
                    }
                    assertThat(row.get("sender_member_id")).isNull();
                    assertThat(row.get("submitted_at")).isNull();
                    assertThat(row.get("assignee_group_id")).isNull();
                    for (String code : codes) {
                        assertThat(all).as("the clear tracking code").doesNotContain(code);
                    }
                }
            }
        }
        assertThat(rowsSeen).isGreaterThan(0);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM suggestion WHERE mode = 'ANONYMOUS'", Integer.class))
                .isEqualTo(2);
        // The only trace of the submissions besides the rows: counters under a keyed hash, expiring at midnight.
        List<Map<String, Object>> counters = sql.queryForList("SELECT rate_key, used, expires_at FROM feedback_rate");
        assertThat(counters).singleElement().satisfies(c -> {
            assertThat(c.get("rate_key").toString()).matches("[0-9a-f]{64}");
            assertThat(((Number) c.get("used")).intValue()).isEqualTo(2);
            java.time.LocalDateTime expires = (java.time.LocalDateTime) c.get("expires_at");
            assertThat(expires.getMinute()).isZero();
            assertThat(expires.getSecond()).isZero();
        });
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM conversation_state WHERE state_key LIKE 'feedback-draft|%'",
                Integer.class)).as("no draft left behind").isZero();
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM conversation_state WHERE state_key LIKE 'engine.flow%'",
                Integer.class)).as("no flow state left behind").isZero();
    }

    @Test
    void aCareCaseIsSeenByTheChairAloneAndFollowedUpByTheScheduler() throws Exception {
        assertThat(say("ouyang-web-7731", "慰问 住院 郑委员 胆囊手术")).contains("不要在群里转发");
        String ref = sql.queryForObject("SELECT ref FROM care_case WHERE type = 'HOSPITAL'", String.class);
        assertThat(say("wuqiang-web", "慰问列表")).contains("#" + ref, "郑委员", "探望一次，慰问金 500 元");
        say("ouyang-web-7731", "慰问 生育 本人 生了女儿");
        assertThat(say("wuqiang-web", "慰问列表")).contains("本校尚未设定");
        assertThat(say("zheng-web", "慰问详情 " + ref)).contains("没有找到").doesNotContain("胆囊");
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME LIKE ?", Integer.class,
                "%" + ref + "%")).as("a durable follow-up trigger").isEqualTo(1);
        assertThat(say("wuqiang-web", "慰问办结 " + ref + " 已探望")).contains("已办结");
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME LIKE ?", Integer.class,
                "%" + ref + "%")).isZero();
    }

    @Test
    void theDigestIsScheduledDurablyAndAProposalRoundTrips() throws Exception {
        FeedbackScheduling scheduling = new FeedbackScheduling(scheduler, properties, clock);
        scheduling.run(null);
        assertThat(scheduler.isScheduled(FeedbackScheduling.DIGEST)).isTrue();

        assertThat(say("wuqiang-web", "提案征集 5 3 2099-12-31")).contains("已开启");
        assertThat(say("ouyang-web-7731", "提案 标题；理由；措施")).contains("代表").doesNotContain("第1号");
        assertThat(say("zheng-web", "提案 增设教师休息室；课间无处休息；利用空教室")).contains("第1号");
        assertThat(say("zheng-web", "我上次的提案有答复了吗")).contains("第1号", "还没有答复");
    }

    @Autowired
    org.unionbot.core.schedule.TaskScheduler scheduler;
    @Autowired
    FeedbackProperties properties;

    private List<String> tables() {
        return sql.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name", String.class);
    }

    private static String code(String reply) {
        Matcher m = CODE.matcher(reply);
        assertThat(m.find()).as("tracking code in %s", reply).isTrue();
        return m.group();
    }
}
