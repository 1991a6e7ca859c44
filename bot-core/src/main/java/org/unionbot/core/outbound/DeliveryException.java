package org.unionbot.core.outbound;

/** A send failed; {@link #transientFailure()} tells whether trying again later may succeed. */
public class DeliveryException extends RuntimeException {
    private final boolean transientFailure;

    public DeliveryException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
