#!/bin/bash
# Issue 11's cost measure: (make on CORPUS − make on the seeds) ÷ nltk VADER alone on CORPUS's sentences.
#
#   scripts/make_cost.sh CORPUS OUT [TREE...]
#
# For each TREE (a checkout of this repo; default: this one), runs `make` on the seeds and then on
# CORPUS, twice, alternating the trees, each into a fresh BUILD under OUT, with the venv present and
# PYTHONPATH=<TREE>/src (so another checkout can share this venv; give it a .venv link and old file
# times so make does not reinstall). Writes OUT/summary.txt: wall seconds and each notebook's
# "ran in" time, then VADER alone (scripts/vader_alone.py) on the first CORPUS build of the first tree.
set -u
corpus=${1:?usage: make_cost.sh CORPUS OUT [TREE...]}; out=${2:?usage: make_cost.sh CORPUS OUT [TREE...]}; shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
trees=("$@"); [ ${#trees[@]} -gt 0 ] || trees=("$here")
mkdir -p "$out"; : > "$out/summary.txt"
run() {  # label tree corpus build
  rm -rf "$4"
  local t0 t1 rc
  t0=$(date +%s.%N)
  ( cd "$2" && PYTHONPATH="$2/src" make CORPUS="$3" BUILD="$4" ) > "$4.log" 2>&1; rc=$?
  t1=$(date +%s.%N)
  echo "$1 rc=$rc wall=$(echo "$t1 - $t0" | bc) s $(grep -h 'ran in' "$4.log" | tr '\n' ' ')" | tee -a "$out/summary.txt"
}
for rep in 1 2; do
  for i in "${!trees[@]}"; do
    run "tree$i-seeds-$rep" "${trees[$i]}" seeds "$out/tree$i-seeds-$rep"
    run "tree$i-corpus-$rep" "${trees[$i]}" "$corpus" "$out/tree$i-corpus-$rep"
  done
done
"$here/.venv/bin/python" "$here/scripts/vader_alone.py" "$out/tree0-corpus-1/data/processed/sentences.parquet" \
  | sed 's/^/vader alone: /' | tee -a "$out/summary.txt"
