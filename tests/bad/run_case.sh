# Runs one case of the bad-input catalog, tests/data/bad/CASE (issue 15): the
# case's `cmd` (bash, sourced in an empty work directory, with $CASE the case's
# own directory; it may make inputs there — FIFOs, links, big lines — and then
# calls `run ARGS…`) must end with the exit code in `exit` and write exactly
# `stderr` (paths written as <case>, <data> and <work>), and `stdout` too when
# the case has one. It may then check its outputs with `fail`. Whatever the
# exit code, no temporary file (*.tmp-*) is left in the work directory, and a
# failed run leaves nothing in out/, where the cases write their reports.
source "$(dirname "$0")/../cli/lib.sh"

CASE=$DATA/bad/${1:?usage: run_case.sh CASE}
[[ -f $CASE/cmd ]] || { echo "no such case: $CASE" >&2; exit 1; }
mkdir -p out

# normalize FILE : writes FILE with the case's, the data's and the work paths named.
normalize() {
  local text
  text=$(cat "$1"; printf x)
  text=${text%x}
  text=${text//"$CASE"/<case>}
  text=${text//"$DATA"/<data>}
  text=${text//"$TMP"/<work>}
  printf '%s' "$text" >"$1.normalized"
}

source "$CASE/cmd"

normalize "$STDERR"
expect_file_golden "$STDERR.normalized" "bad/$1/stderr"
if [[ -f $CASE/stdout ]]; then
  normalize "$STDOUT"
  expect_file_golden "$STDOUT.normalized" "bad/$1/stdout"
fi
if [[ ${ORGAUDIT_UPDATE_GOLDEN:-0} == 1 ]]; then
  echo "$STATUS" >"$CASE/exit"
else
  expect_exit "$(cat "$CASE/exit")"
fi
left=$(find "$TMP" -name '*.tmp-*' 2>/dev/null)
[[ -z $left ]] || fail "temporary files left: $left"
if [[ $STATUS -ne 0 && -n $(ls -A out) ]]; then
  fail "a failed run left files in out/: $(ls -A out)"
fi
finish
