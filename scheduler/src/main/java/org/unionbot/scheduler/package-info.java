/**
 * The union calendar (lunar and statutory dates, term calendars) and the thin Quartz jobs that fire
 * reminders through the core. Empty until the calendar-and-reminders issue lands; the module exists so
 * that its dependency direction (scheduler → bot-core only) is fenced from the first day.
 */
package org.unionbot.scheduler;
