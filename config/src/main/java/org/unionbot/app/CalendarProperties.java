package org.unionbot.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The calendar's settings ({@code unionbot.calendar.*}).
 *
 * @param holidayDir a directory of {@code cn-YYYY.yml} files that adds to (or overrides) the shipped
 *     holiday schedules: the union drops next year's file there each November
 * @param termsFile the school's terms (YAML), or none
 * @param planFile a plan (YAML or .xlsx) imported at start-up; its new or changed items wait for approval
 * @param maxLateness how late a reminder may still go out after a downtime; later ones are skipped
 * @param concurrency sends in flight at once
 * @param ratePerSecond sends a second per platform code (platforms.md §4)
 */
@ConfigurationProperties("unionbot.calendar")
public record CalendarProperties(Path holidayDir, Path termsFile, Path planFile,
                                 @DefaultValue("6h") Duration maxLateness,
                                 @DefaultValue("22:00") LocalTime quietStart, @DefaultValue("07:00") LocalTime quietEnd,
                                 @DefaultValue("16") int concurrency, @DefaultValue("3") int maxAttempts,
                                 @DefaultValue("500ms") Duration firstBackoff, Map<String, Double> ratePerSecond,
                                 @DefaultValue("2m") Duration claimLease) {
}
