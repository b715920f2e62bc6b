# At province size (70,000 organizations from `sample`), `--jobs 1` and
# `--jobs 2` give byte-identical outputs in every format rendered on all
# cores (json, jsonl, csv, junit; issue 13), and reading the files in
# small pieces on two threads gives the diagnostics of reading each file in
# one piece. Some rows are damaged first: a bad date every 997th activity, a
# name with a quoted newline and comma every 101st organization, a quoted
# note every 7th incident, so that diagnostics, quoted newlines and piece
# boundaries meet many times.
source "$(dirname "$0")/../lib.sh"

run sample --orgs "$province_orgs" --seed 1 --as-of 2026-11-27 --out "$TMP/province" --quiet
expect_exit 0
data=$TMP/province
awk -F, -v OFS=, 'NR > 1 && NR % 997 == 0 { $2 = "2025-02-30" } { print }' "$data/activities.csv" >"$TMP/a" &&
  mv "$TMP/a" "$data/activities.csv"
awk -F, -v OFS=, 'NR > 1 && NR % 101 == 0 { $2 = "\"" $2 "\n（分会, \"\"二\"\"）\"" } { print }' \
  "$data/organizations.csv" >"$TMP/o" && mv "$TMP/o" "$data/organizations.csv"
awk -F, -v OFS=, 'NR > 1 && NR % 7 == 0 { $7 = "\"说明,\n" NR "\"" } { print }' "$data/incidents.csv" >"$TMP/i" &&
  mv "$TMP/i" "$data/incidents.csv"

# The digest of what orgaudit ARGS… writes to stdout and stderr, and its exit code.
digest() {
  "$ORGAUDIT" "$@" 2>"$TMP/err" </dev/null | sha256sum | cut -d' ' -f1
  echo "exit ${PIPESTATUS[0]} stderr $(sha256sum <"$TMP/err" | cut -d' ' -f1)"
}

# validate reads with every core: compare one piece per file with pieces of 64 KiB.
whole=$(ORGAUDIT_CHUNK_BYTES=4000000000 digest validate --data "$data" --as-of 2026-11-27)
pieces=$(ORGAUDIT_CHUNK_BYTES=65536 digest validate --data "$data" --as-of 2026-11-27)
[[ $whole == *"exit 4 "* ]] || fail "validate should find the damaged rows: $whole"
[[ $whole == "$pieces" ]] || fail "validate: one piece per file and pieces of 64 KiB differ"

for format in json jsonl csv; do
  args=(score --lenient --data "$data" --as-of 2026-11-27 --format "$format")
  one=$(digest "${args[@]}" --jobs 1)
  two=$(digest "${args[@]}" --jobs 2)
  [[ $one == *"exit 0 "* ]] || fail "score --format $format: $one"
  [[ $one == "$two" ]] || fail "score --format $format: --jobs 1 and --jobs 2 differ"
done

# JUnit is written by `audit` only.
for jobs in 1 2; do
  run audit --lenient --data "$data" --as-of 2026-11-27 --format junit --out "$TMP/junit$jobs" \
    --quiet --jobs "$jobs"
  expect_exit 0
done
[[ -s $TMP/junit1/report.junit.xml ]] &&
  cmp -s "$TMP/junit1/report.junit.xml" "$TMP/junit2/report.junit.xml" ||
  fail "audit --format junit: --jobs 1 and --jobs 2 differ"

rm -rf "$data"
finish
