-- The group chats (by the name configured in unionbot.channels.groups) a poll was announced in; its
-- result is posted to the same groups when it closes. No member data: a channel is a group's name.
CREATE TABLE poll_channel (
    poll_id      BIGINT       NOT NULL,
    channel_name VARCHAR(100) NOT NULL,
    position     INT          NOT NULL,
    PRIMARY KEY (poll_id, channel_name),
    CONSTRAINT fk_poll_channel_poll FOREIGN KEY (poll_id) REFERENCES poll (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
