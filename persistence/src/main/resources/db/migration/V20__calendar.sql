-- The union calendar: reminder series (the plan, with approval), members' subscriptions, and the
-- delivery log that makes every reminder reach each member exactly once.
-- MySQL 8.0+ and MariaDB 10.11+; times are UTC written by the application (see V1).

CREATE TABLE reminder_series (
    series_key  VARCHAR(64)  COLLATE utf8mb4_bin NOT NULL,
    title       VARCHAR(200) NOT NULL,
    -- The plan item as YAML (PlanReader.toYaml): re-read with the current rule parser.
    definition  TEXT         NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    approved_by BIGINT       NULL,
    approved_at DATETIME(3)  NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (series_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A member's own choice per series ('*' = every series): opted_out NULL means no choice made.
CREATE TABLE reminder_subscription (
    member_id  BIGINT      NOT NULL,
    series_key VARCHAR(64) COLLATE utf8mb4_bin NOT NULL,
    opted_out  BOOLEAN     NULL,
    lead_days  SMALLINT    NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (member_id, series_key),
    KEY idx_reminder_subscription_series (series_key),
    CONSTRAINT fk_reminder_subscription_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The text of each reminder sent, kept so that a restart can resume its unsent claims.
CREATE TABLE reminder_notice (
    source_key VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    body       TEXT        NOT NULL,
    urgent     BOOLEAN     NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (source_key),
    KEY idx_reminder_notice_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per (reminder, member, channel), claimed before the send and marked after. member_id 0 is a
-- reminder-level record (a late firing skipped), so there is no foreign key to member.
CREATE TABLE delivery_log (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    source_key VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    member_id  BIGINT       NOT NULL,
    channel    VARCHAR(16)  NOT NULL,
    address    VARCHAR(191) COLLATE utf8mb4_bin NULL,
    status     VARCHAR(16)  NOT NULL,
    attempts   INT          NOT NULL DEFAULT 0,
    detail     VARCHAR(500) NULL,
    owner      VARCHAR(64)  NULL,
    claimed_at DATETIME(3)  NOT NULL,
    done_at    DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_delivery_log (source_key, member_id, channel),
    KEY idx_delivery_log_claims (status, claimed_at),
    KEY idx_delivery_log_owner (owner)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
