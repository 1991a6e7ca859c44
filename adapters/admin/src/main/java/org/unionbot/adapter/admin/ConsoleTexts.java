package org.unionbot.adapter.admin;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The console's own user-facing texts (notices, errors, labels, audit details), kept in
 * {@code org/unionbot/adapter/admin/messages.properties} (UTF-8) like the core's and the web chat's, so a
 * school can reword them without touching code. Page templates keep their own HTML text.
 */
public final class ConsoleTexts {
    private static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final ResourceBundle BUNDLE =
            ResourceBundle.getBundle("org.unionbot.adapter.admin.messages", LOCALE, ConsoleTexts.class.getModule());

    private ConsoleTexts() {
    }

    /**
     * The text for {@code key}, its {@code {0}}… filled in. Arguments go in as {@link String#valueOf}
     * writes them: the texts show staff numbers, counts and limits as the console always has ("4000"),
     * where MessageFormat would group a number ("4,000").
     */
    public static String get(String key, Object... args) {
        String pattern = BUNDLE.getString(key);
        if (args.length == 0) {
            return pattern;
        }
        Object[] text = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, LOCALE).format(text);
    }
}
