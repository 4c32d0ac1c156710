#!/bin/bash
# What a booking's door and sign tasks cost PostgreSQL alone, and what three changes to their table
# would save: pgbench at 16 clients on this machine's PostgreSQL (127.0.0.1:5432, database test,
# user postgres, trust; override with PGHOST / PGPORT / PGUSER / PGDATABASE). One transaction is one
# booking's rows as kiosk-server writes them (the booking, its 8 slot claims, its 5 door and sign
# tasks), in a schema bench_door_tasks made afresh for each run from kiosk-server's own migrations
# and dropped at the end. The variants run in turns, each round in the same order:
#   bare      the booking and its claims only (what bench/booking/run.sh's bare inserts write)
#   as-is     with the 5 door and sign tasks, the schema as it is
#   no-room-fk   without door_task's foreign key to room (the booking's own key names the room too)
#   partial   door_task's unique slot_holder as a partial index (only REVOKE tasks holding a slot)
#   cache     door_task's id sequence caching 50 values a connection
#   all       the three changes together
# Prints bookings a second and the CPU a booking of pgbench itself and of the rest of the machine
# (PostgreSQL and the kernel), the median of the rounds, and each against as-is.
# Usage: bench/booking/door-tasks.sh [seconds a run=15] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in psql pgbench; do
  command -v "$tool" >/dev/null || { echo "$tool is needed: apt-get install -y postgresql-client" >&2; exit 1; }
done
seconds=${1:-15}
rounds=${2:-3}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-test}
schema=bench_door_tasks
work=$(mktemp -d)
trap 'rm -rf "$work"; psql -q -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true' EXIT

