package org.unionbot.adapter.wechat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The Official Account adapter's own user-facing texts ({@code messages.properties}, UTF-8). */
final class MpTexts {
    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final ResourceBundle BUNDLE =
            ResourceBundle.getBundle("org.unionbot.adapter.wechat.messages", LOCALE, MpTexts.class.getModule());

    private MpTexts() {
    }

    static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, LOCALE).format(args);
    }
}
