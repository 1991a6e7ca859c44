package org.unionbot.adapter.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionbot.core.poll.Electorate;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollDraft;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.Visibility;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/**
 * Polls as DingTalk cards over a real engine with the polls feature: the committee's 投票卡片 delivers the
 * card (exact createAndDeliver request), a click is the chat's vote (once, however often it is retried), the
 * tally on the card is updated for named live polls, secret polls stay private, the ActionCard fallback
 * links to the member's signed poll page, and signed HTTP card callbacks are checked.
 */
class PollCardsIT {
    /** 张建华 (the chair) on DingTalk. */
    static final String CHAIR = "452523285939877040";
    static final String CARD_SECRET = "card api secret";
    private DingTalkFixture dt;

    private void start(DingTalkSettings.Cards cards) {
        dt = new DingTalkFixture(List.of(DingTalkFixture.httpApp()), List.of(), GroupRobotSender.Limits.DINGTALK,
                Duration.ofMinutes(5), Duration.ofSeconds(60), List.of(), server -> { }, cards);
        dt.bind("chair", CHAIR);
        dt.wireMock.stubFor(post(urlEqualTo("/v1.0/card/instances/createAndDeliver"))
                .willReturn(okJson("{\"success\":true,\"result\":{\"outTrackId\":\"x\",\"deliverResults\":"
                        + "[{\"spaceType\":\"IM\",\"spaceId\":\"s\",\"success\":true}]}}")));
        dt.wireMock.stubFor(put(urlEqualTo("/v1.0/card/instances")).willReturn(okJson("{\"success\":true,\"result\":true}")));
        dt.wireMock.stubFor(post(urlEqualTo("/v1.0/robot/oToMessages/batchSend"))
                .willReturn(okJson("{\"processQueryKey\":\"q\"}")));
        dt.wireMock.stubFor(post(urlEqualTo("/v1.0/robot/groupMessages/send"))
                .willReturn(okJson("{\"processQueryKey\":\"q\"}")));
    }

    private static DingTalkSettings.Cards cards() {
        return new DingTalkSettings.Cards("tpl-vote.schema", "http", "unionbot-route", CARD_SECRET);
    }

    @AfterEach
    void close() {
        if (dt != null) {
            dt.close();
        }
    }

    private Poll open(boolean secret, Visibility visibility) {
        var chair = dt.harness.members.findByStaffNo("C000").orElseThrow();
        return dt.polls.open(new PollDraft("春游去哪里", PollKind.SINGLE, List.of("苏州", "杭州"), 1, 0,
                Electorate.all(), secret, false, visibility, dt.harness.clock.instant().plus(Duration.ofDays(2)),
                null, null), chair);
    }

    /** A message said to the robot (group: with the @), through the same path as both transports. */
    private void say(String staffId, boolean group, String text, String msgId) {
        var message = RobotMessage.parse(DingTalkJson.read(dt.robotMessage(msgId, group, group, staffId, text)));
        dt.receivers.inbound.process(DingTalkFixture.httpApp(), message);
    }

    private void click(String userId, String outTrackId, Poll poll, String choice) {
        dt.receivers.inbound.submitCardClick(DingTalkFixture.httpApp(),
                PollCardsTest.click(userId, outTrackId, String.valueOf(poll.id()), choice));
    }

    private List<JsonNode> puts() {
        return dt.wireMock.findAll(putRequestedFor(urlEqualTo("/v1.0/card/instances"))).stream()
                .map(LoggedRequest::getBodyAsString).map(DingTalkJson::read).toList();
    }

    private List<String> privateTexts() {
        return dt.bodiesSentTo("/v1.0/robot/oToMessages/batchSend").stream()
                .map(b -> DingTalkJson.read(b.path("msgParam").asString()).path("content").asString("")).toList();
    }

