package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.unionbot.adapter.web.WebLinkSigner;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.roster.RosterFiles;
import org.unionbot.core.member.roster.RosterImporter;
import org.unionbot.core.message.Platform;
import org.unionbot.core.poll.Electorate;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollAnnouncer;
import org.unionbot.core.poll.PollDraft;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.PollService;
import org.unionbot.core.poll.Visibility;
import org.unionbot.persistence.testing.TestDatabase;

/**
 * A web group board survives a restart: the application announces a poll on the board web:board (工会公告栏)
 * and stops; a second application over the same database shows the announcement on GET /api/group and
 * adds the result under it when the poll closes.
 */
class GroupBoardRestartIT {
    private static final String SECRET = "it-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
    private final JdbcTemplate sql = new JdbcTemplate(TestDatabase.dataSource());
    private final HttpClient http = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(UnionBotApplication.class).run(
                "--unionbot.db.url=" + TestDatabase.jdbcUrl(), "--server.port=0",
                "--unionbot.web.link-secret=" + SECRET,
                "--unionbot.channels.groups[0].name=工会公告栏", "--unionbot.channels.groups[0].target=web:board");
    }

    private String board(ConfigurableApplicationContext app) throws Exception {
        String token = new WebLinkSigner(SECRET, app.getBean(Clock.class)).sign("web-P001", Duration.ofHours(1));
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/group?name=" + URLEncoder.encode("board", StandardCharsets.UTF_8)))
                .header("X-Unionbot-Token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aPollAnnouncementOnAWebBoardIsStillThereAfterARestart() throws Exception {
        TestDatabase.truncateAll();
        long pollId;
        try (var app = start()) {
            app.getBean(RosterImporter.class).importTable(RosterFiles.readCsv(new StringReader(
                    "姓名,工号,性别,工会小组,角色,手机\n吴强,P000,男,行政组,主席,13900002222\n周敏,P001,女,语文组,会员,13800001111\n")));
            MemberRepository members = app.getBean(MemberRepository.class);
            long p001 = members.findByStaffNo("P001").orElseThrow().id();
            members.bindIdentity(new PlatformIdentity(Platform.WEB, "web-P001", p001));
            Poll poll = app.getBean(PollService.class).open(new PollDraft("春游去哪里", PollKind.SINGLE,
                    List.of("苏州", "杭州"), 1, 0, Electorate.all(), false, false, Visibility.LIVE,
                    Instant.now().plus(Duration.ofDays(2)), null, null), members.findByStaffNo("P000").orElseThrow());
            pollId = poll.id();
            assertThat(app.getBean(PollAnnouncer.class).announceOpened(poll, List.of("工会公告栏"))).isEqualTo(1);
            assertThat(board(app)).contains("春游去哪里");
        }
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM web_group_post WHERE board = 'board'", Integer.class))
                .isEqualTo(1);

        try (var app = start()) {
            String after = board(app);
            assertThat(after).contains("春游去哪里", "苏州", "杭州");
            // the board goes on: the result is posted under the announcement, which stays
            app.getBean(PollAnnouncer.class).close(pollId, PollService.SYSTEM);
            String closed = board(app);
            assertThat(closed.indexOf("春游去哪里")).isNotNegative();
            assertThat(sql.queryForObject("SELECT COUNT(*) FROM web_group_post WHERE board = 'board'", Integer.class))
                    .isEqualTo(2);
            assertThat(closed.lastIndexOf("春游去哪里")).isGreaterThan(closed.indexOf("春游去哪里"));
        }
    }
}
