package org.unionbot.adapter.web.calendar;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The calendar's JSON API ({@code /api/calendar/*}), for the composition root to import next to the web
 * chat. Needs a {@link org.unionbot.core.calendar.ReminderService}, a
 * {@link org.unionbot.core.member.MemberRepository}, the core's {@link org.unionbot.core.i18n.Messages}
 * and the {@link org.unionbot.adapter.web.WebChatSettings} (its link secret verifies the caller's token).
 */
@Configuration(proxyBeanMethods = false)
@Import(CalendarApiController.class)
public class CalendarWebConfiguration {
}