    @Test
    void cardGoesIntoTheGroupAndAClickIsOneVoteWithTheTallyUpdated() {
        start(cards());
        Poll poll = open(false, Visibility.LIVE);
        String track = DingTalkPollCards.TRACK_PREFIX + poll.id() + "-g-" + PollCards.digest("cidGroup001==");

        say(CHAIR, true, "投票卡片 #" + poll.id(), "msg-c1");

        DingTalkFixture.await("group answer", () -> dt.countTo("/session/ok") == 1);
        assertThat(dt.bodiesSentTo("/session/ok").get(0).path("text").path("content").asString())
                .contains("已把投票 #" + poll.id() + "「春游去哪里」发到本群");
        dt.wireMock.verify(1, postRequestedFor(urlEqualTo("/v1.0/card/instances/createAndDeliver"))
                .withHeader("x-acs-dingtalk-access-token", equalTo("tok-1"))
                .withRequestBody(equalToJson("{\"cardTemplateId\":\"tpl-vote.schema\",\"outTrackId\":\"" + track + "\","
                        + "\"openSpaceId\":\"dtv1.card//IM_GROUP.cidGroup001==\",\"callbackType\":\"HTTP\","
                        + "\"callbackRouteKey\":\"unionbot-route\",\"userIdType\":1,"
                        + "\"imGroupOpenSpaceModel\":{\"supportForward\":false},"
                        + "\"imGroupOpenDeliverModel\":{\"robotCode\":\"dingrobot001\"},"
                        + "\"cardData\":{\"cardParamMap\":{\"pollId\":\"" + poll.id() + "\",\"title\":\"春游去哪里\","
                        + "\"secret\":\"false\",\"status\":\"open\",\"statusText\":\"进行中\",\"showTally\":\"true\","
                        + "\"turnout\":\"0/4\",\"deadline\":\"${json-unit.any-string}\","
                        + "\"options\":\"[{\\\"index\\\":\\\"1\\\",\\\"label\\\":\\\"苏州\\\",\\\"pollId\\\":\\\"" + poll.id()
                        + "\\\",\\\"choice\\\":\\\"1\\\"},{\\\"index\\\":\\\"2\\\",\\\"label\\\":\\\"杭州\\\",\\\"pollId\\\":\\\""
                        + poll.id() + "\\\",\\\"choice\\\":\\\"2\\\"}]\","
                        + "\"tally\":\"[{\\\"index\\\":\\\"1\\\",\\\"label\\\":\\\"苏州\\\",\\\"count\\\":\\\"0\\\"},"
                        + "{\\\"index\\\":\\\"2\\\",\\\"label\\\":\\\"杭州\\\",\\\"count\\\":\\\"0\\\"}]\"}}}")));

        click(DingTalkFixture.WANG, track, poll, "2");
        DingTalkFixture.await("vote answer", () -> privateTexts().size() == 1);
        assertThat(privateTexts().get(0)).contains("已记录您在「春游去哪里」中的投票：2.杭州");
        DingTalkFixture.await("tally update", () -> puts().size() == 1);
        JsonNode update = puts().get(0);
        assertThat(update.path("outTrackId").asString()).isEqualTo(track);
        assertThat(update.path("cardUpdateOptions").path("updateCardDataByKey").asBoolean()).isTrue();
        JsonNode data = update.path("cardData").path("cardParamMap");
        assertThat(data.path("turnout").asString()).isEqualTo("1/4");
        assertThat(DingTalkJson.read(data.path("tally").asString()).get(1).path("count").asString()).isEqualTo("1");

        // DingTalk retries the same click: the engine drops it, nothing is counted or answered twice.
        click(DingTalkFixture.WANG, track, poll, "2");
        DingTalkFixture.await("second tally update", () -> puts().size() == 2);
        dt.settle();
        assertThat(dt.polls.result(poll.id()).voted()).isEqualTo(1);
        assertThat(privateTexts()).hasSize(1);

        click(DingTalkFixture.ZHAO, track, poll, "1");
        DingTalkFixture.await("third tally update", () -> puts().size() == 3);
        JsonNode third = puts().get(2).path("cardData").path("cardParamMap");
        assertThat(third.path("turnout").asString()).isEqualTo("2/4");
        assertThat(dt.polls.result(poll.id()).count(1)).isEqualTo(1);
        assertThat(dt.polls.result(poll.id()).count(2)).isEqualTo(1);
    }

