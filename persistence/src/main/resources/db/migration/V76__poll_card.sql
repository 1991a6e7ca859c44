-- Poll cards delivered on a platform (DingTalk interactive cards: outTrackId and the app key that sent
-- them), so that after a restart or on another instance a vote still updates every card's tally and a
-- closing poll turns every card to its closed state. One row per card; a redelivery keeps one row.
CREATE TABLE poll_card (
    platform     VARCHAR(16)  NOT NULL,
    card_id      VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    poll_id      BIGINT       NOT NULL,
    via          VARCHAR(191) COLLATE utf8mb4_bin NOT NULL,
    delivered_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (platform, card_id),
    KEY idx_poll_card_poll (poll_id, platform, delivered_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
