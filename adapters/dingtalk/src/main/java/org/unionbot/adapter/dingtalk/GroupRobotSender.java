package org.unionbot.adapter.dingtalk;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import org.unionbot.core.outbound.DeliveryException;

import tools.jackson.databind.node.ObjectNode;

/**
 * One custom group robot's queue (platforms.md §3.1, §4): at most {@code perWindow} messages in any
 * {@code window} (DingTalk: 20 a minute, then a 10-minute ban with errcode 410100). Messages wait in order
 * and are never dropped: a throttled or busy answer pauses the queue and the same message goes again; a
 * permanent refusal (bad token or sign, robot removed) is kept aside in {@link #undeliverable()} and logged
 * as an error for the committee to fix, so the queue behind it keeps moving.
 */
final class GroupRobotSender implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GroupRobotSender.class.getName());

    /** The robot's rate and back-off; DingTalk's are {@link #DINGTALK}. */
    record Limits(int perWindow, Duration window, Duration blockedPause, Duration busyPause) {
        static final Limits DINGTALK = new Limits(20, Duration.ofMinutes(1), Duration.ofMinutes(10),
                Duration.ofSeconds(5));
    }

    private final DingTalkSettings.GroupRobot robot;
    private final DingTalkApi api;
    private final Limits limits;
    private final LinkedBlockingDeque<ObjectNode> queue = new LinkedBlockingDeque<>();
    private final Deque<Long> sentAt = new ArrayDeque<>();
    private final List<ObjectNode> undeliverable = new CopyOnWriteArrayList<>();
    private final Thread worker;
    private volatile boolean running = true;

    GroupRobotSender(DingTalkSettings.GroupRobot robot, DingTalkApi api, Limits limits) {
        this.robot = robot;
        this.api = api;
        this.limits = limits;
        this.worker = DingTalkJson.daemon("dingtalk-robot-" + robot.name(), this::drain);
        this.worker.start();
    }

    String name() {
        return robot.name();
    }

    /** Queues a robot message (text, markdown, actionCard …); returns at once. */
    void enqueue(ObjectNode message) {
        queue.addLast(message);
    }

    int waiting() {
        return queue.size();
    }

    List<ObjectNode> undeliverable() {
        return List.copyOf(undeliverable);
    }

    private void drain() {
        while (running) {
            ObjectNode message;
            try {
                message = queue.pollFirst(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (message == null) {
                continue;
            }
            try {
                awaitSlot();
                sendOnce(message);
            } catch (InterruptedException e) {
                queue.addFirst(message);
                return;
            }
        }
    }

    private void sendOnce(ObjectNode message) throws InterruptedException {
        try {
            try {
                DingTalkApi.checkErrcode(api.postCustomRobot(robot, message), "group robot " + robot.name());
            } finally {
                // Counted from the answer, not the start: DingTalk counts arrivals, and a request may
                // arrive any time before its answer, so this never lets a window hold one too many.
                sentAt.addLast(System.nanoTime());
            }
        } catch (DingTalkApi.ErrcodeException refused) {
            if (refused.errcode() == 410100) {
                LOG.log(System.Logger.Level.WARNING, "group robot {0} throttled by DingTalk (410100); pausing {1}",
                        robot.name(), limits.blockedPause());
                pauseAndRetry(message, limits.blockedPause());
            } else if (refused.transientFailure()) {
                pauseAndRetry(message, limits.busyPause());
            } else {
                LOG.log(System.Logger.Level.ERROR, "group robot {0} refused a message: {1}; kept aside",
                        robot.name(), refused.getMessage());
                undeliverable.add(message);
            }
        } catch (DeliveryException failed) {
            if (failed.transientFailure()) {
                LOG.log(System.Logger.Level.WARNING, "group robot {0}: {1}; retrying", robot.name(),
                        failed.getMessage());
                pauseAndRetry(message, limits.busyPause());
            } else {
                LOG.log(System.Logger.Level.ERROR, "group robot {0}: {1}; kept aside", robot.name(),
                        failed.getMessage());
                undeliverable.add(message);
            }
        }
    }

    private void pauseAndRetry(ObjectNode message, Duration pause) throws InterruptedException {
        queue.addFirst(message);
        Thread.sleep(pause.toMillis());
        // After a ban the window starts afresh; counting the refused sends would pause again for nothing.
        sentAt.clear();
    }

    /** Blocks until one more message fits in the sliding window. */
    private void awaitSlot() throws InterruptedException {
        long window = limits.window().toNanos();
        while (true) {
            long now = System.nanoTime();
            while (!sentAt.isEmpty() && now - sentAt.peekFirst() >= window) {
                sentAt.removeFirst();
            }
            if (sentAt.size() < limits.perWindow()) {
                return;
            }
            long waitNanos = window - (now - sentAt.peekFirst());
            TimeUnit.NANOSECONDS.sleep(Math.max(waitNanos, 1_000_000));
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        if (!queue.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "group robot {0} stopped with {1} message(s) unsent",
                    robot.name(), queue.size());
        }
    }
}
