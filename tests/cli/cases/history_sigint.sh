# SIGINT (and once SIGTERM) sent to `score --db F --record` on a
# 70,000-organization sample at 9 moments: 4 while it loads and scores (from a
# tenth to four tenths of the time a measured run took to reach its recording:
# on a busy machine one run can be twice as fast as another) and 5 while it
# stores the run (as its write-ahead log grows, before the commit). Each exits
# 130 with its message (saying, when it came during the recording, that the
# output was written but the run not recorded), and the database still holds
# only the complete run it held before.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/../province_history.sh"

prepare_one_run
measure_run
echo "$before_recording s before recording, $recording_time s recording, write-ahead log up" \
  "to $largest_wal bytes" >&2

for moment in "INT after $(before_recording_at 0.1)" "INT after $(before_recording_at 0.2)" \
  "INT after $(before_recording_at 0.3)" "INT after $(before_recording_at 0.4)" \
  "INT wal $(wal_at 0)" "INT wal $(wal_at 0) 0.01" "INT wal $(wal_at 0.25)" \
  "INT wal $(wal_at 0.5)" "TERM wal $(wal_at 0.4)"; do
  reset_database
  start_score
  # shellcheck disable=SC2086 # the moment is words: a signal, a mode, a value, a delay
  signal_at $moment || fail "moment $moment: the run ended before the signal"
  wait "$pid"
  status=$?
  signal=${moment%% *}
  [[ $status -eq 130 ]] || fail "moment $moment: SIG$signal gave exit $status: $(cat "$TMP/score.err")"
  # Before the recording nothing was written; while it stores the run, the
  # output (here stdout) is written already and only the run is dropped.
  expected="orgaudit: interrupted (SIG$signal); no output was changed"
  [[ $moment == *" wal "* ]] &&
    expected="orgaudit: interrupted (SIG$signal); the reports were written; this run was not recorded in $db"
  grep -qxF "$expected" "$TMP/score.err" || fail "moment $moment: stderr: $(cat "$TMP/score.err")"
  after=$(check_database) || fail "moment $moment: the database is damaged"
  [[ $after -eq 1 ]] || fail "moment $moment: 1 run before, $after after"
done

finish
