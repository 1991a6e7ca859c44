package org.unionbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.roster.RosterFiles;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;

/**
 * The application on a configured (real) database, over HTTP: no demo data, identities only from
 * signed links, retries stopped by the database, bad input answered with 4xx.
 */
class UnionBotApplicationIT extends SignedWebChatBase {
    @Autowired
    ConversationEngine engine;

    @BeforeEach
    void roster() throws Exception {
        importer.importTable(RosterFiles.readCsv(new StringReader(
                "姓名,工号,性别,工会小组,角色,手机\n"
                        + "周敏🌸,S001,女,语文组,组长,13800001111\n"
                        + "吴强,S002,男,数学组,主席,13900002222\n")));
        // no fresh roster: a truncated database could not show that the demo school was never loaded
        bindWeb("S001", "zhoumin");
    }

    @Test
    void aRealDatabaseNeverGetsTheDemoSchool() {
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM member WHERE staff_no = 'T000'", Integer.class)).isZero();
        assertThat(members.findByStaffNo("T001")).isEmpty();
    }

    @Test
    void aSignedLinkChatsAsItsMember() throws Exception {
        String token = token("zhoumin");
        HttpResponse<String> whoami = post("{\"text\":\"我是谁\"}", token);
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(whoami.body()).contains("周敏🌸老师", "S001", "语文组（组长：周敏🌸）");
        assertThat(post("{\"text\":\"帮助\"}", token).body()).contains("我能帮您做这些事");
    }

    @Test
    void outsideTheDemoTheBodyCannotChooseWhoIsTalking() throws Exception {
        HttpResponse<String> forged = post("{\"user\":\"zhoumin\",\"text\":\"我是谁\"}", null);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).doesNotContain("周敏").contains("error");
        String token = token("zhoumin");
        assertThat(post("{\"user\":\"someone-else\",\"text\":\"我是谁\"}", token).statusCode()).isEqualTo(403);
    }

    @Test
    void badInputGetsAClearFourHundred() throws Exception {
        String token = token("zhoumin");
        HttpResponse<String> malformed = post("{\"text\": ", token);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("error");
        HttpResponse<String> tooLong = post("{\"text\":\"" + "长".repeat(2001) + "\"}", token);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("2000");
        HttpResponse<String> hostile = post("{\"text\":\"'; DROP TABLE member; --\"}", token);
        assertThat(hostile.statusCode()).isEqualTo(200);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM member", Integer.class)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aPlatformRetryRunsOnceEvenThroughTheDatabase() {
        long wu = members.findByStaffNo("S002").orElseThrow().id();
        members.bindIdentity(new PlatformIdentity(Platform.WECOM, "wuqiang", wu));
        String msgId = "MSG-" + System.nanoTime();
        InboundMessage message = InboundMessage.privateText(Platform.WECOM, "wuqiang", "我是谁", msgId, Instant.now());
        assertThat(engine.handle(message)).isInstanceOfSatisfying(Reply.Say.class,
                say -> assertThat(say.text()).contains("吴强", "主席"));
        assertThat(engine.handle(message)).isInstanceOf(Reply.Silent.class);
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM processed_message WHERE dedup_key = ?", Integer.class,
                "wecom:m:wuqiang:" + msgId)).isEqualTo(1);
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"UP\"");
    }

    private HttpResponse<String> post(String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("X-Unionbot-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
