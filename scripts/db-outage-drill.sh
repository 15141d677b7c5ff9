#!/usr/bin/env bash
# Database outage drill (issue 15.5, decision 0013).
#
# Starts Syncwatch (demo profile) on a MySQL/MariaDB server under its own database user, sets
# every demo integration importing, sends Requests API traffic, and takes the database away from
# the application for OUTAGE seconds: the user's account is locked and its connections are killed
# from the server side (other users of the server are not affected), then unlocked. Prints what
# was answered during the outage, how long the application took to answer again, whether every
# request answered 202/422 is in the request log, and what became of the interrupted runs.
#
#   scripts/db-outage-drill.sh                 # 30 s outage on 127.0.0.1:3306 as root (no password)
#   OUTAGE=10 DB_ADMIN_PASSWORD=… scripts/db-outage-drill.sh
#
# Needs: mysql client, curl, JDK 21+ in JAVA_HOME, the project built offline (./mvnw -o compile).
set -euo pipefail

OUTAGE=${OUTAGE:-30}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_ADMIN=${DB_ADMIN:-root}
DB_ADMIN_PASSWORD=${DB_ADMIN_PASSWORD:-}
DB_NAME=${DB_NAME:-syncwatch_outage_drill}
APP_USER=${APP_USER:-syncwatch_drill}
APP_PASSWORD=${APP_PASSWORD:-drill-$RANDOM$RANDOM}
PORT=${PORT:-18080}
SENDERS=${SENDERS:-4}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

cd "$(dirname "$0")/.."
WORK=target/db-outage-drill
rm -rf "$WORK" && mkdir -p "$WORK"
BASE="http://127.0.0.1:$PORT"
TEST_KEY=ac_test_demo_acme_0123456789abcdef
LIVE_KEY=ac_live_demo_acme_0123456789abcdef
ACCOUNT_KEY=sw_demo_acme_0123456789abcdef

sql() { mysql -h"$DB_HOST" -P"$DB_PORT" -u"$DB_ADMIN" ${DB_ADMIN_PASSWORD:+-p"$DB_ADMIN_PASSWORD"} -N -B -e "$1"; }
now_ms() { date +%s%3N; }
say() { echo "[$(date -u +%H:%M:%S)] $*"; }

APP_PID=
cleanup() {
  sql "ALTER USER '$APP_USER'@'%' ACCOUNT UNLOCK" 2>/dev/null || true
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  jobs -p | xargs -r kill 2>/dev/null || true
}
trap cleanup EXIT

say "database $DB_NAME, user $APP_USER on $DB_HOST:$DB_PORT"
sql "DROP DATABASE IF EXISTS $DB_NAME; CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
     DROP USER IF EXISTS '$APP_USER'@'%'; CREATE USER '$APP_USER'@'%' IDENTIFIED BY '$APP_PASSWORD';
     GRANT ALL ON $DB_NAME.* TO '$APP_USER'@'%';"

./mvnw -o -q compile
if [[ ! -s target/drill-classpath.txt || pom.xml -nt target/drill-classpath.txt ]]; then
  # offline first; online once if the dependency plugin is not in the local repository yet (a fresh machine)
  ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/drill-classpath.txt -Dmdep.includeScope=runtime \
    || ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/drill-classpath.txt -Dmdep.includeScope=runtime
fi
say "starting the application on port $PORT (log: $WORK/app.log)"
DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true" \
DB_USER="$APP_USER" DB_PASSWORD="$APP_PASSWORD" \
  "$JAVA" -Xmx768m -cp "target/classes:$(cat target/drill-classpath.txt)" io.syncwatch.SyncwatchApplication \
    --server.port="$PORT" --syncwatch.imports.page-size=5 \
    --syncwatch.imports.scheduler.check-every=5s --syncwatch.scheduling.polling-interval=2s \
    >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health" || true)" == 200 ]] && break
  kill -0 "$APP_PID" 2>/dev/null || { say "the application did not start"; tail -40 "$WORK/app.log"; exit 1; }
  sleep 1
done
say "application up"

# every demo integration reads its whole window again (duplicates are skipped), so that runs are going on
sql "USE $DB_NAME; DELETE FROM import_checkpoint; UPDATE import_integration SET next_run_at = NOW(6) WHERE lifecycle = 'ACTIVE';"

send() { # one sender: POST requests until the stop file appears; one line per answer
  local n=0 out="$WORK/answers.$1"
  while [[ ! -e "$WORK/stop" ]]; do
    n=$((n + 1))
    local key=$TEST_KEY kind=test employee=alice.ready@acme.example
    (( n % 3 == 0 )) && key=$LIVE_KEY && kind=live
    (( n % 2 == 0 )) && employee=ghost@acme.example
    local started; started=$(now_ms)
    local code; code=$(curl -s -m 60 -D "$WORK/h.$1" -o "$WORK/b.$1" -w '%{http_code}' -X POST "$BASE/api/agent-connect/v1/requests" \
      -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      -d "{\"employee\":{\"email\":\"$employee\"},\"customer\":{\"name\":\"Carla Customer\",\"email\":\"carla@example.com\"},\"channel\":\"email\",\"brand\":\"Acme\",\"language\":\"en\",\"reference\":\"DRILL-$1-$n\"}" || echo 000)
    local id; id=$(grep -o '"requestId":"[^"]*"' "$WORK/b.$1" | cut -d'"' -f4 || true)
    local retry; retry=$(grep -i '^retry-after:' "$WORK/h.$1" | tr -d '\r' | awk '{print $2}' || true)
    local problem=no; grep -qi '^content-type: application/problem+json' "$WORK/h.$1" && problem=yes
    echo "$started $(now_ms) $code ${id:--} ${retry:--} $problem $kind" >>"$out"
    sleep 0.05
  done
}
rm -f "$WORK/stop"
for s in $(seq 1 "$SENDERS"); do send "$s" & done

