package org.unionbot.core.channel;

import java.util.List;

/** The platform accounts this installation has configured, in the order the console lists them. */
public record ChannelDirectory(List<ChannelAccount> accounts) {
    public ChannelDirectory {
        accounts = List.copyOf(accounts);
    }
}
