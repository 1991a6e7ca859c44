package org.unionbot.adapter.admin;

import java.util.Objects;

/**
 * A page of the console. Declare one as a bean and it appears in the navigation (for users whose role
 * reaches {@code minimumRole}) and the security rules guard {@code path} and everything under it with
 * that role. A URL under /admin that no page declares is refused, so a forgotten declaration fails
 * closed.
 *
 * @param path the page's URL, {@code /admin/<segment>}
 * @param title the Chinese label in the navigation
 * @param order position in the navigation, ascending
 * @param inNavigation false for pages reached from another page (still guarded)
 */
public record ConsolePage(String path, String title, ConsoleRole minimumRole, int order, boolean inNavigation) {

    public ConsolePage {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(minimumRole, "minimumRole");
        if (!path.matches("/admin/[a-z0-9-]+")) {
            throw new IllegalArgumentException("a console page is one segment under /admin: " + path);
        }
    }

    public ConsolePage(String path, String title, ConsoleRole minimumRole, int order) {
        this(path, title, minimumRole, order, true);
    }

    public boolean visibleTo(ConsoleRole role) {
        return inNavigation && role.ordinal() <= minimumRole.ordinal();
    }
}
