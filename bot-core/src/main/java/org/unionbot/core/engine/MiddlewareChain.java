package org.unionbot.core.engine;

import java.util.List;
import java.util.function.Function;
import org.unionbot.core.message.Reply;

/** An explicit chain: the middlewares in order, then the final handler. */
public final class MiddlewareChain {
    private final List<Middleware> middlewares;
    private final Function<MessageContext, Reply> last;
    private final int position;

    public MiddlewareChain(List<Middleware> middlewares, Function<MessageContext, Reply> last) {
        this(List.copyOf(middlewares), last, 0);
    }

    private MiddlewareChain(List<Middleware> middlewares, Function<MessageContext, Reply> last, int position) {
        this.middlewares = middlewares;
        this.last = last;
        this.position = position;
    }

    public Reply proceed(MessageContext context) {
        if (position == middlewares.size()) {
            return last.apply(context);
        }
        return middlewares.get(position).handle(context, new MiddlewareChain(middlewares, last, position + 1));
    }
}
