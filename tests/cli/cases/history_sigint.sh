# SIGINT (and once SIGTERM) sent to `score --db F --record` on a
# 70,000-organization sample at 9 moments, 4 before it records (while it loads
# and scores: 0.3 to 2.2 s after it starts, sooner than a province run can
# reach its recording even on a fast machine) and 5 while it records: each
# exits 130 with its message, and the database still holds only the complete
# runs it held before.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/../province_history.sh"

make_province
time_one_run
echo "$before_recording s before recording, $recording_time s recording" >&2

for moment in 0.3 0.8 1.5 2.2 r0 r0.1 r0.2 r0.3 term; do
  start_score
  signal=INT
  case $moment in
    r*)
      wait_for_recording || fail "moment $moment: the run ended before recording"
      sleep_fraction "$recording_time" "${moment#r}"
      ;;
    term)
      signal=TERM
      wait_for_recording || fail "moment $moment: the run ended before recording"
      ;;
    *) sleep "$moment" ;;
  esac
  kill -"$signal" "$pid"
  wait "$pid"
  status=$?
  [[ $status -eq 130 ]] || fail "moment $moment: SIG$signal gave exit $status: $(cat "$TMP/score.err")"
  grep -q "orgaudit: interrupted (SIG$signal); no output was changed" "$TMP/score.err" ||
    fail "moment $moment: stderr: $(cat "$TMP/score.err")"
  after=$(check_database) || fail "moment $moment: the database is damaged"
  [[ $after -eq $runs ]] || fail "moment $moment: $runs runs before, $after after"
  runs=$after
done

finish
