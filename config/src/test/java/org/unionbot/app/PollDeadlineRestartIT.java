package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.roster.RosterFiles;
import org.unionbot.core.member.roster.RosterImporter;
import org.unionbot.core.poll.Choices;
import org.unionbot.core.poll.Electorate;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollDraft;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.PollService;
import org.unionbot.core.poll.Visibility;
import org.unionbot.persistence.testing.TestDatabase;

/**
 * The deadline close survives a restart: the application (real clustered Quartz on the real database)
 * opens a poll and stops; the deadline passes while nothing runs; the next start closes the poll, once.
 */
class PollDeadlineRestartIT {
    private final JdbcTemplate sql = new JdbcTemplate(TestDatabase.dataSource());

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(UnionBotApplication.class).run(
                "--unionbot.db.url=" + TestDatabase.jdbcUrl(), "--server.port=0");
    }

    @Test
    void aPollWhoseDeadlinePassedWhileTheServiceWasDownClosesOnTheNextStart() throws Exception {
        TestDatabase.truncateAll();
        long pollId;
        try (var app = start()) {
            app.getBean(RosterImporter.class).importTable(RosterFiles.readCsv(new StringReader(
                    "姓名,工号,性别,工会小组,角色,手机\n吴强,R000,男,行政组,主席,13900002222\n周敏,R001,女,语文组,会员,13800001111\n")));
            MemberRepository members = app.getBean(MemberRepository.class);
            PollService service = app.getBean(PollService.class);
            Poll poll = service.open(new PollDraft("截止测试", PollKind.RESOLUTION, List.of(), 1, 0, Electorate.all(), true,
                    false, Visibility.AFTER_CLOSE, Instant.now().plusSeconds(5), null, null),
                    members.findByStaffNo("R000").orElseThrow());
            pollId = poll.id();
            service.vote(pollId, members.findByStaffNo("R001").orElseThrow(), new Choices(List.of(1)), null);
            assertThat(sql.queryForObject("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'poll-close' AND TRIGGER_NAME = ?",
                    Integer.class, String.valueOf(pollId))).isEqualTo(1);
        }
        Thread.sleep(6000); // the deadline passes while the service is down
        assertThat(status(pollId)).isEqualTo("OPEN");
        try (var app = start()) {
            Instant until = Instant.now().plus(Duration.ofSeconds(30));
            while (!"CLOSED".equals(status(pollId)) && Instant.now().isBefore(until)) {
                Thread.sleep(200);
            }
            assertThat(status(pollId)).isEqualTo("CLOSED");
            Thread.sleep(1000);
        }
        assertThat(sql.queryForList("SELECT CONCAT(action, ':', member_id) FROM poll_audit WHERE poll_id = ? ORDER BY id",
                String.class, pollId)).containsExactly("created:" + sql.queryForObject(
                        "SELECT id FROM member WHERE staff_no = 'R000'", Long.class), "closed:0");
    }

    private String status(long pollId) {
        return sql.queryForObject("SELECT status FROM poll WHERE id = ?", String.class, pollId);
    }
}
