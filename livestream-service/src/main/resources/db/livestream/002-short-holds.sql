--liquibase formatted sql

--changeset chotdon:livestream-002-short-holds
--comment: Holds may be as short as one minute (for a flash sale of a few hot items).
ALTER TABLE sale_session DROP CONSTRAINT ck_sale_session_hold;
ALTER TABLE sale_session ADD CONSTRAINT ck_sale_session_hold CHECK (hold_minutes BETWEEN 1 AND 1440);
--rollback ALTER TABLE sale_session DROP CONSTRAINT ck_sale_session_hold;
--rollback ALTER TABLE sale_session ADD CONSTRAINT ck_sale_session_hold CHECK (hold_minutes BETWEEN 5 AND 1440);
