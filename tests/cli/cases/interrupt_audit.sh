# SIGINT and SIGTERM during `audit` on a 70,000-organization sample, at three
# moments (reading the data, part-way, writing the reports): exit 130 with one
# line on stderr, no temporary file left, the earlier reports byte-identical.
source "$(dirname "$0")/../lib.sh"

run sample --orgs "$province_orgs" --seed 7 --as-of 2026-11-27 --out "$TMP/province" --quiet
expect_exit 0
start=$(date +%s%N)
run audit --data "$TMP/province" --as-of 2026-11-27 --out "$TMP/out"
expect_exit 0
full_ms=$((($(date +%s%N) - start) / 1000000))
(cd "$TMP/out" && sha256sum report.* >"$TMP/before.sha256")

# interrupt SIGNAL MOMENT: runs audit (as of another day, so that its reports
# would differ) and sends SIGNAL at MOMENT: "early" (0.2 s after it handles
# signals), "middle" (at 40 % of a full run), or "writing" (once a temporary
# report file exists).
interrupt() {
  local signal=$1 moment=$2
  "$ORGAUDIT" audit --data "$TMP/province" --as-of 2026-11-28 --out "$TMP/out" \
    >"$STDOUT" 2>"$STDERR" </dev/null &
  local pid=$!
  wait_for_signal_handlers "$pid"
  case $moment in
  early) sleep 0.2 ;;
  middle) sleep "$(awk -v ms="$full_ms" 'BEGIN { printf "%.3f", ms * 0.4 / 1000 }')" ;;
  writing)
    for _ in $(seq 1 6000); do
      compgen -G "$TMP/out/.report.*.tmp-*" >/dev/null && break
      sleep 0.01
    done
    ;;
  esac
  kill -s "$signal" "$pid"
  wait "$pid"
  STATUS=$?
  expect_exit 130
  [[ $(wc -l <"$STDERR") -eq 1 ]] || fail "$signal at $moment: expected one line on stderr"
  expect_stderr_contains "orgaudit: interrupted (SIG$signal); no output was changed"
  local left
  left=$(ls -A "$TMP/out" | grep -v '^report\.' || true)
  [[ -z $left ]] || fail "$signal at $moment left: $left"
  (cd "$TMP/out" && sha256sum --quiet -c "$TMP/before.sha256") ||
    fail "$signal at $moment changed an earlier report"
}

for moment in early middle writing; do
  interrupt INT "$moment"
  interrupt TERM "$moment"
done
finish
