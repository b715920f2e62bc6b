# Two processes at once, as two cron jobs would: 20 times two `score --record`
# into one database (the first time, and every other time after the tenth, a
# database that does not exist yet, so that both create and migrate it at
# once), and 10 times two `audit` runs into one --out directory. Each process
# succeeds, or fails with exit 5 and a clear message; every run that reported
# success is in the database, complete; the directory always holds the five
# files of one run.
source "$(dirname "$0")/../lib.sh"

sample=builtin:samples/huzhou
organizations=$(($(wc -l <"$SRC/samples/huzhou/organizations.csv") - 1))

# check_database FILE AS_OF… : sound, every run complete, and exactly these runs.
check_database() {
  python3 - "$organizations" "$@" <<'PY'
import sqlite3, sys
organizations, path, expected = int(sys.argv[1]), sys.argv[2], sorted(sys.argv[3:])
db = sqlite3.connect(path)
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity"
found = []
for run, count, as_of in db.execute("SELECT id, organizations, as_of FROM runs"):
    stored = db.execute("SELECT count(*) FROM results WHERE run = ?", (run,)).fetchone()[0]
    assert stored == count == organizations, (run, stored, count)
    found.append(as_of)
assert sorted(found) == expected, (sorted(found), expected)
PY
}

# record DB AS_OF LOG : one recording process in the background.
record() {
  "$ORGAUDIT" score --data "$sample" --as-of "$2" --db "$1" --record --quiet --format csv \
    --output /dev/stdout >/dev/null 2>"$3" </dev/null &
}

db=$TMP/shared.db
succeeded=()
for ((i = 1; i <= 20; i++)); do
  if ((i > 10 && i % 2 == 1)); then
    db=$TMP/fresh-$i.db
    succeeded=()
  fi
  a=$(printf '2026-10-%02d' "$i")
  b=$(printf '2026-11-%02d' "$i")
  record "$db" "$a" "$TMP/a.err"
  pid_a=$!
  record "$db" "$b" "$TMP/b.err"
  pid_b=$!
  wait "$pid_a"
  status_a=$?
  wait "$pid_b"
  status_b=$?
  for pair in "$status_a:$a:$TMP/a.err" "$status_b:$b:$TMP/b.err"; do
    IFS=: read -r status as_of log <<<"$pair"
    if [[ $status -eq 0 ]]; then
      succeeded+=("$as_of")
    elif [[ $status -eq 5 ]] && grep -q "another orgaudit has been writing" "$log"; then
      echo "round $i: $as_of waited too long (exit 5, as allowed)" >&2
    else
      fail "round $i: --as-of $as_of exited $status: $(cat "$log")"
    fi
  done
  check_database "$db" "${succeeded[@]}" || fail "round $i: the database does not hold exactly the runs that succeeded"
done

# Two audits into one directory, each of one region, also recording into one
# database: the five files always come from one of them.
region_of_files() {
  python3 - "$1" <<'PY'
import re, sys, zipfile, pathlib
regions = set()
for path in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as book:
            text = "".join(book.read(n).decode("utf-8", "replace") for n in book.namelist())
    else:
        text = path.read_text(encoding="utf-8")
    # What changed since the last run names the other run's organizations.
    text = re.sub(r'<section id="since-last-run">.*?</section>', "", text, flags=re.S)
    found = set(re.findall(r"5[123](33050[0-9])MJ", text))
    assert len(found) == 1, f"{path.name} holds organizations of regions {found}"
    regions |= found
assert len(regions) == 1, f"the files come from two runs: {regions}"
print(regions.pop())
PY
}
out=$TMP/audit-report
for ((i = 1; i <= 10; i++)); do
  "$ORGAUDIT" audit --region 330502 --out "$out" --db "$TMP/audits.db" --record --quiet \
    >"$TMP/a.out" 2>"$TMP/a.err" </dev/null &
  pid_a=$!
  "$ORGAUDIT" audit --region 330503 --out "$out" --db "$TMP/audits.db" --record --quiet \
    >"$TMP/b.out" 2>"$TMP/b.err" </dev/null &
  pid_b=$!
  wait "$pid_a" || fail "round $i: audit --region 330502 failed: $(cat "$TMP/a.err")"
  wait "$pid_b" || fail "round $i: audit --region 330503 failed: $(cat "$TMP/b.err")"
  [[ $(ls -A "$out" | wc -l) -eq 5 ]] || fail "round $i: $out holds $(ls -A "$out")"
  region_of_files "$out" >/dev/null || fail "round $i: the reports mix two runs"
done
python3 - "$TMP/audits.db" <<'PY' || fail "the audits' database"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert db.execute("SELECT count(*) FROM runs").fetchone()[0] == 20
PY

finish
