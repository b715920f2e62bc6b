# import's .db gets the permissions of any new file (0666 less the umask), like the reports.
source "$(dirname "$0")/../lib.sh"

umask 027
run import --data "$DATA/audit/small" --to "$TMP/small.db"
expect_exit 0
[[ $(stat -c %a "$TMP/small.db") == 640 ]] || fail "small.db has mode $(stat -c %a "$TMP/small.db"), not 640"
run score --data "$TMP/small.db" --as-of 2026-11-27 --format json:"$TMP/small.json"
expect_exit 0
[[ $(stat -c %a "$TMP/small.json") == 640 ]] || fail "small.json has mode $(stat -c %a "$TMP/small.json"), not 640"

umask 002
run import --data "$DATA/audit/small" --to "$TMP/shared.db"
expect_exit 0
[[ $(stat -c %a "$TMP/shared.db") == 664 ]] || fail "shared.db has mode $(stat -c %a "$TMP/shared.db"), not 664"

finish
