package org.unionbot.core.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing texts, kept in UTF-8 properties bundles so that a school can reword them without
 * touching code. Each feature keeps its own bundle ({@link #BUNDLES}); a key is looked up in them in
 * order. Arguments follow {@link MessageFormat}; callers pass numbers that are identifiers as strings so
 * that they are not grouped ("1,024").
 */
public final class Messages {
    /** The core's bundle first, then one per feature; a feature bundle that is absent is skipped. */
    public static final List<String> BUNDLES = List.of(
            "org.unionbot.core.messages",
            "org.unionbot.core.knowledge.messages",
            "org.unionbot.core.calendar.messages",
            "org.unionbot.core.poll.messages",
            "org.unionbot.core.feedback.messages");

    private final List<ResourceBundle> bundles = new ArrayList<>();
    private final Locale locale;
    /**
     * Parsed patterns by key: parsing a MessageFormat costs more than formatting with it, and a reply
     * such as 帮助 formats dozens of lines. MessageFormat is not thread-safe, so each use takes a clone.
     */
    private final java.util.concurrent.ConcurrentMap<String, MessageFormat> formats =
            new java.util.concurrent.ConcurrentHashMap<>();

    public Messages(Locale locale) {
        this.locale = locale;
        for (String name : BUNDLES) {
            try {
                bundles.add(ResourceBundle.getBundle(name, locale, Messages.class.getModule()));
            } catch (MissingResourceException absent) {
                // the feature is not part of this build
            }
        }
        if (bundles.isEmpty()) {
            throw new IllegalStateException("the core message bundle is missing from the class path");
        }
    }

    public static Messages chinese() {
        return new Messages(Locale.SIMPLIFIED_CHINESE);
    }

    public String get(String key, Object... args) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                if (args.length == 0) {
                    return pattern;
                }
                MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(pattern, locale));
                return ((MessageFormat) format.clone()).format(args);
            }
        }
        throw new IllegalArgumentException("no message text for key " + key);
    }

    public boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }
}
