#!/usr/bin/env bash
# Builds kgraph's libFuzzer targets and runs one (or all) for a given time.
#
#   Scripts/fuzz.sh TARGET SECONDS [libFuzzer flags…]
#   Scripts/fuzz.sh all SECONDS          # each target in turn, SECONDS each
#   Scripts/fuzz.sh build                # only build
#
# TARGET is graphml, html, text, jsonl, dot or dotread (see Fuzz/README.md). The corpus
# lives in Fuzz/corpus-TARGET/ (not committed) and is seeded on every run from
# Fuzz/seeds/, the test fixtures, graphs/*.graphml and ../shared (copied at run
# time, never into the repository). Crashes, timeouts and out-of-memory inputs
# are copied into the test fixtures' fuzz-regressions/TARGET/ folder, which
# the FuzzRegressionTests suites replay; commit them with the fix.
# The last line printed per target is a summary row for Fuzz/README.md; the script
# exits 1 when any target found a failing input.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=${KGRAPH_SHARED:-$root/../shared}
scratch=${FUZZ_SCRATCH:-$root/.build-fuzz}
targets=(graphml html text jsonl dot dotread)

usage() { echo "usage: $0 {${targets[*]// /|}|all|build} [SECONDS] [libFuzzer flags…]" >&2; exit 2; }
[ $# -ge 1 ] || usage
target=$1; seconds=${2:-60}; shift $(( $# >= 2 ? 2 : 1 ))

executable() {
  case $1 in
    graphml) echo FuzzGraphML ;; html) echo FuzzHTML ;; text) echo FuzzTextExtract ;;
    jsonl) echo FuzzJSONLines ;; dot) echo FuzzDOT ;; dotread) echo FuzzDOTReader ;; *) usage ;;
  esac
}
regressions() {
  case $1 in
    graphml|dot|dotread) echo "$root/Tests/KGraphFormatsTests/Fixtures/fuzz-regressions/$1" ;;
    *) echo "$root/Tests/KGraphExtractTests/Fixtures/fuzz-regressions/$1" ;;
  esac
}

build() {
  # The DOT target's graph decoder has a twin in the Graphviz regression test; they must agree.
  local twin=Tests/KGraphFormatsTests/FuzzRegressionTests.swift
  if [ -f "$twin" ] && ! diff <(sed -n '/BEGIN FuzzGraph/,/END FuzzGraph/p' Fuzz/Sources/FuzzDOT/FuzzGraph.swift) \
      <(sed -n '/BEGIN FuzzGraph/,/END FuzzGraph/p' "$twin") >/dev/null; then
    echo "fuzz: FuzzGraph differs between Fuzz/Sources/FuzzDOT/FuzzGraph.swift and $twin; make them equal" >&2
    exit 1
  fi
  echo "fuzz: building the fuzz targets in $scratch" >&2
  # ld.gold warns about every ASan helper symbol; keep the rest of the output.
  swift build --package-path Fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
    | { grep -v "ld.gold: warning: Cannot export local symbol" || true; } | tail -n 20
  [ "${PIPESTATUS[0]}" = 0 ] || { echo "fuzz: build failed" >&2; exit 1; }
}