    @Test
    void announcementsToADingTalkGroupAndRemindersToAMemberGoOutAsCardsAndRobotGroupsKeepTheText() {
        start(cards());
        Poll poll = open(false, Visibility.LIVE);
        DingTalkPollPresenter presenter = new DingTalkPollPresenter(dt.pollCards, dt.settings);
        org.unionbot.core.outbound.Recipient group = new org.unionbot.core.outbound.Recipient(
                org.unionbot.core.message.Platform.DINGTALK,
                org.unionbot.core.message.Conversation.group("cidGroup001=="), "cidGroup001==");

        assertThat(presenter.present(group, poll)).isTrue();
        String track = DingTalkPollCards.TRACK_PREFIX + poll.id() + "-g-" + PollCards.digest("cidGroup001==");
        dt.wireMock.verify(1, postRequestedFor(urlEqualTo("/v1.0/card/instances/createAndDeliver"))
                .withRequestBody(matchingJsonPath("$.outTrackId", equalTo(track)))
                .withRequestBody(matchingJsonPath("$.openSpaceId", equalTo("dtv1.card//IM_GROUP.cidGroup001=="))));

        // a custom group robot cannot carry a card, and a secret ballot never goes into a group as one
        org.unionbot.core.outbound.Recipient robot = new org.unionbot.core.outbound.Recipient(
                org.unionbot.core.message.Platform.DINGTALK,
                org.unionbot.core.message.Conversation.group("robot:全体群"), "robot:全体群");
        assertThat(presenter.present(robot, poll)).isFalse();
        assertThat(presenter.present(group, open(true, Visibility.AFTER_CLOSE))).isFalse();
        dt.wireMock.verify(1, postRequestedFor(urlEqualTo("/v1.0/card/instances/createAndDeliver")));

        // a reminder to vote (提醒投票) reaches a member bound on DingTalk as their own card; others are not taken
        long wang = dt.harness.members.findByIdentity(org.unionbot.core.message.Platform.DINGTALK, DingTalkFixture.WANG)
                .orElseThrow().id();
        assertThat(presenter.presentPrivately(new org.unionbot.core.member.PlatformIdentity(
                org.unionbot.core.message.Platform.DINGTALK, DingTalkFixture.WANG, wang), poll)).isTrue();
        dt.wireMock.verify(1, postRequestedFor(urlEqualTo("/v1.0/card/instances/createAndDeliver"))
                .withRequestBody(matchingJsonPath("$.openSpaceId", equalTo("dtv1.card//IM_ROBOT." + DingTalkFixture.WANG))));
        assertThat(presenter.presentPrivately(new org.unionbot.core.member.PlatformIdentity(
                org.unionbot.core.message.Platform.WEB, "t001", wang), poll)).isFalse();
    }

    @Test
    void secretPollNeverGoesIntoTheGroupAndItsCardsShowNoTally() {
        start(cards());
        Poll poll = open(true, Visibility.AFTER_CLOSE);

        say(CHAIR, true, "投票卡片 #" + poll.id(), "msg-s1");

        DingTalkFixture.await("group answer", () -> dt.countTo("/session/ok") == 1);
        assertThat(dt.bodiesSentTo("/session/ok").get(0).path("text").path("content").asString())
                .contains("无记名投票，不在群里发卡片").contains("3 位会员");
        List<JsonNode> created = dt.bodiesSentTo("/v1.0/card/instances/createAndDeliver");
        assertThat(created).hasSize(3).allSatisfy(body -> {
            assertThat(body.path("openSpaceId").asString()).startsWith("dtv1.card//IM_ROBOT.");
            assertThat(body.path("imRobotOpenDeliverModel").path("spaceType").asString()).isEqualTo("IM_ROBOT");
            assertThat(body.path("cardData").path("cardParamMap").has("tally")).isFalse();
            assertThat(body.path("cardData").path("cardParamMap").path("showTally").asString()).isEqualTo("false");
        });
        assertThat(created).extracting(body -> body.path("openSpaceId").asString()).containsExactlyInAnyOrder(
                "dtv1.card//IM_ROBOT." + CHAIR, "dtv1.card//IM_ROBOT." + DingTalkFixture.WANG,
                "dtv1.card//IM_ROBOT." + DingTalkFixture.ZHAO);

        String track = DingTalkPollCards.TRACK_PREFIX + poll.id() + "-u-" + PollCards.digest(DingTalkFixture.WANG);
        click(DingTalkFixture.WANG, track, poll, "1");
        DingTalkFixture.await("vote answer", () -> privateTexts().size() == 1);
        assertThat(privateTexts().get(0)).contains("已记录", "回执码");
        dt.settle();
        assertThat(puts()).isEmpty();
        assertThat(dt.polls.result(poll.id()).voted()).isEqualTo(1);
    }

    @Test
    void withoutACardTemplateAnActionCardLinksEachMemberToTheirSignedPollPage() {
        start(null);
        Poll poll = open(false, Visibility.LIVE);
        var wang = dt.harness.members.findByStaffNo("T001").orElseThrow();

        say(CHAIR, false, "投票卡片 #" + poll.id(), "msg-a1");

        DingTalkFixture.await("chair's answer", () -> dt.countTo("/session/ok") == 1);
        assertThat(dt.bodiesSentTo("/session/ok").get(0).path("text").path("content").asString())
                .contains("私下发给 3 位会员");
        assertThat(dt.countTo("/v1.0/card/instances/createAndDeliver")).isZero();
        var cards = dt.bodiesSentTo("/v1.0/robot/oToMessages/batchSend").stream()
                .filter(b -> b.path("msgKey").asString().equals("sampleActionCard")).toList();
        assertThat(cards).hasSize(3);
        JsonNode toWang = cards.stream()
                .filter(b -> b.path("userIds").get(0).asString().equals(DingTalkFixture.WANG)).findFirst().orElseThrow();
        JsonNode param = DingTalkJson.read(toWang.path("msgParam").asString());
        assertThat(param.path("title").asString()).isEqualTo("春游去哪里");
        assertThat(param.path("singleURL").asString())
                .isEqualTo("https://union.example.edu/poll/vote?t=signed-" + wang.id() + "-" + poll.id());
        assertThat(param.path("text").asString()).contains("1. 苏州", "2. 杭州", "投 #" + poll.id());
    }

