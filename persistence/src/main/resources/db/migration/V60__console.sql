-- The committee's web console: its accounts (each belongs to a member) and its audit trail.
-- Plain DDL for MySQL 8.0+ and MariaDB 10.11+; *_at columns hold UTC written by the application.

CREATE TABLE console_account (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    -- Exact match: 'Admin' and 'admin' are two names, as the login form sends them.
    username             VARCHAR(64)  COLLATE utf8mb4_bin NOT NULL,
    password_hash        VARCHAR(100) COLLATE utf8mb4_bin NOT NULL,
    member_id            BIGINT       NOT NULL,
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at           DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_console_account_username (username),
    -- One login per person: the audit trail names people, not shared accounts.
    UNIQUE KEY uk_console_account_member (member_id),
    CONSTRAINT fk_console_account_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only. The actor is the user name as text (no foreign key) so that entries outlive accounts.
CREATE TABLE console_audit (
    id       BIGINT        NOT NULL AUTO_INCREMENT,
    at       DATETIME(3)   NOT NULL,
    actor    VARCHAR(64)   COLLATE utf8mb4_bin NOT NULL,
    action   VARCHAR(64)   NOT NULL,
    target   VARCHAR(200)  NOT NULL,
    detail   VARCHAR(1000) NOT NULL,
    PRIMARY KEY (id),
    KEY idx_console_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
