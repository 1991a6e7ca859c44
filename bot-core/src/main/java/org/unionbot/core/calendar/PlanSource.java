package org.unionbot.core.calendar;

import java.io.IOException;
import java.util.Optional;

/** Where 导入计划 without text reads the plan from: the school's configured plan file (.yaml or .xlsx). */
@FunctionalInterface
public interface PlanSource {
    PlanSource NONE = Optional::empty;

    /** The plan as read now; empty when no plan file is configured or it is missing. */
    Optional<PlanImport> load() throws IOException;
}
