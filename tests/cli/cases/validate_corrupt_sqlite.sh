# A file named *.db that is not a SQLite database, or a damaged one, is invalid data (exit 4)
# named by its path, not an I/O failure (exit 5).
source "$(dirname "$0")/../lib.sh"

printf 'uscc,name\nthis is not a database, just text that someone renamed to x.db\n' >"$TMP/x.db"
run validate --data "$TMP/x.db"
expect_exit 4
expect_stdout_contains "$TMP/x.db: error: 不是 SQLite 数据库"
run audit --data "$TMP/x.db" --out "$TMP/out"
expect_exit 4
expect_stderr_contains "$TMP/x.db: error: 不是 SQLite 数据库"
[[ ! -e $TMP/out ]] || fail "audit wrote reports from a file that is not a database"

# A database cut short, as by an interrupted copy.
run import --data "$SRC/samples/huzhou" --to "$TMP/whole.db"
expect_exit 0
head -c 1000000 "$TMP/whole.db" >"$TMP/truncated.db"
run validate --data "$TMP/truncated.db"
expect_exit 4
expect_stdout_contains "$TMP/truncated.db: error: SQLite 数据库已损坏：文件不完整或内容有误（database disk image is malformed）"
run score --data "$TMP/truncated.db" --lang en
expect_exit 4
expect_stderr_contains "$TMP/truncated.db: error: damaged SQLite database: truncated or corrupt (database disk image is malformed)"

finish
