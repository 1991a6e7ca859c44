package org.unionbot.adapter.wecom;

/** The WeCom API answered with a non-zero {@code errcode} (or could not be reached: {@code errcode} -2). */
public final class WecomApiException extends RuntimeException {
    public static final int UNREACHABLE = -2;

    private final int errcode;

    WecomApiException(int errcode, String errmsg, Throwable cause) {
        super("WeCom API error " + errcode + ": " + errmsg, cause);
        this.errcode = errcode;
    }

    public int errcode() {
        return errcode;
    }

    /** Busy (-1), frequency limits (45009, 45033), or the network: worth trying again later. */
    public boolean transientFailure() {
        return errcode == -1 || errcode == 45009 || errcode == 45033 || errcode == UNREACHABLE;
    }
}
