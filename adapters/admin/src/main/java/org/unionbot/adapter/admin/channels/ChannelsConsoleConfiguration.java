package org.unionbot.adapter.admin.channels;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.unionbot.adapter.admin.ConsolePage;
import org.unionbot.adapter.admin.ConsoleRole;
import org.unionbot.adapter.admin.ConsoleTexts;

/** The channels page (主席 and 委员). Needs the core's {@code ChannelDirectory} and {@code ChannelActivity}. */
@Configuration(proxyBeanMethods = false)
@Import(ChannelsController.class)
public class ChannelsConsoleConfiguration {

    @Bean
    ConsolePage channelsPage() {
        return new ConsolePage(ChannelsController.PATH, ConsoleTexts.get("nav.channels"), ConsoleRole.COMMITTEE, 800);
    }
}
