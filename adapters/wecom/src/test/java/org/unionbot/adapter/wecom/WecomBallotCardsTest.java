package org.unionbot.adapter.wecom;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.unionbot.core.engine.EngineSettings;
import org.unionbot.core.member.Member;
import org.unionbot.core.poll.Electorate;
import org.unionbot.core.poll.InMemoryPollRepository;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollDraft;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.PollService;
import org.unionbot.core.poll.Visibility;
import org.unionbot.core.poll.VoteCommand;
import org.unionbot.core.testing.RecordingTaskScheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reminder to vote reaches a WeCom member as a vote_interaction card (the message/send body checked as
 * WireMock received it), and submitting the card — WeCom's template_card_event — is the member's vote,
 * counted once however often WeCom retries the callback.
 */
class WecomBallotCardsTest {
    @RegisterExtension
    static WireMockExtension wc = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final InMemoryPollRepository repo = new InMemoryPollRepository();
    private PollService polls;
    private WecomFixture fx;

    private void start() {
        wc.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"tok-cp\",\"expires_in\":7200}")));
        wc.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        fx = new WecomFixture(URI.create(wc.baseUrl()), new EngineSettings(Duration.ofSeconds(4), 4, 100),
                (harness, messenger) -> {
                    WecomBallotCards[] cards = new WecomBallotCards[1];
                    polls = new PollService(repo, harness.members, new RecordingTaskScheduler(), messenger,
                            harness.messages, harness.clock, () -> List.of(cards[0]));
                    cards[0] = new WecomBallotCards(messenger, polls, harness.clock);
                    return List.of(new VoteCommand(polls, List.of()));
                });
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private Member member(String staffNo) {
        return fx.harness.members.findByStaffNo(staffNo).orElseThrow();
    }

    private Poll open(PollKind kind, List<String> options, int max) {
        return polls.open(new PollDraft("春游去哪里", kind, options, max, kind == PollKind.RATING ? 5 : 0,
                Electorate.all(), true, false, Visibility.AFTER_CLOSE,
                fx.harness.clock.instant().plus(Duration.ofDays(2)), null, null), member("C000"));
    }

    private List<JsonNode> sent() {
        return wc.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))).stream()
                .map(r -> JsonMapper.builder().build().readTree(r.getBodyAsString())).toList();
    }

    @Test
    void aReminderIsAVoteCardAndSubmittingItIsTheMembersOneVote() throws Exception {
        start();
        Poll poll = open(PollKind.MULTIPLE, List.of("苏州园林", "杭州西湖", "南京中山陵和明孝陵风景区"), 2);

        polls.nudge(poll.id(), member("C000").id());

        List<JsonNode> cards = sent().stream().filter(b -> b.path("msgtype").asString().equals("template_card")).toList();
        assertThat(cards).as("only 王芳 is bound on WeCom").hasSize(1);
        JsonNode card = cards.get(0);
        assertThat(card.path("touser").asString()).isEqualTo(WecomFixture.WANG);
        assertThat(card.path("agentid").asLong()).isEqualTo(WecomFixture.AGENT);
        JsonNode tc = card.path("template_card");
        assertThat(tc.path("card_type").asString()).isEqualTo("vote_interaction");
        assertThat(tc.path("main_title").path("title").asString()).isEqualTo("春游去哪里");
        assertThat(tc.path("main_title").path("desc").asString()).contains("截止", "无记名投票", "最多选 2 项");
        assertThat(tc.path("task_id").asString()).matches("poll" + poll.id() + "_[0-9a-f]{12}_\\d+")
                .doesNotContain(WecomFixture.WANG);
        assertThat(tc.path("checkbox").path("question_key").asString()).isEqualTo("poll" + poll.id());
        assertThat(tc.path("checkbox").path("mode").asInt()).isEqualTo(1);
        assertThat(tc.path("checkbox").path("option_list")).extracting(o -> o.path("id").asString() + "=" + o.path("text").asString())
                .containsExactly("1=苏州园林", "2=杭州西湖", "3=南京中山陵和明孝陵风…");
        assertThat(tc.path("submit_button").path("key").asString()).isEqualTo("投 #" + poll.id());
        wc.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo("tok-cp"))
                .withRequestBody(matchingJsonPath("$.template_card.submit_button.text", equalTo("提交投票"))));

        // 王芳 ticks 1 and 3 and submits: WeCom calls back, and calls back again (a retry)
        String selected = "<TaskId><![CDATA[" + tc.path("task_id").asString() + "]]></TaskId>"
                + "<CardType><![CDATA[vote_interaction]]></CardType><ResponseCode><![CDATA[rc]]></ResponseCode>"
                + "<SelectedItems><SelectedItem><QuestionKey><![CDATA[poll" + poll.id() + "]]></QuestionKey><OptionIds>"
                + "<OptionId><![CDATA[1]]></OptionId><OptionId><![CDATA[3]]></OptionId></OptionIds></SelectedItem></SelectedItems>";
        String xml = WecomFixture.eventXml(WecomFixture.WANG, "template_card_event", "投 #" + poll.id(), fx.now(), selected);
        var answer = fx.post(xml, fx.now(), WecomFixture.CORP);
        fx.post(xml, fx.now(), WecomFixture.CORP);

        assertThat(org.unionbot.crypto.testing.DocumentedCrypto.field(WecomFixture.open(answer.body()), "Content"))
                .contains("春游去哪里", "回执码");
        assertThat(polls.result(poll.id()).voted()).isEqualTo(1);
        assertThat(polls.result(poll.id()).count(1)).isEqualTo(1);
        assertThat(polls.result(poll.id()).count(3)).isEqualTo(1);
        assertThat(polls.result(poll.id()).count(2)).isZero();
    }

    @Test
    void aRatingPollKeepsTheTextReminderBecauseACheckboxCannotScore() throws Exception {
        start();
        Poll poll = open(PollKind.RATING, List.of("张校长", "李书记"), 2);

        polls.nudge(poll.id(), member("C000").id());

        assertThat(sent()).extracting(b -> b.path("msgtype").asString()).containsExactly("text");
        assertThat(sent().get(0).path("text").path("content").asString()).contains("还没有投票");
    }
}