# Copies the seed files for TARGET into its corpus folder.
seed() {
  local corpus=$1 name=$2
  mkdir -p "$corpus"
  cp -f Fuzz/seeds/"$name"/* "$corpus"/ 2>/dev/null || true
  cp -f "$(regressions "$name")"/* "$corpus"/ 2>/dev/null || true
  case $name in
    graphml)
      cp -f Tests/KGraphFormatsTests/Fixtures/*.graphml "$corpus"/ 2>/dev/null || true
      for file in graphs/*.graphml; do  # kgraph's own output, when present and small
        [ -f "$file" ] && [ "$(wc -c <"$file")" -lt 200000 ] && cp -f "$file" "$corpus"/
      done ;;
    dotread)
      for file in graphs/*.dot Tests/KGraphFormatsTests/Fixtures/*.dot; do
        [ -f "$file" ] && [ "$(wc -c <"$file")" -lt 200000 ] && cp -f "$file" "$corpus"/
      done ;;
    html)
      cp -f Tests/KGraphExtractTests/Fixtures/articles/*.html "$corpus"/ 2>/dev/null || true ;;
    text)
      cp -f Tests/KGraphExtractTests/Fixtures/articles/*.txt examples/*.txt "$corpus"/ 2>/dev/null || true
      if [ -d "$shared/corpus" ]; then
        cp -f "$shared"/corpus/seed/*.txt "$corpus"/ 2>/dev/null || true
        for topic in politics business; do
          for file in $(ls "$shared/corpus/bbc/$topic" | head -n 25); do
            cp -f "$shared/corpus/bbc/$topic/$file" "$corpus/bbc-$topic-$file"
          done
        done
      fi ;;
    jsonl)
      cp -f Tests/KGraphExtractTests/Fixtures/articles/*.jsonl "$corpus"/ 2>/dev/null || true
      if [ -d "$shared/corpus/bbc" ]; then  # a few BBC articles as JSON Lines, two a file
        python3 - "$shared/corpus/bbc/politics" "$corpus" <<'PY'
import json, os, sys
folder, corpus = sys.argv[1], sys.argv[2]
names = sorted(os.listdir(folder))[:20]
for index in range(0, len(names), 2):
    lines = []
    for name in names[index:index + 2]:
        with open(os.path.join(folder, name), encoding="latin-1") as handle:
            title, _, body = handle.read().partition("\n")
        lines.append(json.dumps({"id": name, "title": title.strip(), "text": body.strip(), "date": "2005-01-01"}))
    with open(os.path.join(corpus, f"bbc-{index}.jsonl"), "w") as handle:
        handle.write("\n".join(lines) + "\n")
PY
      fi ;;
  esac
  [ -d "$shared" ] || echo "fuzz: $shared is missing; seeding from the repository's files only" >&2
}

run() {
  local name=$1 seconds=$2; shift 2
  local binary corpus artifacts log fixtures
  binary=$scratch/debug/$(executable "$name")
  corpus=Fuzz/corpus-$name; artifacts=Fuzz/artifacts/$name/; log=Fuzz/logs/$name.log
  fixtures=$(regressions "$name")
  mkdir -p "$artifacts" Fuzz/logs
  seed "$corpus" "$name"
  echo "fuzz: $name for ${seconds}s (corpus $corpus, log $log)" >&2
  local status=0
  # Swift's crash backtracer reads memory ASan guards and would report itself; libFuzzer prints the stack.
  # detect_leaks=0: Swift's runtime caches (metadata, Foundation singletons) look like leaks to LSan.
  SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no} ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1} \
    "$binary" "$corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -max_len=65536 \
    -artifact_prefix="$artifacts" -print_final_stats=1 "$@" >"$log" 2>&1 || status=$?
  # Keep every new crash, timeout and out-of-memory input as a regression fixture.
  local kept=0
  # (Not slow-unit-*: the first input pays for loading the lexicon under ASan, which is no regression.)
  for file in "$artifacts"crash-* "$artifacts"timeout-* "$artifacts"oom-*; do
    [ -f "$file" ] || continue
    mkdir -p "$fixtures"
    mv -f "$file" "$fixtures/$(basename "$file")"
    kept=$((kept + 1))
  done
  grep -E "^(==[0-9]+==ERROR|SUMMARY|invariant broken|Fatal error|.*deadly signal|.*ERROR: libFuzzer)" "$log" \
    | head -n 5 >&2 || true
  [ $kept = 0 ] || echo "fuzz: $name: $kept failing input(s) kept in $fixtures" >&2
  # Summary: seconds, exec/s, corpus size, cov, ft.
  local done_line execs persec
  done_line=$(grep -E "^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED)" "$log" | tail -n 1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  persec=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$seconds" "${execs:-?}" "${persec:-?}" \
    "$(echo "$done_line" | sed -n 's/.*corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p')" \
    "$(echo "$done_line" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')" \
    "$(echo "$done_line" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')" "exit $status"
  [ "$status" = 0 ] || failed=1
  return 0
}
failed=0

case $target in
  build) build ;;
  all) build; for name in "${targets[@]}"; do run "$name" "$seconds" "$@"; done ;;
  *) executable "$target" >/dev/null; build; run "$target" "$seconds" "$@" ;;
esac
# A crash, timeout or out-of-memory input fails the run (for CI smoke runs).
exit $failed
