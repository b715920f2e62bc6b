# A large file is read in pieces on several threads (issue 13); pieces as small
# as one byte, so that a piece boundary falls inside every quoted field (with
# commas, doubled quotes, LF, CRLF and lone CR, and text that looks like a
# record after a quoted newline), give the diagnostics and the scores that the
# loader gave before it read in pieces (goldens captured from it; the scores
# re-rendered as the English CSV once the CSV followed --lang, with every
# organization, total, coverage and dimension score unchanged).
source "$(dirname "$0")/../lib.sh"

fixture=$DATA/validate/chunked
for bytes in 1 2 3 5 8 13 21 34 55 89 144 233 377 610 987 4194304; do
  # validate reads with every core.
  ORGAUDIT_CHUNK_BYTES=$bytes run validate --data "$fixture" --as-of 2026-11-27
  expect_exit 4
  cmp -s "$STDOUT" "$fixture/expected.txt" || fail "pieces of $bytes bytes: diagnostics differ"
  for jobs in 1 2; do
    ORGAUDIT_CHUNK_BYTES=$bytes run score --lenient --data "$fixture" --as-of 2026-11-27 --format csv --lang en \
      --quiet --jobs "$jobs"
    expect_exit 0
    cmp -s "$STDOUT" "$fixture/expected-lenient.csv" || fail "pieces of $bytes bytes, --jobs $jobs: scores differ"
  done
done
run validate --data "$fixture" --as-of 2026-11-27
expect_stdout_golden validate/chunked/expected.txt

finish
