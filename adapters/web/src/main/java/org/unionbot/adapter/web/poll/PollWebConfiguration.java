package org.unionbot.adapter.web.poll;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.adapter.web.WebChatSettings;
import org.unionbot.core.command.Command;
import org.unionbot.core.poll.PollService;

/**
 * The poll's web page and the commands that hand out its links. Needs a {@link PollService}, a
 * {@link org.unionbot.core.poll.PollExport}, the roster and the {@link WebChatSettings} (for the link
 * secret); {@code unionbot.web.public-url} is the address members' phones reach the service at.
 */
@Configuration(proxyBeanMethods = false)
@Import({PollPageController.class, PollApiController.class})
public class PollWebConfiguration {

    @Bean
    public PollLinks pollLinks(WebChatSettings settings, ObjectProvider<Clock> clock,
                               @Value("${unionbot.web.public-url:http://localhost:8080}") String publicUrl) {
        return new PollLinks(settings.linkSecret(), publicUrl, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    Command pollLinkCommand(PollService service, PollLinks links) {
        return new PollLinkCommand(service, links, false);
    }

    @Bean
    Command pollExportCommand(PollService service, PollLinks links) {
        return new PollLinkCommand(service, links, true);
    }
}
