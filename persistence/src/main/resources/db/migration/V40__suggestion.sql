-- Suggestions (意见建议). Anonymous rows keep no member, no platform account, no group and no precise
-- time: sender_member_id and submitted_at are NULL for them and submitted_on holds the date only. The
-- id is random (drawn by the application), not AUTO_INCREMENT, so that the order of rows says nothing
-- about when an anonymous suggestion came in relative to timed named ones. Only the SHA-256 of the
-- sender's tracking code is kept.
CREATE TABLE suggestion (
    id                 BIGINT        NOT NULL,
    ref                CHAR(6)       NOT NULL,
    code_hash          CHAR(64)      COLLATE utf8mb4_bin NOT NULL,
    mode               VARCHAR(16)   NOT NULL,
    sender_member_id   BIGINT        NULL,
    submitted_on       DATE          NOT NULL,
    submitted_at       DATETIME(3)   NULL,
    body               TEXT          NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    assignee_member_id BIGINT        NULL,
    assignee_group_id  BIGINT        NULL,
    answer             TEXT          NULL,
    answered_at        DATETIME(3)   NULL,
    answered_by        BIGINT        NULL,
    closed_at          DATETIME(3)   NULL,
    published_on       DATE          NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_suggestion_ref (ref),
    UNIQUE KEY uk_suggestion_code (code_hash),
    KEY idx_suggestion_status (status),
    CONSTRAINT fk_suggestion_assignee FOREIGN KEY (assignee_member_id) REFERENCES member (id) ON DELETE SET NULL,
    CONSTRAINT fk_suggestion_group FOREIGN KEY (assignee_group_id) REFERENCES union_group (id) ON DELETE SET NULL,
    -- The database refuses an anonymous row with a sender or a time, whatever the application does.
    -- (MySQL and MariaDB allow no CHECK on a column with a foreign-key action, so sender_member_id has
    -- no foreign key; a deleted member's named suggestions keep a dangling id, shown as "?".)
    CONSTRAINT ck_suggestion_anonymous CHECK (mode <> 'ANONYMOUS' OR (sender_member_id IS NULL AND submitted_at IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
