package org.unionbot.adapter.wechat;

/** The WeChat API answered with a non-zero {@code errcode} (or could not be reached: {@code errcode} -2). */
public final class MpApiException extends RuntimeException {
    /** Not an API answer: the network or the HTTP status failed. */
    public static final int UNREACHABLE = -2;

    private final int errcode;

    MpApiException(int errcode, String errmsg, Throwable cause) {
        super("WeChat API error " + errcode + ": " + errmsg, cause);
        this.errcode = errcode;
    }

    public int errcode() {
        return errcode;
    }

    /** Worth retrying later: busy (-1), quota exceeded (45009), or the network. */
    public boolean transientFailure() {
        return errcode == -1 || errcode == 45009 || errcode == UNREACHABLE;
    }
}
