#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer (with LeakSanitizer) and under ThreadSanitizer,
# each in its own scratch folder (.build-asan, .build-tsan; the main .build is left alone), then
# prints a summary. Not part of CI: each sanitizer build takes minutes.
#
#   scripts/sanitizers.sh [address] [thread]     # no argument: both
#
# What to expect (see README, "Sanitizers"):
# - address: LeakSanitizer checks every process at exit, the test runners and every rubdown the
#   end-to-end tests start. Leaks inside Foundation and XCTest are suppressed by name in
#   Sources/LeakSanitizerSuppressions; any other leak is reported and fails the run.
# - thread: the four tests of a signal at the readline prompt are skipped (stated in the output):
#   the ThreadSanitizer runtime does not intercept pselect(), where readline waits for a key, so
#   such a signal is handled only at the next key (Tests/EndToEndTests/TerminalPane.swift).
#
# Each run's full output is kept in <scratch>/sanitizer-test.log. Exit code: 0 when every
# requested run passed, 1 otherwise, 64 for an unknown argument.
set -uo pipefail
cd "$(dirname "$0")/.."

sanitizers=("$@")
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address thread)
for sanitizer in "${sanitizers[@]}"; do
  case "$sanitizer" in
    address | thread) ;;
    *) echo "usage: scripts/sanitizers.sh [address] [thread]" >&2; exit 64 ;;
  esac
done

summary=()
failed=0
for sanitizer in "${sanitizers[@]}"; do
  scratch=.build-${sanitizer:0:1}san  # .build-asan, .build-tsan
  mkdir -p "$scratch"
  log=$scratch/sanitizer-test.log
  echo "== swift test --sanitize=$sanitizer --scratch-path $scratch (log: $log)"
  start=$(date +%s)
  swift test --sanitize="$sanitizer" --scratch-path "$scratch" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  seconds=$(( $(date +%s) - start ))
  elapsed="$((seconds / 60))m$(printf %02d $((seconds % 60)))s"
  # Swift Testing's last line, e.g. "Test run with 134 tests in 24 suites passed after 52.8 seconds."
  tests=$(grep -o 'Test run with [0-9]* tests\{0,1\} in [0-9]* suites\{0,1\} [a-z]*' "$log" | tail -1 | sed 's/^Test run with //')
  skipped=$(grep -c 'Test .* skipped' "$log")
  leaks=$(grep -c 'ERROR: LeakSanitizer' "$log")
  sanitizer_errors=$(grep -c 'ERROR: AddressSanitizer' "$log")
  races=$(grep -c 'WARNING: ThreadSanitizer' "$log")
  if [ "$status" -eq 0 ]; then verdict=passed; else verdict="FAILED (exit $status)"; failed=1; fi
  line="$sanitizer: $verdict in $elapsed; ${tests:-no test summary found}, $skipped skipped"
  case "$sanitizer" in
    address) line+="; AddressSanitizer errors: $sanitizer_errors, leak reports: $leaks" ;;
    thread) line+="; ThreadSanitizer warnings: $races" ;;
  esac
  summary+=("$line")
done

echo
echo "== Sanitizers"
for line in "${summary[@]}"; do echo "$line"; done
exit $failed
