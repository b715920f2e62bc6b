# --db --record on audit, score, flag and report; `history` (runs, one
# organization's trajectory) in text and json; audit's "since the last run";
# explain's trend; databases that are missing, foreign or locked (exit 5).
source "$(dirname "$0")/../lib.sh"

db=$TMP/runs.db
small=$DATA/audit/small
after=$DATA/history/after
rules=$DATA/rules/basic.yaml
elevator=51330500MJ0001010X

# --record needs --db; score and flag only record, so --db needs --record there.
run score --data "$small" --rules "$rules" --record
expect_exit 2
run score --data "$small" --rules "$rules" --db "$db"
expect_exit 2
[[ -e $db ]] && fail "a usage error created the database"

# Reading commands never create a database.
run history --db "$db"
expect_exit 5
expect_stderr_contains "$db: no such history database"
[[ -e $db ]] && fail "history created the database"

run score --data "$small" --rules "$rules" --as-of 2026-06-30 --db "$db" --record --format csv
expect_exit 0
expect_stdout_contains "统一社会信用代码,名称,类型"
expect_stderr_contains "recorded run 1 (8 organizations)"
# flag records every organization's result, not only the flagged ones.
run flag --data "$small" --rules "$rules" --as-of 2026-06-30 --db "$db" --record --quiet
expect_exit 0
expect_stderr_empty
run report --data "$after" --rules "$rules" --as-of 2026-06-30 --db "$db" --record \
  --format "html:$TMP/report.html" --quiet
expect_exit 0
grep -q 'id="since-last-run"' "$TMP/report.html" || fail "report --db: no since-the-last-run section"

run history --db "$db" --format json
expect_exit 0
python3 - "$STDOUT" <<'PY' || fail "history json"
import json, sys
runs = json.load(open(sys.argv[1]))["runs"]
assert [r["id"] for r in runs] == [1, 2, 3], runs
assert [r["command"] for r in runs] == ["score", "flag", "report"]
assert all(r["organizations"] == 8 for r in runs)
assert runs[0]["as_of"] == "2026-06-30" and runs[0]["ruleset"]["id"] == "basic-test"
assert runs[2]["dataset"]["path"].endswith("history/after")
assert runs[0]["options"]["org"] == [] and runs[0]["vetoed"] == 1
PY
run history --db "$db"
expect_exit 0
expect_stdout_contains "运行"
expect_stdout_contains "basic-test 1"
[[ $(wc -l <"$STDOUT") -eq 4 ]] || fail "history: a header and three runs expected"

# One organization's trajectory.
run history --db "$db" --org "$elevator" --lang en
expect_exit 0
expect_stdout_contains "$elevator  湖州市电梯行业协会"
expect_stdout_contains "Exemplary"
run history --db "$db" --org "$elevator" --format json
expect_exit 0
python3 - "$STDOUT" <<'PY' || fail "history --org json"
import json, sys
d = json.load(open(sys.argv[1]))
t = d["trajectory"]
assert [p["run"] for p in t] == [1, 2, 3]
assert t[0]["grade"] == "exemplary" and not t[0]["vetoed"]
assert t[2]["grade"] == "fail" and t[2]["vetoed"], t[2]
PY
run history --db "$db" --org 51330500MJ0009999X
expect_exit 2

# audit --db: the summary and the HTML say what changed since the last run
# (run 3, on history/after); audit_small differs from it.
run audit --data "$small" --rules "$rules" --as-of 2026-06-30 --db "$db" --out "$TMP/audit" --format html
expect_exit 0
expect_stdout_contains "自上次运行以来"
expect_stdout_contains "上次运行：运行 3 · 评价基准日 2026-06-30"
expect_stdout_contains "一票否决解除 (1)"
expect_stdout_contains "$elevator"
grep -q '<section id="since-last-run">' "$TMP/audit/report.html" || fail "audit --db: no HTML section"
run history --db "$db" --format json
python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))["runs"]) == 3' "$STDOUT" ||
  fail "audit --db without --record recorded a run"
run audit --data "$small" --rules "$rules" --as-of 2026-06-30 --db "$db" --record --out "$TMP/audit" \
  --format json --lang en
expect_exit 0
expect_stdout_contains "Since the last run"
expect_stderr_contains "recorded run 4"

# A database without runs: the section says so.
run audit --data "$small" --rules "$rules" --as-of 2026-06-30 --db "$TMP/empty.db" --record \
  --out "$TMP/audit" --format json --lang en
expect_exit 0
expect_stdout_contains "No earlier run is recorded in the database."

