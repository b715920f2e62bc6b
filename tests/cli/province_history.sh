# Helpers for the CLI tests that record a 70,000-organization sample (20,000 on
# the sanitizer build, see lib.sh) again and again and signal it (history_sigkill.sh, history_sigint.sh); sourced after
# lib.sh. Every trial starts from a copy of a database holding one complete
# run, so that the moments are comparable and checking the file stays quick.

organizations=$province_orgs
data=$TMP/province
db=$TMP/runs.db

# Generates the sample, records one complete run (a fresh database: it also
# stores the organization dictionary) and keeps the file as $TMP/one-run.db.
prepare_one_run() {
  run sample --orgs "$organizations" --seed 7 --as-of 2026-11-27 --out "$data" --quiet
  expect_exit 0
  start_score
  wait "$pid" || fail "the first run failed: $(cat "$TMP/score.err")"
  [[ $(check_database) -eq 1 ]] || fail "the first run is not stored"
  cp "$db" "$TMP/one-run.db"
  one_run_size=$(stat -c %s "$TMP/one-run.db")
}

# Puts the one-run database back (the last check closed the file, so its
# write-ahead log is gone or holds nothing to keep).
reset_database() {
  rm -f "$db-wal" "$db-shm"
  cp "$TMP/one-run.db" "$db"
}

# Starts `score --db --record` in the background; its pid is in $pid.
start_score() {
  "$ORGAUDIT" score --data "$data" --as-of 2026-11-27 --db "$db" --record --quiet --format csv \
    >/dev/null 2>"$TMP/score.err" </dev/null &
  pid=$!
}

# signal_at SIGNAL MODE VALUE [DELAY]: see tests/cli/tools/signal_at.py; true
# if the signal reached the running process.
signal_at() {
  python3 "$SRC/tests/cli/tools/signal_at.py" "$pid" "$db" "$@"
}

# Records a run from the one-run database and measures it: sets
# $before_recording, $recording_time (seconds) and $largest_wal (bytes).
measure_run() {
  reset_database
  start_score
  read -r before_recording recording_time largest_wal \
    < <(python3 "$SRC/tests/cli/tools/signal_at.py" "$pid" "$db" measure)
  wait "$pid" || fail "a complete run failed: $(cat "$TMP/score.err")"
  [[ -n $largest_wal ]] || fail "a complete run never recorded"
}

# Prints the number of runs; fails unless the file passes PRAGMA
# integrity_check and every run holds all its organizations.
check_database() {
  python3 - "$db" "$organizations" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
result = db.execute("PRAGMA integrity_check").fetchone()[0]
assert result == "ok", result
runs = db.execute("SELECT id, organizations, (SELECT count(*) FROM results r WHERE r.run = runs.id) "
                  "FROM runs").fetchall()
for run, count, stored in runs:
    assert count == stored == int(sys.argv[2]), (run, count, stored)
db.close()
print(len(runs))
PY
}

# The WAL size at `fraction` of the way from the start of the recording to
# the largest the log grew in the measured run.
wal_at() {
  awk -v largest="$largest_wal" -v f="$1" 'BEGIN {printf "%d", 262144 + (largest - 262144) * f}'
}

# The moment `fraction` of the way from the start to the recording, in
# seconds, as measured: a faster machine signals sooner, so every such moment
# still falls while the run loads and scores.
before_recording_at() {
  awk -v total="$before_recording" -v f="$1" 'BEGIN {printf "%.3f", total * f}'
}
