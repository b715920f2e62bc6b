# SIGINT and SIGTERM during `import` of a 70,000-organization sample, at two
# moments (reading the data, writing the database): exit 130 with one line on
# stderr, no temporary database or journal left, the earlier .db byte-identical.
source "$(dirname "$0")/../lib.sh"

run sample --orgs "$province_orgs" --seed 7 --as-of 2026-11-27 --out "$TMP/province" --quiet
expect_exit 0
run sample --orgs 50 --seed 7 --as-of 2026-11-27 --out "$TMP/small" --quiet
expect_exit 0
mkdir -p "$TMP/out"
run import --data "$TMP/small" --as-of 2026-11-27 --to "$TMP/out/orgs.db"
expect_exit 0
sha256sum "$TMP/out/orgs.db" >"$TMP/before.sha256"

for signal in INT TERM; do
  for moment in reading writing; do
    "$ORGAUDIT" import --data "$TMP/province" --as-of 2026-11-27 --to "$TMP/out/orgs.db" --force \
      >"$STDOUT" 2>"$STDERR" </dev/null &
    pid=$!
    wait_for_signal_handlers "$pid"
    if [[ $moment == reading ]]; then
      sleep 0.2
    else
      for _ in $(seq 1 6000); do
        compgen -G "$TMP/out/.orgs.db.tmp-*" >/dev/null && break
        sleep 0.01
      done
      sleep 0.3
    fi
    kill -s "$signal" "$pid"
    wait "$pid"
    STATUS=$?
    expect_exit 130
    [[ $(wc -l <"$STDERR") -eq 1 ]] || fail "$signal while $moment: expected one line on stderr"
    expect_stderr_contains "orgaudit: interrupted (SIG$signal); no output was changed"
    [[ $(ls -A "$TMP/out") == orgs.db ]] || fail "$signal while $moment left: $(ls -A "$TMP/out")"
    sha256sum --quiet -c "$TMP/before.sha256" || fail "$signal while $moment changed orgs.db"
  done
done
finish
