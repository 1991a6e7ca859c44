package org.unionbot.adapter.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The web chat's own user-facing texts, kept in {@code org/unionbot/adapter/web/messages.properties}
 * (UTF-8) like the core's, so a school can reword them without touching code.
 */
final class WebTexts {
    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final ResourceBundle BUNDLE =
            ResourceBundle.getBundle("org.unionbot.adapter.web.messages", LOCALE, WebTexts.class.getModule());

    private WebTexts() {
    }

    static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, LOCALE).format(args);
    }
}
