# import writes a .db that validates like the CSVs, and refuses to overwrite without --force.
source "$(dirname "$0")/../lib.sh"

# The sample has one organization per line after the header (no quoted newlines).
orgs=$(($(wc -l < "$SRC/samples/huzhou/organizations.csv") - 1))

run import --data "$SRC/samples/huzhou" --to "$TMP/h.db"
expect_exit 0
expect_stdout_empty
expect_stderr_contains "import: wrote $orgs organizations and"
[[ -f $TMP/h.db ]] || fail "h.db was not written"

run validate --data "$TMP/h.db"
expect_exit 0
expect_stderr_contains "，共 $orgs 个社会组织"

# Any SQL client finds an organization by its code: SQLite's own shell, with
# the plain query an analyst would type (text is stored as TEXT, not BLOB).
line=$(sed -n 2p "$SRC/samples/huzhou/organizations.csv")
uscc=${line%%,*}
name=$(cut -d, -f2 <<<"$line")
[[ $(sqlite3 "$TMP/h.db" "SELECT name FROM organizations WHERE uscc = '$uscc'") == "$name" ]] ||
  fail "sqlite3 does not find $uscc ($name) in h.db"

before=$(stat -c %Y%s "$TMP/h.db")
run import --data "$SRC/samples/huzhou" --to "$TMP/h.db"
expect_exit 2
expect_stderr_contains "h.db already exists; pass --force to overwrite it"
[[ $(stat -c %Y%s "$TMP/h.db") == "$before" ]] || fail "h.db changed without --force"

run import --data "$DATA/validate/gb18030_export" --to "$TMP/h.db" --force
expect_exit 0
expect_stderr_contains "import: wrote 4 organizations and 2 child rows"
run validate --data "$TMP/h.db"
expect_exit 0
expect_stderr_contains "，共 4 个社会组织"

finish
