# Every command reads one clock (today in Asia/Shanghai, whatever TZ says),
# parses --as-of one way with one message, and refuses data the same way:
# errors first, at most 20, then a count (SPEC §5; issue 10 item 2).
source "$(dirname "$0")/../lib.sh"

common=(--data "$DATA/engine/small" --rules "$DATA/rules/basic.yaml")

# The date in Shanghai now, and the as-of date a run takes under a time zone
# far west and one far east of it (26 hours apart: their local dates differ).
shanghai_today() { python3 -c 'import datetime as d; print((d.datetime.now(d.timezone.utc) + d.timedelta(hours=8)).date())'; }
as_of_under() {
  TZ=$1 "$ORGAUDIT" score "${common[@]}" --format json 2>/dev/null |
    grep -o '"as_of": "[0-9-]*"' | head -1 | cut -d'"' -f4
}
before=$(shanghai_today)
west=$(as_of_under Etc/GMT+12)
east=$(as_of_under Etc/GMT-14)
after=$(shanghai_today)
[[ $west == "$east" ]] || fail "the as-of date depends on TZ: $west under UTC-12, $east under UTC+14"
[[ $west == "$before" || $west == "$after" ]] || fail "today is $west, not Shanghai's $before"
# sample's default date is the same today: without --as-of it writes what
# --as-of that date writes.
TZ=Etc/GMT+12 "$ORGAUDIT" sample --orgs 20 --out "$TMP/today" --quiet || fail "sample failed"
"$ORGAUDIT" sample --orgs 20 --as-of "$west" --out "$TMP/dated" --quiet || fail "sample failed"
[[ $(shanghai_today) != "$west" ]] || diff -r "$TMP/today" "$TMP/dated" >/dev/null ||
  fail "sample without --as-of is not dated $west"

# One --as-of parser, one message, exit 2, wherever the option is.
message='--as-of: not a date: "2026-02-30" (expected YYYY-MM-DD)'
run score "${common[@]}" --as-of 2026-02-30
expect_exit 2
expect_stderr_contains "$message"
run sample --orgs 10 --as-of 2026-02-30 --out "$TMP/none"
expect_exit 2
expect_stderr_contains "$message"
run rules check "$DATA/rules/basic.yaml" --waivers "$DATA/engine/waivers.yaml" --as-of 2026-02-30
expect_exit 2
expect_stderr_contains "$message"

# Refused data shows its errors before its warnings, at most 20, then a
# count, in the evaluating commands as in import.
mkdir -p "$TMP/many"
{
  echo "uscc,name,type,region,status,bogus"
  for i in $(seq 1 30); do echo "51330502MJ0000018C,协会$i,social_group,330502,active,x"; done
} >"$TMP/many/organizations.csv"
for command in score import; do
  if [[ $command == score ]]; then
    run score --data "$TMP/many" --rules "$DATA/rules/basic.yaml" --as-of 2026-06-30 --lang en
  else
    run import --data "$TMP/many" --to "$TMP/many.db" --lang en
  fi
  expect_exit 4
  head -1 "$STDERR" | grep -qF 'organizations.csv:3:1: error: uscc "51330502MJ0000018C": duplicate key (first on line 2)' ||
    fail "$command: the first line is not the first error: $(head -1 "$STDERR")"
  expect_stderr_contains "… and 10 more"
done

finish
