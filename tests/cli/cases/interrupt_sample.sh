# SIGINT and SIGTERM while `sample` writes: exit 130, no temporary file left,
# the earlier files byte-identical.
source "$(dirname "$0")/../lib.sh"

run sample --orgs 500 --out "$TMP/out" --quiet
expect_exit 0
(cd "$TMP/out" && sha256sum ./*.csv >"$TMP/before.sha256")
for signal in INT TERM; do
  "$ORGAUDIT" sample --orgs 400000 --out "$TMP/out" >"$STDOUT" 2>"$STDERR" </dev/null &
  pid=$!
  for _ in $(seq 1 3000); do
    compgen -G "$TMP/out/.*.tmp-*" >/dev/null && break
    sleep 0.01
  done
  sleep 0.2
  kill -s "$signal" "$pid"
  wait "$pid"
  STATUS=$?
  expect_exit 130
  expect_stderr_contains "orgaudit: interrupted (SIG$signal); no output was changed"
  left=$(ls -A "$TMP/out" | grep -v '\.csv$' || true)
  [[ -z $left ]] || fail "$signal left: $left"
  (cd "$TMP/out" && sha256sum --quiet -c "$TMP/before.sha256") || fail "$signal changed an earlier file"
done
finish
