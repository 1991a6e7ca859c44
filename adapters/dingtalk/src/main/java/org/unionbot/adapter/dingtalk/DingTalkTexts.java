package org.unionbot.adapter.dingtalk;

import java.util.Locale;
import java.util.ResourceBundle;

/** The adapter's user-facing texts, in {@code org/unionbot/adapter/dingtalk/messages.properties} (UTF-8). */
final class DingTalkTexts {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.unionbot.adapter.dingtalk.messages",
            Locale.SIMPLIFIED_CHINESE, DingTalkTexts.class.getModule());

    private DingTalkTexts() {
    }

    static String get(String key) {
        return BUNDLE.getString(key);
    }

    static String format(String key, Object... args) {
        return java.text.MessageFormat.format(BUNDLE.getString(key), args);
    }
}
