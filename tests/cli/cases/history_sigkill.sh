# `score --db F --record` on a 70,000-organization sample, killed with SIGKILL
# at 30 moments: 8 while it loads and scores, 16 while it stores the run (as
# its write-ahead log grows from the first page to the commit), and 6 after
# the commit while the log is copied into the file. After each, the file
# passes PRAGMA integrity_check and holds only complete runs of 70,000
# organizations: the one it held, and the new one only if it was committed.
# A province run adds less than 30 MB to the file.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/../province_history.sh"

prepare_one_run
((one_run_size < 30 * 1024 * 1024)) || fail "the first province run takes $one_run_size bytes"
measure_run
growth=$(($(stat -c %s "$db") - one_run_size))
((growth < 30 * 1024 * 1024)) || fail "a second province run adds $growth bytes"
echo "first run $one_run_size bytes, second adds $growth; $before_recording s before" \
  "recording, $recording_time s recording, write-ahead log up to $largest_wal bytes" >&2

moments=()
for fraction in 0.05 0.1 0.15 0.2 0.3 0.4 0.5 0.6; do
  moments+=("after $(before_recording_at "$fraction")")
done
for ((j = 0; j < 16; j++)); do moments+=("wal $(wal_at "$(awk -v j="$j" 'BEGIN {print j / 16}')")"); done
for delay in 0 0.002 0.005 0.01 0.02 0.04; do moments+=("checkpoint $((one_run_size + 1)) $delay"); done

killed=0
committed=0
for moment in "${moments[@]}"; do
  reset_database
  start_score
  # shellcheck disable=SC2086 # the moment is words: a mode, a value, a delay
  signal_at KILL $moment
  wait "$pid"
  status=$?
  after=$(check_database) || {
    fail "moment $moment: the database is damaged"
    break
  }
  if [[ $status -eq 137 ]]; then
    killed=$((killed + 1))
    # Killed after its commit, the run is complete and stays; before, it is absent.
    ((after == 1 || after == 2)) || fail "moment $moment: 1 run before, $after after"
    committed=$((committed + after - 1))
  elif [[ $status -eq 0 ]]; then
    ((after == 2)) || fail "moment $moment: a run that succeeded is missing"
  else
    fail "moment $moment: exit $status: $(cat "$TMP/score.err")"
  fi
done
echo "${#moments[@]} moments: $killed killed ($committed of them after their commit)" >&2
((killed >= 26)) || fail "only $killed of the ${#moments[@]} runs were killed while running"

finish
