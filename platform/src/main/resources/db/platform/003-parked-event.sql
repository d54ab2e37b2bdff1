--liquibase formatted sql

--changeset chotdon:platform-003-parked-event
--comment: Events a consumer gave up on (its handler kept failing, or the record is not a readable event), one row per Kafka record and consumer, to be looked at and replayed.
CREATE TABLE parked_event (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    consumer        VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    topic           VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    kafka_partition INT           NOT NULL,
    kafka_offset    BIGINT        NOT NULL,
    record_key      VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    event_id        VARCHAR(64)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    event_type      VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    cooperative_id  BIGINT        NULL,
    payload         LONGTEXT      CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    readable        BOOLEAN       NOT NULL,
    error           VARCHAR(2000) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    attempts        INT           NOT NULL,
    status          VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    parked_at       DATETIME(6)   NOT NULL,
    replayed_at     DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_parked_event_record (consumer, topic, kafka_partition, kafka_offset),
    KEY ix_parked_event_status (status, id),
    KEY ix_parked_event_cooperative (cooperative_id, status, id),
    KEY ix_parked_event_replayed (status, replayed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE parked_event;

--changeset chotdon:platform-003-processed-event-age
--comment: The retention job deletes processed-event records by age, in small batches.
CREATE INDEX ix_processed_event_age ON processed_event (processed_at);
--rollback DROP INDEX ix_processed_event_age ON processed_event;
