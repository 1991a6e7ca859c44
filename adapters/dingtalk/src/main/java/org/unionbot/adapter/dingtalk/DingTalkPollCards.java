package org.unionbot.adapter.dingtalk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Platform;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.poll.Poll;
import org.unionbot.core.poll.PollKind;
import org.unionbot.core.poll.PollResult;
import org.unionbot.core.poll.PollService;
import org.unionbot.core.poll.Visibility;

import com.aliyun.dingtalkcard_1_0.models.CreateAndDeliverRequest;
import com.aliyun.dingtalkcard_1_0.models.UpdateCardRequest;

import tools.jackson.databind.node.ObjectNode;

/**
 * Polls delivered as DingTalk interactive cards (互动卡片, platforms.md §3.6), or as ActionCards that link to
 * the poll's web page where no card template is configured.
 *
 * <p>A card's buttons carry {@code {"pollId","choice"}}; a click comes back (Stream topic
 * {@code /v1.0/card/instances/callback}, or the signed HTTP callback) and is run by {@link DingTalkInbound}
 * as the clicking user's private message {@code 投 #<poll> <choice>} — the chat's own vote path, so a member
 * votes once, a retried click is one message, and a secret ballot is handled as privately as a typed one.
 * After the vote the tallies of the poll's cards are updated ({@code PUT /v1.0/card/instances}) when the poll
 * is named and its result is live; secret polls never show a tally and are never delivered into a group.
 *
 * <p>Card data (every value a string, as DingTalk's {@code cardParamMap} wants): {@code pollId}, {@code title},
 * {@code deadline}, {@code secret}, {@code status}, {@code statusText}, {@code options} (a JSON array of
 * {@code {index,label,pollId,choice}} for the template's button loop), {@code showTally}, {@code tally}
 * (a JSON array of {@code {index,label,count}}) and {@code turnout} ("3/20"). The README describes the template.
 */
final class DingTalkPollCards {
    private static final System.Logger LOG = System.getLogger(DingTalkPollCards.class.getName());
    /** outTrackIds start with this; the rest names the poll and where the card went. */
    static final String TRACK_PREFIX = "unionbot-poll-";

    private final DingTalkSettings settings;
    private final DingTalkApi api;
    private final PollService polls;
    private final PollPageLinks links;
    /** Cards delivered since start, per poll: outTrackId → the app that delivered it. */
    private final Map<Long, Map<String, DingTalkSettings.App>> delivered = new ConcurrentHashMap<>();

    DingTalkPollCards(DingTalkSettings settings, DingTalkApi api, PollService polls, PollPageLinks links) {
        this.settings = settings;
        this.api = api;
        this.polls = polls;
        this.links = links;
    }

    PollService polls() {
        return polls;
    }

    /** What a delivery did, for the committee member's answer. */
    record Sent(int cards, int actionCards, int failed) {
    }

    /**
     * Delivers the poll into a group the robot is in: a card (or an ActionCard to the poll page). Secret
     * polls are refused here; the caller sends them privately instead.
     */
    Sent toGroup(DingTalkSettings.App app, String openConversationId, Poll poll) {
        if (poll.secret()) {
            throw new IllegalArgumentException("secret polls are never delivered into a group");
        }
        try {
            if (settings.cards().configured()) {
                String outTrackId = TRACK_PREFIX + poll.id() + "-g-" + PollCards.digest(openConversationId);
                var request = base(poll, outTrackId).setOpenSpaceId("dtv1.card//IM_GROUP." + openConversationId)
                        .setImGroupOpenSpaceModel(new CreateAndDeliverRequest.CreateAndDeliverRequestImGroupOpenSpaceModel()
                                .setSupportForward(false))
                        .setImGroupOpenDeliverModel(new CreateAndDeliverRequest.CreateAndDeliverRequestImGroupOpenDeliverModel()
                                .setRobotCode(app.robotCode()));
                api.createAndDeliverCard(app, request);
                remember(poll.id(), outTrackId, app);
                return new Sent(1, 0, 0);
            }
            // A group has no one member to sign a personal link for: the ActionCard opens the poll page's
            // address when one is configured, otherwise the poll goes out as markdown with the chat way to vote.
            String url = settings.pollPageBaseUrl();
            ObjectNode param = DingTalkJson.object().put("title", poll.title()).put("text", markdown(poll));
            if (url == null || url.isBlank()) {
                api.groupSend(app, openConversationId, "sampleMarkdown", param);
            } else {
                param.put("singleTitle", DingTalkTexts.get("poll.card.open")).put("singleURL", url);
                api.groupSend(app, openConversationId, "sampleActionCard", param);
            }
            return new Sent(0, 1, 0);
        } catch (DeliveryException failed) {
            LOG.log(System.Logger.Level.WARNING, "poll {0} not delivered to a DingTalk group: {1}",
                    String.valueOf(poll.id()), failed.getMessage());
            return new Sent(0, 0, 1);
        }
    }

