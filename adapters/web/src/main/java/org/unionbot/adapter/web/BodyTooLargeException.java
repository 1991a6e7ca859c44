package org.unionbot.adapter.web;

import java.io.IOException;

/** Thrown by the guarded request stream once a body grows past the limit, whatever Content-Length said. */
final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }

    /** True when {@code failure} or one of its causes is this exception. */
    static boolean isCauseOf(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
