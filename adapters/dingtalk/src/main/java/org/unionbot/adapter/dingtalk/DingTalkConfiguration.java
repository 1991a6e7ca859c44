package org.unionbot.adapter.dingtalk;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.core.command.Command;
import org.unionbot.core.engine.ConversationEngine;
import org.unionbot.core.poll.InMemoryPollCardRegistry;
import org.unionbot.core.poll.PollCardRegistry;
import org.unionbot.core.poll.PollService;

import tools.jackson.databind.JsonNode;

/**
 * The DingTalk adapter, for the composition root to import when {@code unionbot.dingtalk} has an app or a
 * group robot (the root decides; this class assumes it is wanted).
 *
 * <p>Needs: a {@link DingTalkSettings} bean and the {@link ConversationEngine}; a unique {@link Clock} bean
 * is used when present. Provides the HTTP callback controllers, the {@link DingTalkOutbound} for the core's
 * outbound router, and one {@link StreamClient} per {@code mode: stream} app, started with the context.
 */
@Configuration(proxyBeanMethods = false)
@Import({RobotCallbackController.class, EventCallbackController.class, CardCallbackController.class})
public class DingTalkConfiguration {

    @Bean(destroyMethod = "close")
    DingTalkParts dingTalkParts(DingTalkSettings settings, ObjectProvider<Clock> clock,
                                ObjectProvider<org.unionbot.core.channel.ChannelActivity> activity) {
        DingTalkParts parts = new DingTalkParts(settings, clock.getIfUnique(Clock::systemUTC));
        parts.activity = activity.getIfAvailable(() -> org.unionbot.core.channel.ChannelActivity.NONE);
        return parts;
    }

    @Bean
    public DingTalkOutbound dingTalkOutbound(DingTalkParts parts) {
        return parts.outbound;
    }

    /**
     * Polls as cards; the web adapter's signed poll links serve the ActionCard fallback when present. The
     * delivered cards are kept in the context's {@link PollCardRegistry} (the database in the application),
     * else in memory. Also a {@link org.unionbot.core.poll.PollClosedListener}: closing a poll updates its cards.
     */
    @Bean
    DingTalkPollCards dingTalkPollCards(DingTalkParts parts, PollService polls,
                                        ObjectProvider<PollPageLinks> links, ObjectProvider<PollCardRegistry> registry) {
        return new DingTalkPollCards(parts.settings, parts.api, polls, links.getIfUnique(),
                registry.getIfUnique(InMemoryPollCardRegistry::new));
    }

    /** Poll announcements to a DingTalk group conversation and reminders to vote go out as cards. */
    @Bean
    DingTalkPollPresenter dingTalkPollPresenter(DingTalkPollCards cards, DingTalkParts parts) {
        return new DingTalkPollPresenter(cards, parts.settings);
    }

    @Bean
    Command dingTalkPollCardCommand(DingTalkPollCards cards, DingTalkParts parts) {
        return new PollCardCommand(cards, parts.settings, parts.webhooks);
    }

    @Bean(destroyMethod = "close")
    DingTalkReceivers dingTalkReceivers(DingTalkParts parts, ConversationEngine engine, DingTalkPollCards cards) {
        return new DingTalkReceivers(parts, engine, cards);
    }

    @Bean
    DingTalkInbound dingTalkInbound(DingTalkReceivers receivers) {
        return receivers.inbound;
    }

    /** Everything that sends; built before the engine, whose deferred answers go through the outbound. */
    static final class DingTalkParts implements AutoCloseable {
        final Clock clock;
        final HttpClient http;
        final DingTalkApi api;
        final SessionWebhooks webhooks;
        final RobotReplies replies;
        final Map<String, GroupRobotSender> groupRobots = new LinkedHashMap<>();
        final DingTalkOutbound outbound;
        final DingTalkSettings settings;
        /** For the console's 渠道 page: robot messages received, callbacks refused. */
        org.unionbot.core.channel.ChannelActivity activity = org.unionbot.core.channel.ChannelActivity.NONE;

        DingTalkParts(DingTalkSettings settings, Clock clock) {
            this(settings, clock, GroupRobotSender.Limits.DINGTALK, 5, Duration.ofSeconds(1));
        }

        DingTalkParts(DingTalkSettings settings, Clock clock, GroupRobotSender.Limits limits, int progressChecks,
                      Duration progressPause) {
            this.settings = settings;
            this.clock = clock;
            this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            this.api = new DingTalkApi(settings, http, clock);
            this.webhooks = new SessionWebhooks(clock);
            this.replies = new RobotReplies(api, clock);
            for (DingTalkSettings.GroupRobot robot : settings.groupRobots()) {
                groupRobots.put(robot.name(), new GroupRobotSender(robot, api, limits));
            }
            this.outbound = new DingTalkOutbound(settings, api, replies, webhooks,
                    new WorkNotices(api, progressChecks, progressPause), groupRobots, clock);
        }

        @Override
        public void close() {
            groupRobots.values().forEach(GroupRobotSender::close);
        }
    }

    /** The receiving side: the worker pool behind every acknowledgement and the Stream connections. */
    static final class DingTalkReceivers implements AutoCloseable {
        /**
         * Messages in work at once; each waits on the engine (and the database), as a web request waits on a
         * Tomcat thread. A full queue makes the receiving thread do the work itself: back-pressure, not loss.
         */
        static final int WORKERS = 16;
        final DingTalkInbound inbound;
        final ExecutorService workers;
        final List<StreamClient> streams = new ArrayList<>();
        final DingTalkParts parts;

        DingTalkReceivers(DingTalkParts parts, ConversationEngine engine) {
            this(parts, engine, null);
        }

        DingTalkReceivers(DingTalkParts parts, ConversationEngine engine, DingTalkPollCards cards) {
            this.parts = parts;
            AtomicInteger count = new AtomicInteger();
            this.workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                    task -> DingTalkJson.daemon("dingtalk-worker-" + count.incrementAndGet(), task));
            this.inbound = new DingTalkInbound(engine, parts.replies, parts.webhooks, workers, cards);
            for (DingTalkSettings.App app : parts.settings.apps()) {
                if (app.receiveMode() == DingTalkSettings.Mode.STREAM) {
                    Map<String, Consumer<JsonNode>> topics = new LinkedHashMap<>();
                    topics.put(StreamClient.BOT_TOPIC, body -> {
                        parts.activity.callbackReceived(org.unionbot.core.message.Platform.DINGTALK, app.appKey());
                        inbound.submit(app, body);
                    });
                    topics.put(StreamClient.CARD_TOPIC, body -> inbound.submitCardClick(app, body));
                    StreamClient client = new StreamClient(app, parts.settings.apiBaseUrl(),
                            parts.settings.streamSilenceLimit(), topics);
                    streams.add(client);
                    client.start();
                }
            }
        }

        @Override
        public void close() {
            streams.forEach(StreamClient::close);
            workers.shutdown();
        }
    }
}
