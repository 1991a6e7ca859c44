package org.unionbot.core.poll;

import java.util.List;

/** The group channels (by configured name) a poll is announced in; its result goes to the same groups. */
public interface PollChannelRepository {

    /** Replaces the poll's channels. */
    void save(long pollId, List<String> channelNames);

    List<String> channels(long pollId);
}
