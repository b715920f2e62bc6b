# An output that cannot be written is exit 5 with the path in the message, and
# leaves no file behind: not the failed one, not a temporary one, and not the
# other outputs of the same run (they are renamed only once all rendered).
# CI runs as root, where chmod does not stop writes: the parent is a regular file.
source "$(dirname "$0")/../lib.sh"

small=(--data "$DATA/audit/small" --rules "$DATA/rules/basic.yaml")
echo "not a directory" >"$TMP/afile"
mkdir -p "$TMP/out"

run report "${small[@]}" --format "json:$TMP/out/ok.json" --format "csv:$TMP/afile/x.csv"
expect_exit 5
expect_stdout_empty
expect_stderr_contains "$TMP/afile/x.csv"
[[ -z $(ls -A "$TMP/out") ]] || fail "a failed run left files: $(ls -A "$TMP/out")"

run report "${small[@]}" --format "xlsx:$TMP/no-such-dir/x.xlsx"
expect_exit 5
expect_stderr_contains "$TMP/no-such-dir/x.xlsx"

run audit "${small[@]}" --out "$TMP/afile/sub"
expect_exit 5
expect_stdout_empty
expect_stderr_contains "$TMP/afile/sub"

run audit "${small[@]}" --out "$TMP/afile"
expect_exit 5
expect_stderr_contains "$TMP/afile"
[[ $(cat "$TMP/afile") == "not a directory" ]] || fail "the file in the way was changed"

# An existing report is replaced only by a complete one.
run report "${small[@]}" --as-of 2026-06-30 --format "json:$TMP/out/ok.json"
expect_exit 0
cp "$TMP/out/ok.json" "$TMP/before.json"
run report "${small[@]}" --as-of 2026-07-01 --format "json:$TMP/out/ok.json" --format "md:$TMP/afile/x.md"
expect_exit 5
cmp -s "$TMP/out/ok.json" "$TMP/before.json" || fail "a failed run changed an existing report"
[[ $(ls -A "$TMP/out") == ok.json ]] || fail "temporary files left: $(ls -A "$TMP/out")"

# A directory in the way of one report is found only when the files are put in
# place: then none of the run's files replaces what was there (the four others
# keep their earlier contents) and no temporary file is left.
run audit "${small[@]}" --as-of 2026-06-30 --out "$TMP/audit"
expect_exit 0
rm "$TMP/audit/report.html"
mkdir "$TMP/audit/report.html"
for f in json csv xlsx junit.xml; do cp "$TMP/audit/report.$f" "$TMP/before.$f"; done
run audit "${small[@]}" --as-of 2026-07-01 --out "$TMP/audit"
expect_exit 5
expect_stderr_contains "$TMP/audit/report.html"
for f in json csv xlsx junit.xml; do
  cmp -s "$TMP/audit/report.$f" "$TMP/before.$f" || fail "a failed run replaced report.$f"
done
[[ $(ls -A "$TMP/audit" | sort | tr '\n' ' ') == "report.csv report.html report.json report.junit.xml report.xlsx " ]] ||
  fail "files left behind: $(ls -A "$TMP/audit")"

# Reports get the permissions the umask allows, like any file a program creates.
(umask 027 && "$ORGAUDIT" report "${small[@]}" --format "json:$TMP/out/umask.json" >/dev/null 2>&1)
[[ $(stat -c %a "$TMP/out/umask.json") == 640 ]] || fail "umask 027 gave mode $(stat -c %a "$TMP/out/umask.json")"
(umask 002 && "$ORGAUDIT" report "${small[@]}" --format "json:$TMP/out/umask2.json" >/dev/null 2>&1)
[[ $(stat -c %a "$TMP/out/umask2.json") == 664 ]] || fail "umask 002 gave mode $(stat -c %a "$TMP/out/umask2.json")"

# Usage errors: --format is required, at most one output to stdout, known formats only.
run report "${small[@]}"
expect_exit 2
run report "${small[@]}" --format json --format csv
expect_exit 2
expect_stderr_contains "at most one --format may go to stdout"
run report "${small[@]}" --format pdf
expect_exit 2
run report "${small[@]}" --format json --output "$TMP/out/via-output.json"
expect_exit 0
expect_stdout_empty
[[ -s $TMP/out/via-output.json ]] || fail "--output FILE was not written"

finish
