package org.unionbot.adapter.wecom;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The WeCom adapter's own user-facing texts ({@code messages.properties}, UTF-8). */
final class WecomTexts {
    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final ResourceBundle BUNDLE =
            ResourceBundle.getBundle("org.unionbot.adapter.wecom.messages", LOCALE, WecomTexts.class.getModule());

    private WecomTexts() {
    }

    static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, LOCALE).format(args);
    }
}
