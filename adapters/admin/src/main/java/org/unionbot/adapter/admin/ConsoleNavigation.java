package org.unionbot.adapter.admin;

import java.util.List;

/** Every declared {@link ConsolePage}, in navigation order. */
public record ConsoleNavigation(List<ConsolePage> pages) {

    public List<ConsolePage> visibleTo(ConsoleRole role) {
        return pages.stream().filter(p -> p.visibleTo(role)).toList();
    }
}