say "waiting for an import run to be RUNNING"
for _ in $(seq 1 600); do
  running=$(sql "SELECT COUNT(*) FROM $DB_NAME.import_run WHERE state = 'RUNNING'")
  (( running > 0 )) && break
  sleep 0.1
done
say "$running run(s) RUNNING; sending for 1 s before the outage"
sleep 1

OUT_START=$(now_ms)
sql "ALTER USER '$APP_USER'@'%' ACCOUNT LOCK"
for id in $(sql "SELECT id FROM information_schema.processlist WHERE user = '$APP_USER'"); do
  sql "KILL $id" 2>/dev/null || true
done
say "DATABASE AWAY for $OUTAGE s (account locked, connections killed)"
sleep "$OUTAGE"
sql "ALTER USER '$APP_USER'@'%' ACCOUNT UNLOCK"
OUT_END=$(now_ms)
say "database back"
until [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ACCOUNT_KEY" "$BASE/api/v1/integrations")" == 200 ]]; do
  sleep 0.1
done
RECOVERED=$(now_ms)
say "the integrations API answers 200 again $((RECOVERED - OUT_END)) ms after the database came back"
sleep 15
touch "$WORK/stop"; wait $(jobs -p | grep -v "^$APP_PID$") 2>/dev/null || true
cat "$WORK"/answers.* >"$WORK/answers"

echo
echo "== Requests API answers, by status: sent during the outage / answered during the outage / all"
awk -v s="$OUT_START" -v e="$OUT_END" '{ all[$3]++; if ($1 >= s && $1 <= e) sent[$3]++; if ($2 >= s && $2 <= e) during[$3]++ }
  END { for (c in all) printf "   %s: %d / %d / %d\n", c, sent[c] + 0, during[c] + 0, all[c] }' "$WORK/answers" | sort
echo "   503 without Retry-After or problem body: $(awk '$3 == 503 && ($5 == "-" || $6 != "yes")' "$WORK/answers" | wc -l)"
awk -v s="$OUT_START" -v e="$OUT_END" '$1 >= s && $1 <= e { d = $2 - $1; n++; t += d; if (d > m) m = d }
  END { printf "   answer time of requests sent during the outage: mean %d ms, longest %d ms\n", n ? t / n : 0, m }' "$WORK/answers"
echo "== Request log: every logged request answered 202 or 422 is stored"
# a valid request with a production key (202) is delivered as an event and never logged (by design)
awk '($3 == 422 || ($3 == 202 && $7 == "test")) && $4 != "-" { print $4 }' "$WORK/answers" | sort -u >"$WORK/answered-ids"
answered=$(wc -l <"$WORK/answered-ids")
echo "   valid production requests accepted (202, delivered as events, not logged): $(awk '$3 == 202 && $7 == "live"' "$WORK/answers" | wc -l)"
sql "SELECT request_id FROM $DB_NAME.ac_request_log" | sort -u >"$WORK/logged-ids"
missing=$(comm -23 "$WORK/answered-ids" "$WORK/logged-ids" | wc -l)
echo "   answered 202/422 (logged kinds): $answered, missing from the log: $missing"

echo "== Import runs"
say "waiting up to 150 s for the interrupted runs to be retried"
for _ in $(seq 1 150); do
  left=$(sql "SELECT COUNT(*) FROM $DB_NAME.import_run r WHERE r.failure_category = 'SYNCWATCH_UNAVAILABLE'
              AND NOT EXISTS (SELECT 1 FROM $DB_NAME.import_run l WHERE l.integration_id = r.integration_id
                              AND l.started_at > r.finished_at AND l.state = 'FINISHED')")
  (( left == 0 )) && break
  sleep 1
done
sql "SELECT CONCAT('   run ', id, ' of integration ', integration_id, ': ', state, ' ', IFNULL(outcome, ''), ' ',
            IFNULL(failure_category, ''), ' — ', IFNULL(message, '')) FROM $DB_NAME.import_run
     WHERE finished_at >= FROM_UNIXTIME($OUT_START / 1000) - INTERVAL 5 SECOND OR state = 'RUNNING' ORDER BY id"
echo "   still RUNNING: $(sql "SELECT COUNT(*) FROM $DB_NAME.import_run WHERE state = 'RUNNING'")"
echo "   failed for the outage (SYNCWATCH_UNAVAILABLE): $(sql "SELECT COUNT(*) FROM $DB_NAME.import_run WHERE failure_category = 'SYNCWATCH_UNAVAILABLE'"), not yet retried: $left"
echo "== Application log"
echo "   ERROR lines: $(grep -c ' ERROR ' "$WORK/app.log" || true); stack traces in API answers: $(grep -l 'at io.syncwatch' "$WORK"/b.* 2>/dev/null | wc -l)"
echo "   RunClosing: $(grep -c 'RunClosing' "$WORK/app.log" || true) lines, e.g.:"
grep 'RunClosing' "$WORK/app.log" | head -3 | cut -c1-220 | sed 's/^/     /'
