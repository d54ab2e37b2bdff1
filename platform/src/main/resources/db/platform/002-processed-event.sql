--liquibase formatted sql

--changeset chotdon:platform-002-processed-event
--comment: Idempotent consumers: one row per (consumer, event) written in the same transaction as the event's effect.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_id     CHAR(36)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    processed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (consumer, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE processed_event;
