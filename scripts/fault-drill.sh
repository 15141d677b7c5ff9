#!/usr/bin/env bash
# Crash and shutdown drill of the import runs (issues 15.1 and 15.8, decision 0012).
#
# Starts Syncwatch (demo profile) on a MySQL/MariaDB database of its own with the production
# scheduling settings, makes one demo integration read its source from the very start (tens of
# thousands of conversations, so the run lasts), and then:
#   1. kill -9 the application mid-run, start it again, and measure when the run is resumed
#      (db-scheduler revives the dead execution once its heartbeat is 60 s old) and whether it ends
#      with every conversation once;
#   2. SIGTERM mid-run: the run stops after its current page, is marked INTERRUPTED, and the next
#      start resumes it (rescheduled for "now", no dead-execution wait).
#
#   scripts/fault-drill.sh                      # on 127.0.0.1:3306 as root (no password)
#   DB_ADMIN_PASSWORD=… KILL_AFTER=5000 scripts/fault-drill.sh
#
# Needs: mysql client, curl, JDK 21+ in JAVA_HOME, the project built offline (./mvnw -o compile).
set -euo pipefail

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_ADMIN=${DB_ADMIN:-root}
DB_ADMIN_PASSWORD=${DB_ADMIN_PASSWORD:-}
DB_NAME=${DB_NAME:-syncwatch_fault_drill}
PORT=${PORT:-18081}
KILL_AFTER=${KILL_AFTER:-3000}     # conversations saved by the run before it is killed
PAGE_SIZE=${PAGE_SIZE:-100}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

cd "$(dirname "$0")/.."
WORK=target/fault-drill
rm -rf "$WORK" && mkdir -p "$WORK"
BASE="http://127.0.0.1:$PORT"

sql() { mysql -h"$DB_HOST" -P"$DB_PORT" -u"$DB_ADMIN" ${DB_ADMIN_PASSWORD:+-p"$DB_ADMIN_PASSWORD"} -N -B "$DB_NAME" -e "$1"; }
now_ms() { date +%s%3N; }
say() { echo "[$(date -u +%H:%M:%S)] $*"; }

APP_PID=
cleanup() { if [[ -n "$APP_PID" ]]; then kill -9 "$APP_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

mysql -h"$DB_HOST" -P"$DB_PORT" -u"$DB_ADMIN" ${DB_ADMIN_PASSWORD:+-p"$DB_ADMIN_PASSWORD"} -e \
  "DROP DATABASE IF EXISTS $DB_NAME; CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
if [[ ! -s target/drill-classpath.txt || pom.xml -nt target/drill-classpath.txt ]]; then
  # offline first; online once if the dependency plugin is not in the local repository yet (a fresh machine)
  ./mvnw -o -q compile dependency:build-classpath -Dmdep.outputFile=target/drill-classpath.txt -Dmdep.includeScope=runtime \
    || ./mvnw -q compile dependency:build-classpath -Dmdep.outputFile=target/drill-classpath.txt -Dmdep.includeScope=runtime
fi

start_app() { # $1: log name; sets APP_PID and STARTED (ms)
  STARTED=$(now_ms)
  DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true" \
  DB_USER="$DB_ADMIN" DB_PASSWORD="$DB_ADMIN_PASSWORD" \
    "$JAVA" -Xmx768m -cp "target/classes:$(cat target/drill-classpath.txt)" io.syncwatch.SyncwatchApplication \
      --server.port="$PORT" --syncwatch.imports.page-size="$PAGE_SIZE" >"$WORK/$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 900); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health" || true)" == 200 ]] && break
    kill -0 "$APP_PID" 2>/dev/null || { say "the application did not start"; tail -40 "$WORK/$1.log"; exit 1; }
    sleep 0.5
  done
  READY=$(now_ms)
  say "application up (pid $APP_PID) in $(( (READY - STARTED) / 1000 )) s (log: $WORK/$1.log)"
}

read_from_start() { # the integration reads its source from the very start, due now
  sql "UPDATE import_checkpoint SET checkpoint_value = 'slot:0' WHERE integration_id = $INTEGRATION;
       UPDATE import_integration SET next_run_at = NOW(6) WHERE id = $INTEGRATION"
}