# explain --db: the organization's trend, then this run.
run explain "$elevator" --data "$after" --rules "$rules" --as-of 2026-06-30 --db "$db"
expect_exit 0
expect_stdout_contains "历次运行"
expect_stdout_contains "本次运行"
run explain "$elevator" --data "$after" --rules "$rules" --as-of 2026-06-30 --db "$db" --format json
expect_exit 0
python3 - "$STDOUT" <<'PY' || fail "explain --db json"
import json, sys
d = json.load(open(sys.argv[1]))
t = d["trend"]
assert [p["run"] for p in t] == [1, 2, 3, 4, None], t
assert t[-1]["grade"] == "fail" and t[-1]["vetoed"] and t[-1]["recorded"] is None
PY

# Reading the past never creates a database.
run explain "$elevator" --data "$after" --rules "$rules" --as-of 2026-06-30 --db "$TMP/none.db"
expect_exit 5
expect_stderr_contains "$TMP/none.db: no such history database"
[[ -e $TMP/none.db ]] && fail "explain --db created a database"

# The file holds only complete runs, and is a sound SQLite database.
python3 - "$db" <<'PY' || fail "database check"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
for run, count in db.execute("SELECT id, organizations FROM runs"):
    stored = db.execute("SELECT count(*) FROM results WHERE run = ?", (run,)).fetchone()[0]
    assert stored == count == 8, (run, stored, count)
assert db.execute("SELECT count(*) FROM rulesets").fetchone()[0] == 1
PY

# Another kind of SQLite file (a dataset from `import`) is refused, untouched.
run import --data "$small" --to "$TMP/data.db"
expect_exit 0
cp "$TMP/data.db" "$TMP/data-copy.db"
run score --data "$small" --rules "$rules" --db "$TMP/data.db" --record
expect_exit 5
expect_stderr_contains "$TMP/data.db: not an orgaudit history database"
cmp -s "$TMP/data.db" "$TMP/data-copy.db" || fail "a foreign database was changed"

# A database another process keeps locked: exit 5 after --db-timeout, nothing recorded.
python3 - "$db" "$TMP/locked" <<'PY' &
import sqlite3, sys, time, os
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(4)
db.execute("ROLLBACK")
PY
locker=$!
while [[ ! -e $TMP/locked ]]; do sleep 0.05; done
run score --data "$small" --rules "$rules" --as-of 2026-06-30 --db "$db" --record --db-timeout 1
expect_exit 5
expect_stderr_contains "$db: cannot record the run: another orgaudit has been writing to this history database for more than 1 s (--db-timeout); nothing was recorded by this run"
wait "$locker"
run history --db "$db" --format json
python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))["runs"]) == 4' "$STDOUT" ||
  fail "a run that failed was recorded"

# A run whose report cannot be written (a directory stands where the file
# goes) is not recorded: exit 5, and the database holds the runs it held
# (the run's stored form is built on another thread meanwhile, and dropped).
mkdir -p "$TMP/blocked/report.json"
run score --data builtin:samples/huzhou --as-of 2026-06-30 --db "$db" --record --format json \
  --output "$TMP/blocked/report.json"
expect_exit 5
expect_stderr_contains "$TMP/blocked/report.json"
run history --db "$db" --format json
python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))["runs"]) == 4' "$STDOUT" ||
  fail "a run whose report failed was recorded"

# Unattended: no prompt, ever (stdin is a pipe that never ends), and --quiet
# leaves stderr empty and stdout to the output.
mkfifo "$TMP/stdin"
exec 3<>"$TMP/stdin" # held open for writing: reading it would wait for ever
timeout 60 "$ORGAUDIT" score --data "$small" --rules "$rules" --as-of 2026-06-30 --db "$db" --record \
  --quiet --format json <"$TMP/stdin" >"$TMP/q.out" 2>"$TMP/q.err"
[[ $? -eq 0 ]] || fail "score with stdin open did not finish by itself"
exec 3>&-
[[ -s $TMP/q.err ]] && fail "--quiet wrote to stderr: $(cat "$TMP/q.err")"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/q.out" || fail "--quiet: stdout is not the JSON"
# --quiet: no progress bar even on a terminal; --progress always still draws one on stderr.
if command -v script >/dev/null; then
  script -qec "$ORGAUDIT score --data '$small' --rules '$rules' --as-of 2026-06-30 --quiet --format json --output '$TMP/t.json'" /dev/null >"$TMP/tty.out"
  [[ -s $TMP/tty.out ]] && fail "--quiet on a terminal printed: $(head -c 200 "$TMP/tty.out")"
fi

finish
