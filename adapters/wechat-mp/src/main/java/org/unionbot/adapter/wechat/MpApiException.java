package org.unionbot.adapter.wechat;

import me.chanjar.weixin.common.error.WxErrorException;

/** The WeChat API answered with a non-zero {@code errcode} (or could not be reached: {@code errcode} -2). */
public final class MpApiException extends RuntimeException {
    /** Not an API answer: the network or the HTTP status failed. */
    public static final int UNREACHABLE = -2;
    /** WxJava's codes for "no answer": -99 (I/O in a token-bearing call), 99999 (I/O in 网页授权). */
    private static final int WXJAVA_IO = -99;
    private static final int WXJAVA_OAUTH_IO = 99999;

    private final int errcode;

    MpApiException(int errcode, String errmsg, Throwable cause) {
        super("WeChat API error " + errcode + ": " + errmsg, cause);
        this.errcode = errcode;
    }

    static MpApiException of(WxErrorException e) {
        int code = e.getError() == null ? UNREACHABLE : e.getError().getErrorCode();
        if (code == WXJAVA_IO || code == WXJAVA_OAUTH_IO) {
            code = UNREACHABLE;
        }
        String message = e.getError() == null ? e.getMessage() : e.getError().getErrorMsg();
        return new MpApiException(code, String.valueOf(message), e);
    }

    public int errcode() {
        return errcode;
    }

    /** Worth retrying later: busy (-1), quota exceeded (45009), or the network. */
    public boolean transientFailure() {
        return errcode == -1 || errcode == 45009 || errcode == UNREACHABLE;
    }
}
