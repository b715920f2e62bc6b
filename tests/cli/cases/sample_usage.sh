source "$(dirname "$0")/../lib.sh"

run sample --orgs 0 --out "$TMP/none"
expect_exit 2
expect_stdout_empty
expect_stderr_contains "--orgs must be at least 1"
[[ ! -e $TMP/none ]] || fail "nothing should be written for --orgs 0"

run sample --orgs -5 --out "$TMP/none"
expect_exit 2

run sample --orgs 100000001 --out "$TMP/none"
expect_exit 2
expect_stderr_contains "--orgs must be at most 100000000"

run sample --orgs 10 --as-of 2026-02-30 --out "$TMP/none"
expect_exit 2
expect_stderr_contains '--as-of: not a date: "2026-02-30"'

run sample --orgs 10 --as-of 1994-12-31 --out "$TMP/none"
expect_exit 2
expect_stderr_contains "--as-of must be in 1995 or later"

run sample --out "$TMP/none"
expect_exit 2

run sample --orgs 10
expect_exit 2

# An output directory that cannot be created is an I/O failure (exit 5).
touch "$TMP/file"
run sample --orgs 10 --out "$TMP/file/sub"
expect_exit 5
expect_stderr_contains "orgaudit: error: cannot create directory"

# Without --as-of the clock gives the date; the directory is created.
run sample --orgs 10 --seed 3 --out "$TMP/today/nested" --quiet
expect_exit 0
[[ -s $TMP/today/nested/organizations.csv ]] || fail "organizations.csv not written"

finish
