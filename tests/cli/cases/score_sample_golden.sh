# The full JSON of the built-in sample equals the output captured before the
# loader was rebuilt for size (issue 13), apart from the tool version
# (normalize.py): the same scores, findings and dataset digest, with one job
# and with two. The golden file is xz-compressed (20 MB of JSON).
source "$(dirname "$0")/../lib.sh"

version=$("$ORGAUDIT" --version | cut -d' ' -f2)
golden=$DATA/engine/huzhou-score.json.xz
for jobs in 1 2; do
  run score --data builtin:samples/huzhou --format json --quiet --jobs "$jobs"
  expect_exit 0
  python3 "$SRC/tests/cli/tools/normalize.py" "$version" "$STDOUT" >"$TMP/score-$jobs.json"
done
if [[ ${ORGAUDIT_UPDATE_GOLDEN:-0} == 1 ]]; then
  python3 -c 'import lzma, sys; open(sys.argv[2], "wb").write(lzma.compress(open(sys.argv[1], "rb").read(), preset=9))' "$TMP/score-1.json" "$golden"
fi
python3 -c 'import lzma, sys; sys.stdout.buffer.write(lzma.open(sys.argv[1]).read())' "$golden" >"$TMP/golden.json" ||
  fail "cannot read $golden"
for jobs in 1 2; do
  if ! diff -u "$TMP/golden.json" "$TMP/score-$jobs.json" >"$TMP/diff" 2>&1; then
    echo "FAIL: --jobs $jobs differs from golden engine/huzhou-score.json.xz:" >&2
    head -c 6000 "$TMP/diff" >&2
    failures=$((failures + 1))
  fi
done

finish