# The migrations in Flyway's order (V8 before V8_1), as one file.
for f in kiosk-server/src/main/resources/db/migration/V*.sql; do
  name=$(basename "$f"); version=${name#V}; version=${version%%__*}
  echo "${version//_/.} $f"
done | sort -V | while read -r _ f; do cat "$f"; echo; done > "$work/schema.sql"

cat > "$work/bare.sql" <<'EOF'
\set id :client_id * 100000000000 + random(0, 99999999999)
\set room :client_id % 16 + 1
BEGIN;
INSERT INTO booking (id, room_id, code, door_code, door_code_from, starts_at, ends_at, status, kiosk_id, created_at, anonymised, language) VALUES (:id, :room, 'c' || :id, '1234', now(), now(), now() + interval '30 min', 'CONFIRMED', 1, now(), false, 'fi');
INSERT INTO room_slot_claim (room_id, slot_minute, booking_id) VALUES (:room, :id::bigint * 40, :id), (:room, :id::bigint * 40 + 5, :id), (:room, :id::bigint * 40 + 10, :id), (:room, :id::bigint * 40 + 15, :id), (:room, :id::bigint * 40 + 20, :id), (:room, :id::bigint * 40 + 25, :id), (:room, :id::bigint * 40 + 30, :id), (:room, :id::bigint * 40 + 35, :id);
COMMIT;
EOF
sed '$d' "$work/bare.sql" > "$work/tasks.sql"
cat >> "$work/tasks.sql" <<'EOF'
INSERT INTO door_task (booking_id, room_id, kind, lock_id, sign_id, slot, slot_holder, due_at, state, attempts, next_attempt_at, created_at) VALUES (:id, :room, 'SET_CODE', 'lock-1', NULL, NULL, NULL, now(), 'PENDING', 0, now(), now()), (:id, :room, 'REVOKE_CODE', 'lock-1', NULL, NULL, NULL, now() + interval '30 min', 'PENDING', 0, now() + interval '30 min', now()), (:id, :room, 'OPEN', 'lock-1', NULL, NULL, NULL, now(), 'PENDING', 0, now(), now()), (:id, :room, 'SIGN_BOOKED', NULL, 'sign-1', NULL, NULL, now(), 'PENDING', 0, now(), now()), (:id, :room, 'SIGN_FREE', NULL, 'sign-1', NULL, NULL, now() + interval '30 min', 'PENDING', 0, now() + interval '30 min', now());
COMMIT;
EOF

declare -A change=(
  [bare]="" [as-is]=""
  [no-room-fk]="ALTER TABLE door_task DROP CONSTRAINT door_task_room_id_fkey;"
  [partial]="ALTER TABLE door_task DROP CONSTRAINT door_task_slot_holder_key; CREATE UNIQUE INDEX door_task_slot_holder ON door_task (slot_holder) WHERE slot_holder IS NOT NULL;"
  [cache]="ALTER TABLE door_task ALTER COLUMN id SET CACHE 50;"
)
change[all]="${change[no-room-fk]} ${change[partial]} ${change[cache]}"
variants=(bare as-is no-room-fk partial cache all)

busy() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9; exit}' /proc/stat; }
hz=$(getconf CLK_TCK)
export PGOPTIONS="-c search_path=$schema"
echo "pgbench, 16 clients, $seconds s a run, $rounds rounds; $(nproc) cores"
printf '%-6s %-11s %10s %16s %16s\n' round variant bookings/s "pgbench µs/bk" "rest µs/bk"
for round in $(seq "$rounds"); do
  for v in "${variants[@]}"; do
    psql -q -v ON_ERROR_STOP=1 -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema" >/dev/null 2>&1
    psql -q -v ON_ERROR_STOP=1 -f "$work/schema.sql" >/dev/null
    psql -q -v ON_ERROR_STOP=1 -c "INSERT INTO site (id, name, time_zone, created_at) VALUES (1, 'bench', 'Europe/Helsinki', now())" \
      -c "INSERT INTO room (id, site_id, name, place, capacity, step_free, equipment, door_lock_id, keypad, room_sign_id, active)
          SELECT g, 1, 'room ' || g, 'bench', 1, true, '', 'lock-' || g, true, 'sign-' || g, true FROM generate_series(1, 16) g" >/dev/null
    [ -n "${change[$v]}" ] && psql -q -v ON_ERROR_STOP=1 -c "${change[$v]}" >/dev/null
    script=$work/tasks.sql; [ "$v" = bare ] && script=$work/bare.sql
    before=$(busy)
    /usr/bin/time -f '%U %S' -o "$work/time" pgbench -n -M prepared -c 16 -j 2 -T "$seconds" -f "$script" > "$work/out" 2>&1
    after=$(busy)
    grep -q "number of failed transactions: 0 " "$work/out" || { cat "$work/out"; exit 1; }
    done_=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/out")
    read -r user sys < "$work/time"
    awk -v r="$round" -v v="$v" -v n="$done_" -v s="$seconds" -v u="$user" -v k="$sys" -v b="$before" -v a="$after" -v hz="$hz" 'BEGIN {
      own = (u + k) * 1e6 / n; all = (a - b) / hz * 1e6 / n
      printf "%-6s %-11s %10.0f %16.0f %16.0f\n", r, v, n / s, own, all - own }' | tee -a "$work/rows"
  done
done
echo
echo "median of $rounds rounds, and against as-is:"
median() { sort -n | awk '{ x[NR] = $1 } END { print x[int((NR + 1) / 2)] }'; }
for v in "${variants[@]}"; do
  echo "$v $(awk -v v="$v" '$2 == v { print $3 }' "$work/rows" | median) $(awk -v v="$v" '$2 == v { print $5 }' "$work/rows" | median)"
done > "$work/medians"
awk '$1 == "as-is" { r = $2; c = $3 } { v[NR] = $1; rate[NR] = $2; cpu[NR] = $3 } END {
  for (i = 1; i <= NR; i++) printf "%-11s %6.0f bookings/s = %.2f× as-is   rest %5.0f µs a booking (%+.0f)\n", v[i], rate[i], rate[i] / r, cpu[i], cpu[i] - c }' "$work/medians"
