-- The daily submission limit of suggestions (issue 6), counted without identity: the key is
-- HMAC(HMAC(rate-secret, date), member id), so without the secret it names nobody and days cannot be
-- linked; expires_at is the next local midnight (no submission time). Replaces the get-then-put count
-- in conversation_state, which two concurrent submissions could both pass.
CREATE TABLE feedback_rate (
    rate_key   CHAR(64)  NOT NULL,
    used       INT       NOT NULL,
    expires_at DATETIME  NOT NULL,
    PRIMARY KEY (rate_key),
    KEY idx_feedback_rate_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
