-- The web chat's inbox: messages (deferred answers, reminders) waiting for a web user until the page
-- takes them. Durable so that a reminder delivered to the web channel survives a restart, and unique on
-- (delivery_key, web_user) so that a resend after a crash between "put" and the delivery-log mark is
-- dropped here: the web channel is exactly-once at the receiving end, not only in the delivery log.
-- Taken rows are kept (taken_at set) for a while so that a late resend still meets its key; the
-- housekeeping purges them after a week.
CREATE TABLE web_inbox (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    web_user     VARCHAR(64)  COLLATE utf8mb4_bin NOT NULL,
    -- The reminder's idempotency key (source key # member # channel, plus the part's index), or a
    -- random key for a deferred answer.
    delivery_key VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    body         TEXT         NOT NULL,
    entry_id     VARCHAR(191) NULL,
    title        VARCHAR(500) NULL,
    confidence   DOUBLE       NULL,
    options      TEXT         NULL,
    put_at       DATETIME(3)  NOT NULL,
    taken_at     DATETIME(3)  NULL,
    taken_by     VARCHAR(64)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_web_inbox (delivery_key, web_user),
    KEY idx_web_inbox_waiting (web_user, taken_at),
    KEY idx_web_inbox_taken (taken_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
