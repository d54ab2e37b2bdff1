#!/usr/bin/env bash
# Databases and users of the three services, idempotent: run on every deployment (the mysql-users Job of
# k8s/, the mysql-users one-shot container of docker-compose.yml), it creates what is missing and sets the
# passwords to the ones given, so a password rotated in the Secret or the env file takes effect.
#   chotdon_<service>           runs the service: rows only (SELECT, INSERT, UPDATE, DELETE)
#   chotdon_<service>_migrator  owns the schema: Liquibase runs as this user (k8s: the migration Jobs)
# Needs MYSQL_HOST, MYSQL_ADMIN_USER, MYSQL_ADMIN_PASSWORD and, per service, the passwords
# CHOTDON_<SERVICE>_DB_PASSWORD and CHOTDON_<SERVICE>_MIGRATOR_PASSWORD.
set -euo pipefail

sql=""
for svc in catalog livestream order; do
  upper="${svc^^}"
  for kind in DB MIGRATOR; do
    var="CHOTDON_${upper}_${kind}_PASSWORD"
    value="${!var:?$var is not set}"
    # Written into SQL below: letters, digits and . _ ~ - only (openssl rand -hex 24 gives such a password).
    [[ "$value" =~ ^[A-Za-z0-9._~-]{16,}$ ]] || { echo "$var: use 16 or more of A-Z a-z 0-9 . _ ~ -" >&2; exit 2; }
  done
  runtime="CHOTDON_${upper}_DB_PASSWORD"
  migrator="CHOTDON_${upper}_MIGRATOR_PASSWORD"
  sql+="CREATE DATABASE IF NOT EXISTS chotdon_${svc} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  sql+="CREATE USER IF NOT EXISTS 'chotdon_${svc}'@'%' IDENTIFIED BY '${!runtime}';"
  sql+="ALTER USER 'chotdon_${svc}'@'%' IDENTIFIED BY '${!runtime}';"
  sql+="CREATE USER IF NOT EXISTS 'chotdon_${svc}_migrator'@'%' IDENTIFIED BY '${!migrator}';"
  sql+="ALTER USER 'chotdon_${svc}_migrator'@'%' IDENTIFIED BY '${!migrator}';"
  # A runtime user that an older version granted more is brought back to rows only.
  sql+="GRANT SELECT ON chotdon_${svc}.* TO 'chotdon_${svc}'@'%';"
  sql+="REVOKE ALL PRIVILEGES ON chotdon_${svc}.* FROM 'chotdon_${svc}'@'%';"
  sql+="GRANT SELECT, INSERT, UPDATE, DELETE ON chotdon_${svc}.* TO 'chotdon_${svc}'@'%';"
  sql+="GRANT ALL PRIVILEGES ON chotdon_${svc}.* TO 'chotdon_${svc}_migrator'@'%';"
done

# The admin password goes to the client in a file of its own, never on a command line.
client_config="$(mktemp)"
trap 'rm -f "$client_config"' EXIT
printf '[client]\nuser=%s\npassword="%s"\n' "${MYSQL_ADMIN_USER:?}" "${MYSQL_ADMIN_PASSWORD:?}" >"$client_config"
for attempt in $(seq 1 60); do
  if mysql --defaults-extra-file="$client_config" -h "${MYSQL_HOST:?}" -P "${MYSQL_PORT:-3306}" -e "$sql"; then
    echo "chotdon databases and users are ready on $MYSQL_HOST"
    exit 0
  fi
  echo "MySQL on $MYSQL_HOST not ready (attempt $attempt); retrying in 5 s" >&2
  sleep 5
done
exit 1
