# score --format json is byte-identical between runs and job counts (issue 3),
# on the calibrated sample with the shipped rule set.
source "$(dirname "$0")/../lib.sh"

args=(score --data "$SRC/samples/huzhou" --as-of 2026-11-27 --format json --quiet)
"$ORGAUDIT" "${args[@]}" --jobs 1 >"$TMP/j1.json" || fail "jobs 1 failed"
"$ORGAUDIT" "${args[@]}" --jobs 2 >"$TMP/j2.json" || fail "jobs 2 failed"
"$ORGAUDIT" "${args[@]}" --jobs 2 >"$TMP/j2b.json" || fail "second run failed"
cmp -s "$TMP/j1.json" "$TMP/j2.json" || fail "--jobs 1 and --jobs 2 differ"
cmp -s "$TMP/j2.json" "$TMP/j2b.json" || fail "two runs differ"
[[ -s $TMP/j1.json ]] || fail "empty output"
grep -q '"schema_version": 1' "$TMP/j1.json" || fail "no schema_version"

# jsonl is the organizations array, one per line.
"$ORGAUDIT" score --data "$SRC/samples/huzhou" --as-of 2026-11-27 --format jsonl --quiet >"$TMP/all.jsonl"
orgs=$(($(wc -l <"$SRC/samples/huzhou/organizations.csv") - 1))
[[ $(wc -l <"$TMP/all.jsonl") -eq $orgs ]] || fail "jsonl should have one line per organization"

finish
