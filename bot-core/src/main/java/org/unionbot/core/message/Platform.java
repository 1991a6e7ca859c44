package org.unionbot.core.message;

/** The places teachers talk to the union. {@code WEB} is the local web chat and the H5 pages. */
public enum Platform {
    WEB,
    WECHAT_MP,
    WECOM,
    DINGTALK;

    /** The lower-case code used in URLs, configuration and database rows. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Platform fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
