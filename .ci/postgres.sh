#!/usr/bin/env bash
# CI: a private PostgreSQL server on 127.0.0.1 for the knowledge base's PostgreSQL tests.
# Sourced by .ci/run (`. .ci/postgres.sh`): installs Debian's postgresql when missing, makes a
# cluster in a temporary folder owned by the postgres user, starts it on loopback only, creates
# a role and a database, and exports BYLINE_TEST_POSTGRES_URL, which the store tests read.
# The server stops when the shell that sourced this script exits.

if ! command -v pg_ctl >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    echo "installing: postgresql"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
fi
byline_pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")
byline_pg_dir=$(mktemp -d /tmp/byline-ci-postgres.XXXXXX)
byline_pg_port=${BYLINE_CI_POSTGRES_PORT:-55432}
chown postgres:postgres "$byline_pg_dir"
# UTF-8, so that substr() counts code points as the store's offsets do; byte-order collation,
# as SQLite sorts.
runuser -u postgres -- "$byline_pg_bin/initdb" -D "$byline_pg_dir/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
runuser -u postgres -- "$byline_pg_bin/pg_ctl" -D "$byline_pg_dir/data" -l "$byline_pg_dir/server.log" -w \
    -o "-p $byline_pg_port -c listen_addresses=127.0.0.1 -k $byline_pg_dir -c fsync=off" start >/dev/null
runuser -u postgres -- "$byline_pg_bin/psql" -h 127.0.0.1 -p "$byline_pg_port" -U postgres -q \
    -c "CREATE ROLE byline LOGIN PASSWORD 'byline'" -c "CREATE DATABASE byline_test OWNER byline"
export BYLINE_TEST_POSTGRES_URL="postgres://byline:byline@127.0.0.1:$byline_pg_port/byline_test"
trap 'runuser -u postgres -- "$byline_pg_bin/pg_ctl" -D "$byline_pg_dir/data" -m fast stop >/dev/null 2>&1' EXIT
echo "ci: PostgreSQL on 127.0.0.1:$byline_pg_port for the store tests"
