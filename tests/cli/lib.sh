# Shared helpers for the CLI end-to-end tests. Each case sources this file,
# runs the real binary through `run`, and checks exit code, stdout and stderr.
# The golden files live in tests/data; on a mismatch the actual output is
# printed so a reviewer can see the change. Set ORGAUDIT_UPDATE_GOLDEN=1 to
# rewrite the golden files instead.
set -u
: "${ORGAUDIT:?ORGAUDIT must name the binary}"
: "${ORGAUDIT_SOURCE_DIR:?}"
: "${ORGAUDIT_TEST_DATA:?}"
: "${ORGAUDIT_TEST_TMP:?}"
export NO_COLOR=1
SRC=$ORGAUDIT_SOURCE_DIR
DATA=$ORGAUDIT_TEST_DATA
TMP=$ORGAUDIT_TEST_TMP
rm -rf "$TMP"
mkdir -p "$TMP"
cd "$TMP" || exit 1

# The size of the province-scale samples the interrupt, crash and --jobs tests
# make: 70,000 organizations, or 20,000 on the sanitizer build (CMake sets
# ORGAUDIT_SANITIZED=1 there), which runs about ten times slower and is there
# to find memory errors and undefined behaviour rather than to test scale.
province_orgs=70000
if [[ ${ORGAUDIT_SANITIZED:-0} == 1 ]]; then
  province_orgs=20000
fi

failures=0
STDOUT=$TMP/stdout
STDERR=$TMP/stderr
STATUS=0

# run ARGS… : runs orgaudit with ARGS, no stdin, capturing stdout, stderr and the exit code.
run() {
  "$ORGAUDIT" "$@" >"$STDOUT" 2>"$STDERR" </dev/null
  STATUS=$?
}

fail() {
  echo "FAIL: $*" >&2
  echo "--- stdout:" >&2; head -c 4000 "$STDOUT" >&2
  echo "--- stderr:" >&2; head -c 4000 "$STDERR" >&2
  failures=$((failures + 1))
}

expect_exit() {
  [[ $STATUS -eq $1 ]] || fail "expected exit $1, got $STATUS"
}

# expect_stdout_golden FILE : stdout must equal tests/data/FILE byte for byte.
expect_stdout_golden() { expect_file_golden "$STDOUT" "$1"; }
expect_stderr_golden() { expect_file_golden "$STDERR" "$1"; }

expect_file_golden() {
  local actual=$1 golden=$DATA/$2
  if [[ ${ORGAUDIT_UPDATE_GOLDEN:-0} == 1 ]]; then
    mkdir -p "$(dirname "$golden")"; cp "$actual" "$golden"; return
  fi
  if ! diff -u "$golden" "$actual" >"$TMP/diff" 2>&1; then
    echo "FAIL: $actual differs from golden $2:" >&2
    head -c 6000 "$TMP/diff" >&2
    failures=$((failures + 1))
  fi
}

expect_stdout_contains() { grep -qF -- "$1" "$STDOUT" || fail "stdout lacks: $1"; }
expect_stderr_contains() { grep -qF -- "$1" "$STDERR" || fail "stderr lacks: $1"; }
expect_stdout_empty() { [[ ! -s $STDOUT ]] || fail "stdout should be empty"; }
expect_stderr_empty() { [[ ! -s $STDERR ]] || fail "stderr should be empty"; }

finish() {
  if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  exit 0
}

# Sets $browser to Chromium. Without it the test skips, except in CI (CI=true),
# where it fails: CI installs the Debian package chromium.
require_chromium() {
  browser=$(command -v chromium || command -v chromium-browser || true)
  if [[ -z $browser ]]; then
    if [[ ${CI:-} == true ]]; then
      fail "chromium is not installed (CI installs the Debian package chromium)"
      finish
    fi
    echo "SKIP: chromium is not installed" >&2
    exit 0
  fi
}

# Waits until process PID catches SIGINT and SIGTERM (its handlers are installed), so that a
# signal sent next meets orgaudit's own handling on any machine, however slowly the process
# starts (a sanitizer build, a busy CI machine): before that, a background job's SIGINT is
# ignored and SIGTERM kills it. Fails if PID ends first or takes over 60 s.
wait_for_signal_handlers() {
  local pid=$1 caught
  for _ in $(seq 1 6000); do
    caught=$(awk '/^SigCgt:/ { print $2 }' "/proc/$pid/status" 2>/dev/null) || caught=
    [[ -n $caught ]] || break
    # bit 1 is SIGINT (2), bit 14 is SIGTERM (15)
    (((16#$caught & 0x4002) == 0x4002)) && return 0
    sleep 0.01
  done
  fail "process $pid ended or did not handle SIGINT and SIGTERM within 60 s"
}
