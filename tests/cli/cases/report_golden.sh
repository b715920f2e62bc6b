# `report` writes all nine formats in one run; each equals its golden file
# exactly, apart from the tool version (tests/cli/tools/normalize.py replaces
# it with @VERSION@; an .xlsx is compared member by member, as text).
source "$(dirname "$0")/../lib.sh"

version=$("$ORGAUDIT" --version | cut -d' ' -f2)
formats=(text json jsonl csv md html junit sarif xlsx)
args=()
for f in "${formats[@]}"; do args+=(--format "$f:$TMP/out/report.$f"); done
mkdir -p "$TMP/out"

# Relative paths, so the dataset path in the reports is the same on every machine.
cd "$DATA/audit" || exit 1
run report --data small --rules ../rules/basic.yaml --waivers waivers.yaml --as-of 2026-06-30 "${args[@]}"
expect_exit 0
expect_stdout_empty
for f in "${formats[@]}"; do
  python3 "$SRC/tests/cli/tools/normalize.py" "$version" "$TMP/out/report.$f" >"$TMP/$f.normalized"
  expect_file_golden "$TMP/$f.normalized" "audit/golden/report.$f"
done

# The English labels, for the two formats people read.
run report --data small --rules ../rules/basic.yaml --waivers waivers.yaml --as-of 2026-06-30 --lang en \
  --format "html:$TMP/out/en.html" --format md
expect_exit 0
python3 "$SRC/tests/cli/tools/normalize.py" "$version" "$STDOUT" >"$TMP/md-en.normalized"
expect_file_golden "$TMP/md-en.normalized" "audit/golden/report-en.md"
python3 "$SRC/tests/cli/tools/normalize.py" "$version" "$TMP/out/en.html" >"$TMP/html-en.normalized"
expect_file_golden "$TMP/html-en.normalized" "audit/golden/report-en.html"
cd "$TMP" || exit 1

# Nothing but the requested files: no temporary names left.
[[ $(ls -A "$TMP/out" | wc -l) -eq 10 ]] || fail "out/ should hold exactly the 10 reports: $(ls -A "$TMP/out")"

finish
