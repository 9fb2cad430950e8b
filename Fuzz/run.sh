#!/usr/bin/env bash
# Fuzzes Rubdown with libFuzzer: the understanding pipeline, the dialogue and the content loaders
# (see FuzzRubdown.swift for what each input exercises). Not part of `swift test`.
#
#   Fuzz/run.sh [RUNS [CONTENT_RUNS]] [extra libFuzzer flags...]
#
# RUNS (default 200000) inputs go to understanding and dialogue, CONTENT_RUNS (default 5000) to
# the content loaders, which are about a hundred times slower per input (each one loads and
# cross-checks all the content and builds a coach). A count of 0 skips that pass. Example, long
# lines from the first input on: Fuzz/run.sh 20000 0 -len_control=0
#
# Builds RubdownKit and the plugins with coverage instrumentation and AddressSanitizer in their
# own scratch folder (Fuzz/.build, never the main .build), links FuzzRubdown.swift against them
# with `swiftc -sanitize=fuzzer,address`, seeds a corpus from the dev set, the intent examples
# and the content files, and runs a fixed number of inputs. A crash, trap or hang stops the run
# and leaves the input in Fuzz/.build/artifacts/ (reproduce: Fuzz/.build/fuzz-rubdown FILE).
# Exit code: 0 when every input ran clean, libFuzzer's non-zero code otherwise (set -e).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-200000}
content_runs=${2:-5000}
shift $(( $# < 2 ? $# : 2 ))
scratch=Fuzz/.build
configuration=release
# RubdownKit and every plugin module (a Sources/*Plugin folder, as Benchmarks/Package.swift finds them).
targets=(RubdownKit $(cd Sources && ls -d *Plugin))

# SwiftPM also tries to build the content-embedding tool with these flags and fails (a
# top-level-code tool under -parse-as-library); the targets built here do not need it, and
# `swift build` still exits 0, so its output goes to a log shown only when a build fails.
# One -sanitize=fuzzer,address: SwiftPM's `--sanitize fuzzer --sanitize address` passes two flags,
# and the Swift driver keeps only the last, so the objects got AddressSanitizer but no coverage
# for libFuzzer to follow (Fuzz/run.sh checks below that they have it). C code (libyaml) likewise.
flags=(-c "$configuration" --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)
mkdir -p "$scratch"
for target in "${targets[@]}"; do
  echo "fuzz: building $target (instrumented)" >&2
  if ! swift build "${flags[@]}" --target "$target" > "$scratch/build.log" 2>&1; then
    tail -40 "$scratch/build.log" >&2
    exit 2
  fi
done

build="$scratch/$configuration"
if ! objdump -h "$build/RubdownKit.build/Interpreter.swift.o" | grep sancov >/dev/null; then
  echo "fuzz: RubdownKit was built without coverage instrumentation; libFuzzer would fuzz blind" >&2
  exit 2
fi
objects=()
for module in "${targets[@]}" Yams CYaml; do
  while IFS= read -r object; do objects+=("$object"); done < <(find "$build/$module.build" -name '*.o' | sort)
done
yaml_include=$(find "$scratch/checkouts" -path '*/Sources/CYaml/include' -type d | head -1)
echo "fuzz: linking $scratch/fuzz-rubdown" >&2
swiftc -swift-version 5 -parse-as-library -O -g \
  -sanitize=fuzzer,address \
  -I "$build/Modules" -I "$yaml_include" \
  Fuzz/FuzzRubdown.swift Sources/RubdownPlugins/RegisteredPlugins.swift "${objects[@]}" \
  -o "$scratch/fuzz-rubdown"

# Seeds: byte 0 picks the mode (0 understanding, 1 dialogue, 2 knowledge file, 3 intent file).
seeds="$scratch/seeds"
corpus="$scratch/corpus"
artifacts="$scratch/artifacts"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"
python3 - "$seeds" <<'PY'
import json, os, pathlib, sys
seeds = pathlib.Path(sys.argv[1])
def write(name, mode, payload: bytes):
    (seeds / name).write_bytes(bytes([mode]) + payload)
lines = []
for line in open("Tests/Data/dev-set.jsonl", encoding="utf-8"):
    line = line.strip()
    if line:
        lines.append(json.loads(line)["text"])
for path in sorted(pathlib.Path("Intents").glob("*.yaml")):
    for raw in path.read_text(encoding="utf-8").splitlines():
        raw = raw.strip()
        if raw.startswith("- ") and ":" not in raw:
            lines.append(raw[2:].strip().strip('"'))
for index, text in enumerate(lines):
    write(f"understand-{index:04}", 0, text.encode())
for index in range(0, len(lines), 5):
    write(f"dialogue-{index:04}", 1, "\n".join(lines[index:index + 5]).encode())
for story in sorted(pathlib.Path("Tests/Stories").glob("*.story")):
    said = [l[2:] for l in story.read_text(encoding="utf-8").splitlines() if l.startswith("> ")]
    write(f"story-{story.stem}", 1, "\n".join(said).encode())
for mode, folder in ((2, "Knowledge"), (3, "Intents")):
    for index, path in enumerate(sorted(pathlib.Path(folder).glob("*.yaml"))):
        write(f"content-{folder}-{path.stem}", mode, bytes([index]) + path.read_bytes())
PY
echo "fuzz: $(ls "$seeds" | wc -l) seeds" >&2

export RUBDOWN_ROOT="$root"
# ASan: a Swift trap is a crash for libFuzzer; leaks of global caches are no findings.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
for pass in text content; do
  count=$runs
  [ "$pass" = content ] && count=$content_runs
  [ "$count" -gt 0 ] || continue
  echo "fuzz: $pass: $count inputs" >&2
  mkdir -p "$corpus/$pass"
  RUBDOWN_FUZZ=$pass "$scratch/fuzz-rubdown" \
    -runs="$count" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 \
    "$@" "$corpus/$pass" "$seeds"
done
echo "fuzz: $runs + $content_runs inputs, no crash, trap or hang" >&2