    /**
     * Delivers the poll privately to every member of its electorate who is bound on DingTalk: a card each, or
     * an ActionCard with the member's own signed link to the poll page.
     */
    Sent toElectorate(DingTalkSettings.App app, Poll poll) {
        int cards = 0;
        int actionCards = 0;
        int failed = 0;
        for (long memberId : polls.repository().electorate(poll.id())) {
            for (PlatformIdentity identity : polls.members().identitiesOf(memberId)) {
                if (identity.platform() != Platform.DINGTALK) {
                    continue;
                }
                try {
                    if (toMember(app, poll, memberId, identity.platformUserId())) {
                        cards++;
                    } else {
                        actionCards++;
                    }
                } catch (DeliveryException e) {
                    failed++;
                    LOG.log(System.Logger.Level.WARNING, "poll {0} not delivered privately on DingTalk: {1}",
                            String.valueOf(poll.id()), e.getMessage());
                }
            }
        }
        return new Sent(cards, actionCards, failed);
    }

    /** One member's private copy; true when it was an interactive card. */
    boolean toMember(DingTalkSettings.App app, Poll poll, long memberId, String userId) {
        if (settings.cards().configured()) {
            String outTrackId = TRACK_PREFIX + poll.id() + "-u-" + PollCards.digest(userId);
            var request = base(poll, outTrackId).setOpenSpaceId("dtv1.card//IM_ROBOT." + userId)
                    .setImRobotOpenSpaceModel(new CreateAndDeliverRequest.CreateAndDeliverRequestImRobotOpenSpaceModel()
                            .setSupportForward(false))
                    .setImRobotOpenDeliverModel(new CreateAndDeliverRequest.CreateAndDeliverRequestImRobotOpenDeliverModel()
                            .setSpaceType("IM_ROBOT").setRobotCode(app.robotCode()));
            api.createAndDeliverCard(app, request);
            remember(poll.id(), outTrackId, app);
            return true;
        }
        String url = links == null ? settings.pollPageBaseUrl() : links.voteUrl(poll, memberId);
        if (url == null || url.isBlank()) {
            throw new DeliveryException("no poll page link for the ActionCard (set unionbot.web.public-url)", false,
                    null);
        }
        ObjectNode param = DingTalkJson.object().put("title", poll.title()).put("text", markdown(poll))
                .put("singleTitle", DingTalkTexts.get("poll.card.vote")).put("singleURL", url);
        api.batchSend(app, List.of(userId), "sampleActionCard", param);
        return false;
    }

    /**
     * After a click: shows the current tally on every card of the poll (and on the clicked one, which may be
     * from before a restart) when the poll is named and its result is live. Failures are logged only: the
     * vote itself has been counted already.
     */
    void refresh(DingTalkSettings.App clickedVia, long pollId, String clickedOutTrackId) {
        Poll poll = polls.find(pollId).orElse(null);
        if (poll == null || !showsTally(poll)) {
            return;
        }
        Map<String, String> data = tallyData(poll, polls.result(pollId));
        Map<String, DingTalkSettings.App> cards = new LinkedHashMap<>(delivered.getOrDefault(pollId, Map.of()));
        if (clickedOutTrackId != null && clickedOutTrackId.startsWith(TRACK_PREFIX + pollId + "-")) {
            cards.putIfAbsent(clickedOutTrackId, clickedVia);
        }
        cards.forEach((outTrackId, app) -> {
            var request = new UpdateCardRequest().setOutTrackId(outTrackId).setUserIdType(1)
                    .setCardData(new UpdateCardRequest.UpdateCardRequestCardData().setCardParamMap(data))
                    .setCardUpdateOptions(new UpdateCardRequest.UpdateCardRequestCardUpdateOptions()
                            .setUpdateCardDataByKey(true).setUpdatePrivateDataByKey(true));
            try {
                api.updateCard(app, request);
            } catch (DeliveryException failed) {
                LOG.log(System.Logger.Level.WARNING, "tally of poll {0} not updated on a card: {1}",
                        String.valueOf(pollId), failed.getMessage());
            }
        });
    }

