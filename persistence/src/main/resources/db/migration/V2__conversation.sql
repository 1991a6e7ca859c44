-- Message deduplication and conversation state: rows that only matter for minutes to days and are
-- purged by time, hence the index on each time column.
--
-- Keys are utf8mb4_bin: platform message ids and user ids are case-sensitive, and unicode_ci would
-- fold distinct keys together. Keys longer than 191 characters are hashed by the application, so
-- nothing is ever truncated.

CREATE TABLE processed_message (
    dedup_key   VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    received_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (dedup_key),
    KEY idx_processed_message_received (received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE conversation_state (
    state_key  VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    `value`    TEXT         NOT NULL,
    expires_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (state_key),
    KEY idx_conversation_state_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
