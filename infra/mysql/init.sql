-- Databases and users of the three services, for the MySQL container of docker-compose.yml.
-- (./chotdon db prepare does the same on a server you run yourself.)
-- chotdon_<service> runs the service and may only read and write rows;
-- chotdon_<service>_migrator owns the schema (Liquibase at start).
CREATE DATABASE IF NOT EXISTS chotdon_catalog CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS chotdon_livestream CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS chotdon_order CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'chotdon_catalog'@'%' IDENTIFIED BY 'chotdon-dev';
CREATE USER IF NOT EXISTS 'chotdon_livestream'@'%' IDENTIFIED BY 'chotdon-dev';
CREATE USER IF NOT EXISTS 'chotdon_order'@'%' IDENTIFIED BY 'chotdon-dev';
CREATE USER IF NOT EXISTS 'chotdon_catalog_migrator'@'%' IDENTIFIED BY 'chotdon-dev-migrator';
CREATE USER IF NOT EXISTS 'chotdon_livestream_migrator'@'%' IDENTIFIED BY 'chotdon-dev-migrator';
CREATE USER IF NOT EXISTS 'chotdon_order_migrator'@'%' IDENTIFIED BY 'chotdon-dev-migrator';
GRANT SELECT, INSERT, UPDATE, DELETE ON chotdon_catalog.* TO 'chotdon_catalog'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON chotdon_livestream.* TO 'chotdon_livestream'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON chotdon_order.* TO 'chotdon_order'@'%';
GRANT ALL PRIVILEGES ON chotdon_catalog.* TO 'chotdon_catalog_migrator'@'%';
GRANT ALL PRIVILEGES ON chotdon_livestream.* TO 'chotdon_livestream_migrator'@'%';
GRANT ALL PRIVILEGES ON chotdon_order.* TO 'chotdon_order_migrator'@'%';