    /** Only named polls whose result everyone in the electorate may see while it runs show a tally. */
    static boolean showsTally(Poll poll) {
        return !poll.secret() && poll.spec().visibility() == Visibility.LIVE;
    }

    private CreateAndDeliverRequest base(Poll poll, String outTrackId) {
        Map<String, String> data = new LinkedHashMap<>(cardData(poll));
        if (showsTally(poll)) {
            data.putAll(tallyData(poll, polls.result(poll.id())));
        }
        var request = new CreateAndDeliverRequest().setCardTemplateId(settings.cards().templateId())
                .setOutTrackId(outTrackId).setUserIdType(1)
                .setCardData(new CreateAndDeliverRequest.CreateAndDeliverRequestCardData().setCardParamMap(data));
        if (settings.cards().httpCallbacks()) {
            request.setCallbackType("HTTP").setCallbackRouteKey(settings.cards().callbackRouteKey());
        } else {
            request.setCallbackType("STREAM");
        }
        return request;
    }

    /** The card's fixed data: title, deadline and one button per option. */
    Map<String, String> cardData(Poll poll) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("pollId", String.valueOf(poll.id()));
        data.put("title", poll.title());
        data.put("deadline", polls.deadline(poll));
        data.put("secret", String.valueOf(poll.secret()));
        data.put("status", poll.isOpen() ? "open" : "closed");
        data.put("statusText", DingTalkTexts.get(poll.isOpen() ? "poll.card.status.open" : "poll.card.status.closed"));
        var options = DingTalkJson.array();
        List<String> labels = poll.spec().options();
        for (int i = 0; i < labels.size(); i++) {
            options.addObject().put("index", String.valueOf(i + 1)).put("label", labels.get(i))
                    .put("pollId", String.valueOf(poll.id())).put("choice", String.valueOf(i + 1));
        }
        data.put("options", DingTalkJson.write(options));
        data.put("showTally", String.valueOf(showsTally(poll)));
        return data;
    }

    /** The changing part: status, tally and turnout (only ever built for polls that may show them). */
    Map<String, String> tallyData(Poll poll, PollResult result) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("status", poll.isOpen() ? "open" : "closed");
        data.put("statusText", DingTalkTexts.get(poll.isOpen() ? "poll.card.status.open" : "poll.card.status.closed"));
        var tally = DingTalkJson.array();
        List<String> labels = poll.spec().options();
        for (int option : result.optionNumbers()) {
            String count = poll.kind() == PollKind.RATING
                    ? String.format("%.2f", result.averages()[option - 1]) : String.valueOf(result.count(option));
            tally.addObject().put("index", String.valueOf(option)).put("label", labels.get(option - 1))
                    .put("count", count);
        }
        data.put("tally", DingTalkJson.write(tally));
        data.put("turnout", result.voted() + "/" + result.electorate());
        return data;
    }

    /** The ActionCard's markdown: the question, the options and how to answer in chat. */
    private String markdown(Poll poll) {
        StringBuilder text = new StringBuilder("### ").append(poll.title()).append("\n\n");
        List<String> labels = poll.spec().options();
        for (int i = 0; i < labels.size(); i++) {
            text.append(i + 1).append(". ").append(labels.get(i)).append("\n\n");
        }
        text.append(DingTalkTexts.format("poll.card.deadline", polls.deadline(poll))).append("\n\n");
        text.append(DingTalkTexts.format(poll.secret() ? "poll.card.howto.secret" : "poll.card.howto",
                String.valueOf(poll.id())));
        return text.toString();
    }

    private void remember(long pollId, String outTrackId, DingTalkSettings.App app) {
        delivered.computeIfAbsent(pollId, id -> new ConcurrentHashMap<>()).put(outTrackId, app);
    }

    /** The outTrackIds of the poll's cards delivered since start (for tests and diagnostics). */
    Set<String> cardsOf(long pollId) {
        return Set.copyOf(delivered.getOrDefault(pollId, Map.of()).keySet());
    }

}
