--liquibase formatted sql

--changeset chotdon:catalog-001-cooperative
CREATE TABLE cooperative (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    province   VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    commune    VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    phone      VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE cooperative;

--changeset chotdon:catalog-001-member
--comment: Member producers (households) of a cooperative.
CREATE TABLE member (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    cooperative_id BIGINT       NOT NULL,
    name           VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    phone          VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    commune        VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    created_at     DATETIME(6)  NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_member_cooperative (cooperative_id),
    CONSTRAINT fk_member_cooperative FOREIGN KEY (cooperative_id) REFERENCES cooperative (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE member;

--changeset chotdon:catalog-001-product
CREATE TABLE product (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    cooperative_id BIGINT        NOT NULL,
    member_id      BIGINT        NULL,
    name           VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    search_name    VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    description    TEXT          CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    unit           VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    price_vnd      BIGINT        NOT NULL,
    ocop_stars     TINYINT       NULL,
    origin_commune VARCHAR(100)  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
    image_urls     TEXT          CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    status         VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_product_cooperative_status (cooperative_id, status, id),
    KEY ix_product_status (status, id),
    CONSTRAINT fk_product_cooperative FOREIGN KEY (cooperative_id) REFERENCES cooperative (id),
    CONSTRAINT fk_product_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT ck_product_price CHECK (price_vnd >= 0),
    CONSTRAINT ck_product_ocop CHECK (ocop_stars IS NULL OR ocop_stars BETWEEN 3 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE product;