wait_for_saved() { # waits until a run of the integration saved $1 conversations; sets RUN
  for _ in $(seq 1 1200); do
    RUN=$(sql "SELECT id FROM import_run WHERE integration_id = $INTEGRATION AND state = 'RUNNING' AND fetched >= $1 LIMIT 1")
    [[ -n "$RUN" ]] && return 0
    sleep 0.1
  done
  say "no run reached $1 conversations"; exit 1
}

wait_for_resume() { # waits until run $RUN has had a second execution; sets RESUMED (ms)
  local executions=$1
  for _ in $(seq 1 3000); do
    [[ "$(sql "SELECT executions FROM import_run WHERE id = $RUN")" -ge "$executions" ]] && { RESUMED=$(now_ms); return 0; }
    sleep 0.1
  done
  say "run $RUN was not resumed within 300 s"; exit 1
}

wait_for_end() {
  for _ in $(seq 1 6000); do
    [[ "$(sql "SELECT state FROM import_run WHERE id = $RUN")" == FINISHED ]] && return 0
    sleep 0.1
  done
  say "run $RUN did not end"; exit 1
}

report_run() {
  sql "SELECT CONCAT('   run ', id, ': ', state, ' ', IFNULL(outcome, '-'), ', executions ', executions, ', fetched ', fetched,
       ', imported ', imported, ', refreshed ', updated, ', duplicates ', skipped_duplicate) FROM import_run WHERE id = $RUN"
  echo "   contacts stored: $(sql "SELECT COUNT(*) FROM import_contact WHERE integration_id = $INTEGRATION"),"\
       "duplicate references: $(sql "SELECT COUNT(*) - COUNT(DISTINCT source_reference) FROM import_contact WHERE integration_id = $INTEGRATION"),"\
       "runs of the integration still unfinished: $(sql "SELECT COUNT(*) FROM import_run WHERE integration_id = $INTEGRATION AND state <> 'FINISHED'")"
}

say "database $DB_NAME on $DB_HOST:$DB_PORT; first start seeds the demo data"
start_app first
# the integration whose source gave the most (a quiet demo source succeeds every run with nothing)
INTEGRATION=$(sql "SELECT integration_id FROM import_run WHERE outcome = 'SUCCEEDED' AND run_trigger = 'SCHEDULED'
                   GROUP BY integration_id ORDER BY SUM(fetched) DESC, integration_id LIMIT 1")
say "integration $INTEGRATION reads its source from the start"
read_from_start

echo "== 1. kill -9 during a run"
wait_for_saved "$KILL_AFTER"
SAVED=$(sql "SELECT fetched FROM import_run WHERE id = $RUN")
kill -9 "$APP_PID"; KILLED=$(now_ms); wait "$APP_PID" 2>/dev/null || true; APP_PID=
say "killed during run $RUN after $SAVED conversations saved"
BEFORE=$(sql "SELECT COUNT(*) FROM import_contact WHERE integration_id = $INTEGRATION")
start_app after-kill
wait_for_resume 2
say "run $RUN resumed $(( (RESUMED - READY) / 1000 )) s after the application was up again" \
    "($(( (RESUMED - STARTED) / 1000 )) s after its start, $(( (RESUMED - KILLED) / 1000 )) s after the kill)"
echo "KILL_RESUME_AFTER_READY_S=$(( (RESUMED - READY) / 1000 )) KILL_RESUME_AFTER_KILL_S=$(( (RESUMED - KILLED) / 1000 ))" >"$WORK/figures"
wait_for_end
report_run

echo "== 2. SIGTERM during a run"
read_from_start
wait_for_saved "$KILL_AFTER"
kill -TERM "$APP_PID"; TERMED=$(now_ms); wait "$APP_PID" 2>/dev/null || true; APP_PID=
say "SIGTERM: the application exited after $(( ($(now_ms) - TERMED) / 1000 )) s"
sql "SELECT CONCAT('   run ', id, ' after the shutdown: ', state, ', fetched ', fetched) FROM import_run WHERE id = $RUN"
sql "SELECT CONCAT('   log: ', message) FROM import_run_log WHERE run_id = $RUN AND message LIKE 'Interrupted%'"
start_app after-term
wait_for_resume 2
say "run $RUN resumed $(( (RESUMED - READY) / 1000 )) s after the application was up again"
echo "TERM_RESUME_AFTER_READY_S=$(( (RESUMED - READY) / 1000 ))" >>"$WORK/figures"
wait_for_end
report_run
kill -TERM "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
cat "$WORK/figures"
