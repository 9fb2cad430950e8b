#!/usr/bin/env bash
# Rubdown's benchmark suite (issue 6), in one command from a fresh clone:
#
#     Benchmarks/run.sh            # everything, about 5 minutes on 2 cores after the first build
#     Benchmarks/run.sh --quick    # a smoke run: fewer repetitions, tables of 100 and 1,000 intents
#
# CLINC150 is read from ../shared/data/clinc150 beside the repository (or $CLINC_DIR) and
# skipped with a note where absent.
# Builds `rubdown` (in .build-bench), `rubdown-bench` and a Foundation hello-world (in
# Benchmarks/.build) in release mode, apart from the main package's .build and from CI; sets up a Python
# virtual environment with scikit-learn (Benchmarks/.venv), then measures start-up,
# classification latency, conversation turns, generated tables at scale and the scikit-learn
# baseline, and prints every figure. Raw results go to Benchmarks/results/ (not committed);
# results/summary.md holds the tables that BENCHMARKS.md quotes.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
out="$here/results"
quick=false
[[ "${1:-}" == "--quick" ]] && quick=true

if $quick; then
  rounds=3 conversations=50 sizes=100,1000 loads=2 startup_runs=10 python_runs=3 sk_rounds=1 queries=500 loadcost_runs=10
else
  rounds=20 conversations=300 sizes=100,1000,10000 loads=3 startup_runs=40 python_runs=10 sk_rounds=2 queries=1000 loadcost_runs=40
fi

rm -rf "$out"
mkdir -p "$out"
# rubdown writes nothing to $XDG_CACHE_HOME any more; kept in the results folder all the same,
# for an older rubdown measured with this script.
export XDG_CACHE_HOME="$out/cache"
exec > >(tee "$out/report.txt") 2>&1
step() { printf '\n### %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

step "Build (release)"
# `rubdown` needs GNU readline's headers, as in .ci/run.
if ! dpkg -s libreadline-dev >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreadline-dev
fi
# `rubdown` from the main package, in a build folder of its own (.build-bench, git-ignored).
swift build -c release --package-path "$repo" --scratch-path "$repo/.build-bench" --product rubdown
rubdown="$(swift build -c release --package-path "$repo" --scratch-path "$repo/.build-bench" --show-bin-path)/rubdown"
# The benchmark and the hello-world from this package, in Benchmarks/.build.
swift build -c release --package-path "$here"
bin="$(swift build -c release --package-path "$here" --show-bin-path)"
bench="$bin/rubdown-bench"

step "Python baseline environment"
python=""
if [[ -x "$here/.venv/bin/python" ]] && "$here/.venv/bin/python" -c 'import sklearn' 2>/dev/null; then
  python="$here/.venv/bin/python"
elif python3 -m venv "$here/.venv" && "$here/.venv/bin/pip" install -q -r "$here/requirements.txt"; then
  python="$here/.venv/bin/python"
else
  echo "note: could not install scikit-learn (see $here/requirements.txt): the baseline is skipped"
fi

step "Machine"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$repo" diff --quiet HEAD -- Sources Intents Knowledge 2>/dev/null || echo ' (with uncommitted changes in Sources/Intents/Knowledge)')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores online, $(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2 | awk '{printf "%.0f MHz", $1}'), L2 $(grep -m1 'cache size' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//') per core$(grep -q hypervisor /proc/cpuinfo && echo ', virtual machine')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel: $(uname -sr)"
  echo "swift: $(swift --version 2>&1 | head -1)"
  echo "load average at start (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  [[ -n "$python" ]] && echo "python: $("$python" -c 'import sys, sklearn; print(sys.version.split()[0], "scikit-learn", sklearn.__version__)')"
} | tee "$out/machine.txt"

step "Classification latency (in-process, shipped content)"
"$bench" classify --repo "$repo" --out "$out" --rounds "$rounds" ${CLINC_DIR:+--clinc "$CLINC_DIR"}
"$rubdown" intents --json >"$out/intents.jsonl"
# The same lines through the real CLI, to check that in-process and CLI answers agree.
"$rubdown" classify <"$out/test-texts.txt" >"$out/rubdown-classify-cli.jsonl"

step "scikit-learn baseline (same training examples, same test lines)"
if [[ -n "$python" ]]; then
  "$python" "$here/baseline_sklearn.py" compare --train "$out/intents.jsonl" --tests "$out/test-lines.jsonl" \
    --rubdown "$out/rubdown-predictions.jsonl" --model "$out/sklearn-model.pkl" --out "$out/sklearn.json" --rounds "$sk_rounds"
fi

step "Start-up (whole processes, interleaved)"
# The plain cases read the coach compiled into the binary; the --no-cache cases build it from the
# YAML, as a start with an overlay does.
printf 'hi\n' >"$out/stdin-hi.txt"
printf 'my calves hurt after a 10k\n' >"$out/stdin-line.txt"
tab=$'\t'
{
  echo "hello-foundation${tab}${startup_runs}${tab}$out/stdin-hi.txt${tab}$bin/hello-foundation"
  echo "echo hi | rubdown${tab}${startup_runs}${tab}$out/stdin-hi.txt${tab}$rubdown"
  echo "rubdown --help (no content loaded)${tab}${startup_runs}${tab}$out/stdin-hi.txt${tab}$rubdown${tab}--help"
  echo "rubdown classify (1 line)${tab}${startup_runs}${tab}$out/stdin-line.txt${tab}$rubdown${tab}classify"
  echo "echo hi | rubdown --no-cache${tab}${startup_runs}${tab}$out/stdin-hi.txt${tab}$rubdown${tab}--no-cache"
  echo "rubdown classify --no-cache (1 line)${tab}${startup_runs}${tab}$out/stdin-line.txt${tab}$rubdown${tab}classify${tab}--no-cache"
  echo "rubdown classify (all test lines)${tab}3${tab}$out/test-texts.txt${tab}$rubdown${tab}classify"
  if [[ -n "$python" ]]; then
    echo "python3 -c pass${tab}${python_runs}${tab}$out/stdin-hi.txt${tab}$python${tab}-c${tab}pass"
    echo "sklearn classify, pickled model (1 line)${tab}${python_runs}${tab}$out/stdin-line.txt${tab}$python${tab}$here/baseline_sklearn.py${tab}classify${tab}--model${tab}$out/sklearn-model.pkl"
    echo "sklearn classify, fit at start (1 line)${tab}${python_runs}${tab}$out/stdin-line.txt${tab}$python${tab}$here/baseline_sklearn.py${tab}classify${tab}--train${tab}$out/intents.jsonl"
  fi
} >"$out/startup-cases.tsv"
"$bench" startup --cases "$out/startup-cases.tsv" --baseline hello-foundation --out "$out"

step "Start-up: where the time goes, and what the snapshot saves (in-process)"
"$bench" loadcost --repo "$repo" --out "$out" --runs "$loadcost_runs"

step "Conversation turn latency (in-process)"
"$bench" turns --repo "$repo" --out "$out" --conversations "$conversations"

step "Scale: generated intent tables"
"$bench" scale --repo "$repo" --out "$out" --sizes "$sizes" --loads "$loads" --queries "$queries" --rubdown "$rubdown"

step "Summary"
echo "load average at end (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
"${python:-python3}" "$here/summarize.py" "$out"
echo
echo "raw results: $out (report.txt, summary.md, *.json)"
