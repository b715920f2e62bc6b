source "$(dirname "$0")/../lib.sh"

# The same arguments give byte-identical files; another seed gives other files.
run sample --orgs 2500 --seed 9 --as-of 2026-11-27 --out "$TMP/a"
expect_exit 0
expect_stdout_empty
expect_stderr_contains "sample: 2500 organizations, "
expect_stderr_contains " child rows → $TMP/a ("

run sample --orgs 2500 --seed 9 --as-of 2026-11-27 --out "$TMP/b" --quiet
expect_exit 0
expect_stdout_empty
expect_stderr_empty

run sample --orgs 2500 --seed 10 --as-of 2026-11-27 --out "$TMP/c" --quiet
expect_exit 0

for table in organizations annual_reports policies activities projects incidents honors; do
  [[ -s $TMP/a/$table.csv ]] || fail "$table.csv missing or empty"
  cmp -s "$TMP/a/$table.csv" "$TMP/b/$table.csv" || fail "$table.csv differs between two runs with the same seed"
  cmp -s "$TMP/a/$table.csv" "$TMP/c/$table.csv" && fail "$table.csv is the same for seeds 9 and 10"
done
[[ $(wc -l <"$TMP/a/organizations.csv") -eq 2501 ]] || fail "organizations.csv should have a header and 2500 rows"
# No temporary files are left behind.
[[ $(ls "$TMP/a" | wc -l) -eq 7 ]] || fail "the output directory should hold exactly the 7 tables"

finish
