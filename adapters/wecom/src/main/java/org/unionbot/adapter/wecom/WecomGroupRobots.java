package org.unionbot.adapter.wecom;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import me.chanjar.weixin.cp.api.WxCpGroupRobotService;

/**
 * Group robots (群机器人) as announcement channels: {@code POST /cgi-bin/webhook/send?key=KEY}.
 *
 * <p>WeCom allows 20 messages a minute per robot. Each robot has its own queue and sender thread: a
 * message waits its turn (never dropped) until fewer than 20 went out in the last
 * {@code robot-window}; when WeCom refuses a send (any non-zero errcode, the rate-limit code not being
 * documented — platforms.md §2.4 — or the network fails) the robot pauses {@code robot-backoff} and the
 * same message is tried again. Texts over 2048 bytes and markdown over 4096 bytes are split on line
 * boundaries into several messages, in order.
 *
 * <p>The request and its JSON are WxJava's ({@code WxCpGroupRobotService.sendText/sendMarkdown} with the
 * webhook URL on {@code api-base-url}); the queue, the window and the back-off are ours, because WxJava
 * sends at once and would drop what WeCom refuses.
 *
 * <p>Entry points: {@link #sendText} and {@link #sendMarkdown}; the futures complete when WeCom accepted
 * every part.
 */
public final class WecomGroupRobots implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WecomGroupRobots.class.getName());
    static final int TEXT_MAX_BYTES = 2048;
    static final int MARKDOWN_MAX_BYTES = 4096;

    private final WecomClients clients;
    private final WxCpGroupRobotService service;
    private final Duration window;
    private final Duration backoff;
    private final Map<String, Robot> robots = new HashMap<>();

    WecomGroupRobots(WecomSettings settings, WecomClients clients) {
        this.clients = clients;
        this.service = clients.webhooks().getGroupRobotService();
        this.window = settings.robotWindow();
        this.backoff = settings.robotBackoff();
        for (WecomSettings.GroupRobot robot : settings.groupRobots()) {
            robots.put(robot.name(), new Robot(robot));
        }
    }

    public List<String> names() {
        return List.copyOf(robots.keySet());
    }

    /**
     * A text announcement. Mentions: WeCom UserIDs (or {@code "@all"}) and mobile numbers; they are
     * attached to the first part.
     */
    public CompletableFuture<Void> sendText(String robotName, String text, List<String> mentionedUserIds,
                                            List<String> mentionedMobiles) {
        Robot robot = robot(robotName);
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        boolean first = true;
        for (String part : split(text, TEXT_MAX_BYTES)) {
            // Mentions ride on the first part only, so nobody is notified once per part.
            List<String> users = first && mentionedUserIds != null ? List.copyOf(mentionedUserIds) : List.of();
            List<String> mobiles = first && mentionedMobiles != null ? List.copyOf(mentionedMobiles) : List.of();
            first = false;
            parts.add(robot.enqueue(webhook -> service.sendText(webhook, part, users, mobiles)));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
    }

    /** A markdown announcement (WeCom's subset; {@code <@userid>} mentions work inside the text). */
    public CompletableFuture<Void> sendMarkdown(String robotName, String markdown) {
        Robot robot = robot(robotName);
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (String part : split(markdown, MARKDOWN_MAX_BYTES)) {
            parts.add(robot.enqueue(webhook -> service.sendMarkdown(webhook, part)));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
    }

    private Robot robot(String name) {
        Robot robot = robots.get(name);
        if (robot == null) {
            throw new IllegalArgumentException("no group robot named " + name + " is configured");
        }
        return robot;
    }

    /** Splits on line ends (or, for a single over-long line, on characters) into parts of at most {@code max} UTF-8 bytes. */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentBytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (currentBytes + bytes > max) {
                int cut = current.lastIndexOf("\n");
                if (cut > 0) {
                    String rest = current.substring(cut + 1);
                    parts.add(current.substring(0, cut));
                    current = new StringBuilder(rest);
                    currentBytes = rest.getBytes(StandardCharsets.UTF_8).length;
                } else {
                    parts.add(current.toString());
                    current = new StringBuilder();
                    currentBytes = 0;
                }
                continue;
            }
            current.appendCodePoint(cp);
            currentBytes += bytes;
            i += Character.charCount(cp);
        }
        if (!current.isEmpty() || parts.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    /** One WxJava send to the robot's webhook URL. */
    @FunctionalInterface
    private interface Send {
        void to(String webhook) throws me.chanjar.weixin.common.error.WxErrorException;
    }

    private record Pending(Send send, CompletableFuture<Void> done) {}

    /** One robot: a queue, a thread, the send times of the current window. */
    private final class Robot {
        private final String webhook;
        private final String name;
        private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        private final Deque<Long> sentAt = new ArrayDeque<>();
        private final Thread worker;

        Robot(WecomSettings.GroupRobot robot) {
            this.name = robot.name();
            this.webhook = clients.webhookUrl(robot.key());
            this.worker = new Thread(this::run, "wecom-robot-" + robot.name());
            this.worker.setDaemon(true);
            this.worker.start();
        }

        CompletableFuture<Void> enqueue(Send send) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            queue.add(new Pending(send, done));
            return done;
        }

        private void run() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Pending next = queue.take();
                    while (true) {
                        waitForWindow();
                        sentAt.addLast(System.nanoTime());
                        if (trySend(next.send())) {
                            next.done().complete(null);
                            break;
                        }
                        Thread.sleep(backoff.toMillis()); // refused or unreachable: pause, then the same message again
                    }
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }

        private void waitForWindow() throws InterruptedException {
            long windowNanos = window.toNanos();
            while (true) {
                long now = System.nanoTime();
                while (!sentAt.isEmpty() && now - sentAt.peekFirst() >= windowNanos) {
                    sentAt.pollFirst();
                }
                if (sentAt.size() < WecomSettings.ROBOT_MESSAGES_PER_WINDOW) {
                    return;
                }
                long sleepNanos = windowNanos - (now - sentAt.peekFirst());
                Thread.sleep(Math.max(1, sleepNanos / 1_000_000 + 1));
            }
        }

        private boolean trySend(Send send) {
            try {
                WecomClients.call(() -> {
                    send.to(webhook);
                    return null;
                });
                return true;
            } catch (WecomApiException e) {
                // errcode -2: unreachable; otherwise WeCom refused (the rate-limit code is not documented).
                LOG.log(Level.WARNING, "group robot {0} did not take a message (errcode {1}); retrying after back-off",
                        name, e.errcode());
            }
            return false;
        }

        void stop() {
            worker.interrupt();
        }
    }

    @Override
    public void close() {
        robots.values().forEach(Robot::stop);
    }
}
