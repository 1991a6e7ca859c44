package org.unionbot.core.engine;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.unionbot.core.command.CommandContext;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.message.InboundMessage;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.OutboundPort;
import org.unionbot.core.outbound.Recipient;

/**
 * Turns one inbound message into one reply, for every platform alike.
 *
 * <p>The chain runs on the engine's workers under a time budget: WeChat and WeCom drop an answer that
 * takes over 5 s and retry, so past {@link EngineSettings#answerBudget()} the adapter gets
 * {@link Reply.Deferred} at once and the answer follows through the {@link OutboundPort} when ready.
 *
 * <p>The engine never throws to an adapter: a failing handler is logged (without the message body,
 * which may be personal) and answered with a short apology.
 */
public final class ConversationEngine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConversationEngine.class.getName());

    private final MiddlewareChain chain;
    private final OutboundPort outbound;
    private final Messages messages;
    private final EngineSettings settings;
    private final ThreadPoolExecutor workers;

    public ConversationEngine(List<Middleware> middlewares, FallbackHandler fallback, OutboundPort outbound,
                              Messages messages, EngineSettings settings) {
        this.chain = new MiddlewareChain(middlewares, context -> dispatch(context, fallback));
        this.outbound = outbound;
        this.messages = messages;
        this.settings = settings;
        this.workers = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(),
                60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(settings.queueCapacity()), workerThreads());
        this.workers.allowCoreThreadTimeOut(true);
    }

    /** Answers the message; always returns, never throws. */
    public Reply handle(InboundMessage message) {
        CompletableFuture<Reply> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> runChain(message), workers);
        } catch (RejectedExecutionException busy) {
            LOG.log(Level.WARNING, "engine queue full; platform={0}", message.platform().code());
            return Reply.text(messages.get("engine.busy"));
        }
        try {
            return answer.get(settings.answerBudget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            String ticket = UUID.randomUUID().toString();
            LOG.log(Level.INFO, "answer deferred past {0} ms; ticket={1}", settings.answerBudget().toMillis(), ticket);
            answer.thenAccept(reply -> deliverLate(message, reply, ticket));
            return new Reply.Deferred(ticket);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Reply.text(messages.get("engine.error"));
        } catch (ExecutionException unexpected) {
            // runChain catches everything; this is a safety net for errors thrown by the executor itself.
            LOG.log(Level.ERROR, "engine failed", unexpected.getCause());
            return Reply.text(messages.get("engine.error"));
        }
    }

    private Reply runChain(InboundMessage message) {
        try {
            return chain.proceed(new MessageContext(message));
        } catch (RuntimeException | Error failure) {
            LOG.log(Level.ERROR, "handler failed; platform=" + message.platform().code()
                    + " conversation=" + message.conversation().kind(), failure);
            return Reply.text(messages.get("engine.error"));
        }
    }

    private void deliverLate(InboundMessage message, Reply reply, String ticket) {
        if (!(reply instanceof Reply.Say say)) {
            return;
        }
        try {
            outbound.deliver(new Recipient(message.platform(), message.conversation(), message.senderId()), say);
        } catch (RuntimeException failure) {
            LOG.log(Level.ERROR, "deferred answer could not be delivered; ticket=" + ticket, failure);
        }
    }

    private static Reply dispatch(MessageContext context, FallbackHandler fallback) {
        var match = context.command();
        if (match.isPresent()) {
            return match.get().command().execute(
                    new CommandContext(context.message(), context.member(), match.get().arguments()));
        }
        return fallback.answer(context);
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "engine-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
