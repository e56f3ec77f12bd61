#!/usr/bin/env bash
# The main job: builds kgraph and regenerates graphs/ from examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build -c release --product kgraph
K=.build/release/kgraph
mkdir -p graphs
$K build examples/russia-north-korea-bank-account.txt -o graphs/seed.graphml --dot graphs/seed.dot
$K render graphs/seed.graphml -o graphs/seed.svg
$K build examples/russia-north-korea-bank-account.txt -o graphs/day1.graphml --dot graphs/day1.dot
$K build examples/followups -o graphs/day2.graphml --dot graphs/day2.dot
$K merge graphs/day1.graphml graphs/day2.graphml -o graphs/story.graphml --dot graphs/story.dot
$K build examples -o graphs/examples.graphml --dot graphs/examples.dot
$K render graphs/examples.graphml -o graphs/examples.svg
if cmp -s graphs/story.graphml graphs/examples.graphml; then
  echo "merge(day1, day2) and build(examples) gave the same bytes"
else
  echo "merge(day1, day2) and build(examples) differ" >&2; exit 1
fi
