# A directory, a named pipe or a dangling symbolic link where a table file should be is
# reported as what it is (exit 4), never opened (a FIFO would block) nor taken as absent.
source "$(dirname "$0")/../lib.sh"

# Like run, but a command that blocked on a FIFO fails the test instead of hanging it.
run_bounded() {
  timeout 30 "$ORGAUDIT" "$@" >"$STDOUT" 2>"$STDERR" </dev/null
  STATUS=$?
}

mkdir -p "$TMP/dir/organizations.csv"
run_bounded validate --data "$TMP/dir" --as-of 2026-11-27
expect_exit 4
expect_stdout_contains "organizations.csv: error: is a directory, not a file"

mkdir -p "$TMP/fifo"
mkfifo "$TMP/fifo/organizations.csv"
run_bounded validate --data "$TMP/fifo" --as-of 2026-11-27
expect_exit 4
expect_stdout_contains "organizations.csv: error: is a named pipe (FIFO), not a regular file"

mkdir -p "$TMP/link"
ln -s "$TMP/nowhere/orgs.csv" "$TMP/link/organizations.csv"
run_bounded validate --data "$TMP/link" --as-of 2026-11-27
expect_exit 4
expect_stdout_contains "organizations.csv: error: is a symbolic link to $TMP/nowhere/orgs.csv, which does not exist"

# A child table too, and with every command that reads data.
mkdir -p "$TMP/child"
cp "$DATA/audit/small/organizations.csv" "$TMP/child/"
mkfifo "$TMP/child/activities.csv"
run_bounded validate --data "$TMP/child" --as-of 2026-11-27
expect_exit 4
expect_stdout_contains "activities.csv: error: is a named pipe (FIFO), not a regular file"
run_bounded score --data "$TMP/child" --as-of 2026-11-27
expect_exit 4
expect_stdout_empty
expect_stderr_contains "activities.csv: error: is a named pipe (FIFO), not a regular file"
run_bounded import --data "$TMP/child" --to "$TMP/child.db"
expect_exit 4
expect_stderr_contains "activities.csv: error: is a named pipe (FIFO), not a regular file"
[[ ! -e $TMP/child.db ]] || fail "import wrote child.db from refused data"

# --data itself.
mkfifo "$TMP/pipe.db"
run_bounded validate --data "$TMP/pipe.db"
expect_exit 4
expect_stdout_contains "$TMP/pipe.db: error: is a named pipe (FIFO), not a regular file (--data takes a directory or a SQLite file)"

finish
