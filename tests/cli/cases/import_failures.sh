# A failed import never leaves a .db (or a temporary file) behind.
source "$(dirname "$0")/../lib.sh"

mkdir -p "$TMP/out"
run import --data "$DATA/validate/duplicate_key" --to "$TMP/out/x.db" --lang en
expect_exit 4
expect_stdout_empty
expect_stderr_contains 'organizations.csv:4:1: error: uscc "51330502MJ0000018C": duplicate key (first on line 2)'
[[ -z $(ls -A "$TMP/out") ]] || fail "files left behind after invalid data: $(ls -A "$TMP/out")"

run import --data "$SRC/samples/huzhou" --to "$TMP/missing-dir/x.db"
expect_exit 5
expect_stderr_contains "$TMP/missing-dir/x.db: cannot create"

run import --data "$SRC/samples/huzhou" --to "$TMP/out"
expect_exit 2
expect_stderr_contains "is a directory"

# --lenient imports the good rows and says how many it skipped.
run import --data "$DATA/validate/duplicate_key" --to "$TMP/out/lenient.db" --lenient --lang en
expect_exit 0
expect_stderr_contains "duplicate key (first on line 2); row skipped"
expect_stderr_contains "--lenient skipped 1 row with errors"
expect_stderr_contains "import: wrote 2 organizations"

# Refused data shows its errors before any warnings, at most 20, then a count.
mkdir -p "$TMP/many"
{
  echo "uscc,name,type,region,status,bogus"
  for i in $(seq 1 30); do echo "51330502MJ0000018C,协会$i,social_group,330502,active,x"; done
} >"$TMP/many/organizations.csv"
run import --data "$TMP/many" --to "$TMP/out/many.db" --lang en
expect_exit 4
head -1 "$STDERR" | grep -qF 'organizations.csv:3:1: error: uscc "51330502MJ0000018C": duplicate key (first on line 2)' ||
  fail "the first line is not the first error"
expect_stderr_contains "… and 10 more"

run import --data "$SRC/samples/huzhou"
expect_exit 2

finish
