--liquibase formatted sql

--changeset chotdon:order-006-idempotency-key-one-transaction
--comment: An Idempotency-Key now lives in its order's transaction (inserted first, answered last, committed with the order or not at all) and only accepted orders are kept: the claim token, the IN_PROGRESS state and the lease's timestamp have no use any more. Keys left in progress and stored refusals are deleted (a retry of them is decided again).
DELETE FROM idempotency_key WHERE state <> 'DONE' OR response_status IS NULL OR response_status <> 201;
ALTER TABLE idempotency_key
    DROP COLUMN claim_token,
    DROP COLUMN state,
    DROP COLUMN updated_at;
--rollback ALTER TABLE idempotency_key ADD COLUMN state VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'DONE' AFTER request_hash, ADD COLUMN claim_token CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER state, ADD COLUMN updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
