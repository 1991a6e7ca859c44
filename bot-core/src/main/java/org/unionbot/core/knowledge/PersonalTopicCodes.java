package org.unionbot.core.knowledge;

import java.util.Locale;

/** How a {@link PersonalTopic} is written in files and in the database ("delegate", "group", "leader"). */
public final class PersonalTopicCodes {
    private PersonalTopicCodes() {
    }

    public static String code(PersonalTopic topic) {
        return topic == null ? null : topic.name().toLowerCase(Locale.ROOT);
    }

    public static PersonalTopic parse(String code) {
        return code == null || code.isBlank() ? null : PersonalTopic.parse(code);
    }
}
