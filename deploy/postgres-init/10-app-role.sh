#!/bin/sh
# Runs once, when the PostgreSQL container starts on an empty data directory. POSTGRES_USER (the
# image's superuser) owns the schema and runs the migrations; the service connects as this role,
# which owns nothing, so it cannot switch off the audit trail's append-only trigger. Its grants are
# given by every `migrate` run (src/db/roles.ts), which also creates the role when it is missing
# (an installation from before this script).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_role="$APP_DB_USER" -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_role" LOGIN PASSWORD :'app_password';
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
