#!/bin/sh
# run.sh — runs every test suite of tidings and prints one closing line,
# "N passed, N failed", summed over the suites:
#   unit   C unit tests of the library (tests/unit)
#   spec   input/expected examples against the CLI (tests/spec/*.txt)
#   cli    behaviour of the program as a user runs it (tests/cli_test.sh)
#   seeds  the issue-8 event tally on ../shared/seeds (tests/events_seed_test.py)
# Environment: TIDINGS (binary), UNIT (unit test binary), SHARED (../shared).
TIDINGS=${TIDINGS:-build/tidings}
UNIT=${UNIT:-build/unit}
SHARED=${SHARED:-../shared}
export TIDINGS SHARED
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
echo "== unit"
"$UNIT" 2>&1 | tee -a "$out" || status=1
echo "== spec"
python3 tests/spec_runner.py 2>&1 | tee -a "$out" || status=1
echo "== cli"
sh tests/cli_test.sh 2>&1 | tee -a "$out" || status=1
python3 tests/events_seed_test.py 2>&1 | tee -a "$out" || status=1
pass=$(sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
fail=$(sed -n 's/^[a-z]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' "$out" | awk '{s+=$1} END {print s+0}')
suites=$(grep -c '^[a-z]*: [0-9]* passed, [0-9]* failed' "$out")
if [ "$suites" -lt 4 ]; then
  echo "a test suite did not finish (found $suites of 4 summaries)"
  fail=$((fail + 4 - suites))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$status" -eq 0 ]
