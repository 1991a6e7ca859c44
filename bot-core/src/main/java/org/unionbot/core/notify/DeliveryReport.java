package org.unionbot.core.notify;

/** How a reminder went: the counts the committee asks for ("提醒报告"). */
public record DeliveryReport(String sourceKey, int sent, int failed, int unreachable, int skipped, int pending) {
    public int total() {
        return sent + failed + unreachable + skipped + pending;
    }
}
