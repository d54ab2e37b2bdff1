-- Databases and users of the three services, for the MySQL container of docker-compose.yml.
-- (./chotdon db prepare does the same on a server you run yourself.)
CREATE USER IF NOT EXISTS 'chotdon_catalog'@'%' IDENTIFIED BY 'chotdon-dev';
CREATE USER IF NOT EXISTS 'chotdon_livestream'@'%' IDENTIFIED BY 'chotdon-dev';
CREATE USER IF NOT EXISTS 'chotdon_order'@'%' IDENTIFIED BY 'chotdon-dev';
CREATE DATABASE IF NOT EXISTS chotdon_catalog CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS chotdon_livestream CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS chotdon_order CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL PRIVILEGES ON chotdon_catalog.* TO 'chotdon_catalog'@'%';
GRANT ALL PRIVILEGES ON chotdon_livestream.* TO 'chotdon_livestream'@'%';
GRANT ALL PRIVILEGES ON chotdon_order.* TO 'chotdon_order'@'%';
