-- The web chat's group boards (GET /api/group?name=…): poll announcements, results and the public
-- suggestion digest posted to a web:<board> group channel. Durable so that a restart or a second instance
-- does not lose them; read as the latest 100 per board; posts older than 90 days are purged.
-- Unique on (board, delivery_key): a post delivered twice under the same key is stored once.
CREATE TABLE web_group_post (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    board        VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    delivery_key VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    body         TEXT         NOT NULL,
    entry_id     VARCHAR(191) NULL,
    title        VARCHAR(500) NULL,
    confidence   DOUBLE       NULL,
    options      TEXT         NULL,
    posted_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_web_group_post (board, delivery_key),
    KEY idx_web_group_post_board (board, id),
    KEY idx_web_group_post_at (posted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