    @Test
    void withoutACardTemplateTheGroupGetsThePollAsMarkdownWithTheChatWayToVote() {
        start(null);
        Poll poll = open(false, Visibility.LIVE);

        say(CHAIR, true, "投票卡片 #" + poll.id(), "msg-g1");

        DingTalkFixture.await("group send", () -> dt.countTo("/v1.0/robot/groupMessages/send") == 1);
        JsonNode sent = dt.bodiesSentTo("/v1.0/robot/groupMessages/send").get(0);
        assertThat(sent.path("openConversationId").asString()).isEqualTo("cidGroup001==");
        assertThat(sent.path("msgKey").asString()).isEqualTo("sampleMarkdown");
        assertThat(DingTalkJson.read(sent.path("msgParam").asString()).path("text").asString())
                .contains("春游去哪里", "1. 苏州", "2. 杭州", "投 #" + poll.id());
        assertThat(dt.countTo("/v1.0/card/instances/createAndDeliver")).isZero();
    }

    @Test
    void onlyTheCommitteeSendsCards() {
        start(cards());
        Poll poll = open(false, Visibility.LIVE);

        say(DingTalkFixture.WANG, false, "投票卡片 #" + poll.id(), "msg-m1");

        DingTalkFixture.await("answer", () -> dt.countTo("/session/ok") == 1);
        dt.settle();
        assertThat(dt.countTo("/v1.0/card/instances/createAndDeliver")).isZero();
    }

    @Test
    void signedHttpCardCallbackVotesAndForgedOrStaleOnesAreRefused() {
        start(cards());
        Poll poll = open(false, Visibility.LIVE);
        var controller = new CardCallbackController(dt.parts, dt.receivers.inbound);
        byte[] body = DingTalkJson.write(PollCardsTest.click(DingTalkFixture.WANG, "unionbot-poll-" + poll.id() + "-g-x",
                String.valueOf(poll.id()), "1")).getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis();
        String appKey = DingTalkFixture.APP_KEY;

        assertThat(controller.receive(appKey, Long.toString(now), "forged", body).getStatusCode().value()).isEqualTo(403);
        long stale = now - Duration.ofMinutes(10).toMillis();
        assertThat(controller.receive(appKey, Long.toString(stale), RobotSignatures.cardCallbackSign(stale, CARD_SECRET),
                body).getStatusCode().value()).isEqualTo(403);
        assertThat(controller.receive(appKey, null, null, body).getStatusCode().value()).isEqualTo(403);
        assertThat(controller.receive("unknown", Long.toString(now), RobotSignatures.cardCallbackSign(now, CARD_SECRET),
                body).getStatusCode().value()).isEqualTo(404);
        dt.settle();
        assertThat(dt.polls.result(poll.id()).voted()).isZero();

        var ok = controller.receive(appKey, Long.toString(now), RobotSignatures.cardCallbackSign(now, CARD_SECRET), body);
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(ok.getBody()).isEqualTo("{}");
        DingTalkFixture.await("vote counted", () -> dt.polls.result(poll.id()).voted() == 1);
        DingTalkFixture.await("tally update", () -> puts().size() == 1);
    }

    @Test
    void cardCallbackSignatureFollowsTheDocumentedAlgorithm() throws Exception {
        // Base64(HmacSHA256(key = apiSecret, data = timestamp as decimal text)), computed independently here.
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("this is a secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.Base64.getEncoder().encodeToString(
                mac.doFinal("1577262236757".getBytes(StandardCharsets.UTF_8)));
        assertThat(RobotSignatures.cardCallbackSign(1577262236757L, "this is a secret")).isEqualTo(expected);
        assertThat(RobotSignatures.verifyCardCallback(expected, 1577262236757L, "this is a secret")).isTrue();
        assertThat(RobotSignatures.verifyCardCallback(expected, 1577262236758L, "this is a secret")).isFalse();
    }
}
