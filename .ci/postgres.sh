# A throwaway PostgreSQL cluster for the tests: Debian's package, a cluster in a temp folder, owned by the
# `postgres` user (the server refuses to run as root), listening on 127.0.0.1 only, trust auth.
# Exports GOYONG_TEST_PG_URL, which tests/store/ reads to run every store test on PostgreSQL too.
PG_PORT="${PG_PORT:-54329}"

_pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$d" ] && echo "$d"
}

start_postgres() {
  if [ -z "$(_pg_bin)" ]; then
    echo "PostgreSQL 설치 중 (apt: postgresql)…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
      || sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local bin run_as
  bin=$(_pg_bin)
  PG_DIR=$(mktemp -d /tmp/goyong-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_DIR"
    run_as=(runuser -u postgres --)
  else
    run_as=()
  fi
  "${run_as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run_as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  export PG_DIR GOYONG_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "PostgreSQL 시작: $GOYONG_TEST_PG_URL"
}

stop_postgres() {
  local bin run_as
  bin=$(_pg_bin)
  if [ "$(id -u)" = 0 ]; then run_as=(runuser -u postgres --); else run_as=(); fi
  [ -n "${PG_DIR:-}" ] && "${run_as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  [ -n "${PG_DIR:-}" ] && rm -rf "$PG_DIR"
}
