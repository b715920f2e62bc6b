# Helpers for the CLI tests that record a 70,000-organization sample again and
# again (history_sigkill.sh, history_sigint.sh); sourced after lib.sh.

organizations=70000
data=$TMP/province
db=$TMP/runs.db

# Generates the sample once, into the test's directory.
make_province() {
  run sample --orgs "$organizations" --seed 7 --as-of 2026-11-27 --out "$data" --quiet
  expect_exit 0
}

# Starts `score --db --record` in the background; its pid is in $pid.
start_score() {
  "$ORGAUDIT" score --data "$data" --as-of 2026-11-27 --db "$db" --record --quiet --format csv \
    >/dev/null 2>"$TMP/score.err" </dev/null &
  pid=$!
}

# Waits until the running score starts recording (its write-ahead log passes
# 256 KiB; opening and migrating write less) or ends; true if it is recording.
wait_for_recording() {
  while kill -0 "$pid" 2>/dev/null; do
    if [[ -f $db-wal ]] && (($(stat -c %s "$db-wal") > 262144)); then
      return 0
    fi
    sleep 0.002
  done
  return 1
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

# Runs one complete recording and sets $before_recording and $recording_time
# (seconds from the start to the first write of the recording, and from there
# to the end) and $runs.
time_one_run() {
  local begin recording end
  begin=$EPOCHREALTIME
  start_score
  wait_for_recording || fail "a complete run never recorded"
  recording=$EPOCHREALTIME
  wait "$pid" || fail "a complete run failed: $(cat "$TMP/score.err")"
  end=$EPOCHREALTIME
  before_recording=$(awk -v a="$begin" -v b="$recording" 'BEGIN {printf "%.3f", b - a}')
  recording_time=$(awk -v a="$recording" -v b="$end" 'BEGIN {printf "%.3f", b - a}')
  runs=$(check_database) || fail "after a complete run"
}

# Sleeps `fraction` of `seconds`.
sleep_fraction() {
  sleep "$(awk -v t="$1" -v f="$2" 'BEGIN {printf "%.3f", t * f}')"
}
