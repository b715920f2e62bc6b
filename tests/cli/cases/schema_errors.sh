# A broken --schema is reported like a broken rule set: FILE:LINE:COL with the
# column in characters, the line and a caret under it; exit 3 before any data is read.
source "$(dirname "$0")/../lib.sh"

cp "$DATA/schema/bad-type.yaml" "$DATA/schema/no-region.yaml" .

run validate --data "$SRC/samples/huzhou" --schema bad-type.yaml
expect_exit 3
expect_stdout_empty
expect_stderr_golden schema/bad-type.stderr

run audit --data "$SRC/samples/huzhou" --schema no-region.yaml --out "$TMP/out"
expect_exit 3
expect_stderr_golden schema/no-region.stderr

finish
