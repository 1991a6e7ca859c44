package org.unionbot.core.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the conversation engine.
 *
 * @param answerBudget how long an adapter may wait for an answer; past it the answer is deferred and
 *     sent through the outbound port. WeChat and WeCom give up after 5 s, so adapters keep this below.
 * @param workerThreads handlers running at once; more requests wait in a queue of {@code queueCapacity}
 * @param queueCapacity requests waiting for a worker before new ones are told the bot is busy
 */
public record EngineSettings(Duration answerBudget, int workerThreads, int queueCapacity) {
    public EngineSettings {
        Objects.requireNonNull(answerBudget, "answerBudget");
        if (answerBudget.isNegative() || answerBudget.isZero()) {
            throw new IllegalArgumentException("answerBudget must be positive");
        }
        if (workerThreads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("workerThreads and queueCapacity must be positive");
        }
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofSeconds(4), 64, 2_000);
    }
}
