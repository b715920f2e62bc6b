# `score --db F --record` on a 70,000-organization sample, killed with SIGKILL
# at 30 moments: 8 spread over loading, scoring and writing, 22 spread over
# the recording itself (from the moment the database's write-ahead log starts
# to grow, through the commit, to the checkpoint at close). After each, the
# file passes PRAGMA integrity_check and holds only complete runs of 70,000
# organizations. Each moment starts from a copy of the file holding one
# complete run (so that checking it stays quick). A complete province run adds
# less than 30 MB to the file.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/../province_history.sh"

make_province
time_one_run
size=$(stat -c %s "$db")
((size < 30 * 1024 * 1024)) || fail "a province run takes $size bytes (more than 30 MB)"
[[ $runs -eq 1 ]] || fail "the first run is not stored"
echo "province run: $size bytes; $before_recording s before recording, $recording_time s recording" >&2
cp "$db" "$TMP/one-run.db"

killed=0
finished=0
committed=0
for ((k = 0; k < 30; k++)); do
  rm -f "$db-wal" "$db-shm" # the last check closed the file; nothing of it is left to recover
  cp "$TMP/one-run.db" "$db"
  start_score
  if ((k < 8)); then
    sleep_fraction "$before_recording" "$(awk -v k="$k" 'BEGIN {print (k + 0.5) / 8}')"
  elif wait_for_recording; then
    sleep_fraction "$recording_time" "$(awk -v j="$((k - 8))" 'BEGIN {print j / 21}')"
  fi
  kill -KILL "$pid" 2>/dev/null
  wait "$pid"
  status=$?
  after=$(check_database) || {
    fail "moment $k: the database is damaged"
    break
  }
  if [[ $status -eq 137 ]]; then
    killed=$((killed + 1))
    # Killed after its commit, the run is complete and stays; before, it is absent.
    ((after == 1 || after == 2)) || fail "moment $k: 1 run before, $after after"
    committed=$((committed + after - 1))
  elif [[ $status -eq 0 ]]; then
    finished=$((finished + 1))
    ((after == 2)) || fail "moment $k: a run that succeeded is missing"
  else
    fail "moment $k: exit $status: $(cat "$TMP/score.err")"
  fi
done
echo "30 moments: $killed killed ($committed of them after their commit), $finished finished first" >&2
((killed >= 20)) || fail "only $killed of the 30 runs were killed while running"

finish
