#!/bin/bash
# Issue 11's cost measure: (make on CORPUS − make on the seeds) ÷ nltk VADER alone on CORPUS's sentences.
#
#   scripts/make_cost.sh CORPUS OUT [TREE...]        (REPS=1 for one round instead of two)
#
# For each TREE (a checkout of this repo; default: this one), runs `make` on the seeds and then on
# CORPUS, twice, alternating the trees, each into a fresh BUILD under OUT, with the venv present and
# PYTHONPATH=<TREE>/src (so another checkout can share this venv; give it a .venv link and old file
# times so make does not reinstall). Writes OUT/summary.txt: wall seconds and each notebook's
# "ran in" time; after each seeds+corpus pair, VADER alone (scripts/vader_alone.py, on the first
# CORPUS build's sentences) and the pair's ratio (corpus - seeds) / VADER. This machine's speed
# drifts by 20% within minutes, so each pair is divided by a VADER run made beside it. Each make
# also runs under scripts/cpu_time.py (CPU seconds of its whole process tree, the detached CSV
# job included): cpu_ratio = (CPU corpus - CPU seeds) / (2 x VADER's CPU) is the ratio the run
# would reach with both cores always busy, and drifts less than the wall times.
set -u
corpus=${1:?usage: make_cost.sh CORPUS OUT [TREE...]}; out=${2:?usage: make_cost.sh CORPUS OUT [TREE...]}; shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
trees=("$@"); [ ${#trees[@]} -gt 0 ] || trees=("$here")
mkdir -p "$out"; : > "$out/summary.txt"
run() {  # label tree corpus build
  rm -rf "$4"
  local t0 t1 rc
  t0=$(date +%s.%N)
  ( cd "$2" && PYTHONPATH="$2/src" "$here/.venv/bin/python" "$here/scripts/cpu_time.py" "$4.cpu" -- \
      make CORPUS="$3" BUILD="$4" ) > "$4.log" 2>&1; rc=$?
  t1=$(date +%s.%N)
  cpu=$(sed -n 's/^cpu=\([0-9.]*\).*/\1/p' "$4.cpu" 2>/dev/null)
  echo "$1 rc=$rc wall=$(echo "$t1 - $t0" | bc) s cpu=${cpu:-?} s $(grep -h 'ran in' "$4.log" | tr '\n' ' ')" | tee -a "$out/summary.txt"
}
vader() {  # label: VADER alone on the first corpus build's sentences, right after the pair it divides
  "$here/.venv/bin/python" "$here/scripts/vader_alone.py" "$out/tree0-corpus-1/data/processed/sentences.parquet" \
    | sed "s/^/$1 vader alone: /" | tee -a "$out/summary.txt"
}
wall() { sed -n "s/^$1 rc=0 wall=\([0-9.]*\) s.*/\1/p" "$out/summary.txt"; }
cpu_of() { sed -n "s/^$1 rc=0 wall=[0-9.]* s cpu=\([0-9.]*\) s.*/\1/p" "$out/summary.txt"; }
for rep in $(seq 1 "${REPS:-2}"); do
  for i in "${!trees[@]}"; do
    run "tree$i-seeds-$rep" "${trees[$i]}" seeds "$out/tree$i-seeds-$rep"
    run "tree$i-corpus-$rep" "${trees[$i]}" "$corpus" "$out/tree$i-corpus-$rep"
    vader "tree$i-$rep"
    v=$(sed -n "s/^tree$i-$rep vader alone: [0-9]* sentences \([0-9.]*\) s.*/\1/p" "$out/summary.txt")
    c=$(wall "tree$i-corpus-$rep"); s=$(wall "tree$i-seeds-$rep")
    vc=$(sed -n "s/^tree$i-$rep vader alone: .* cpu \([0-9.]*\) s$/\1/p" "$out/summary.txt")
    cc=$(cpu_of "tree$i-corpus-$rep"); sc=$(cpu_of "tree$i-seeds-$rep")
    [ -n "$v" ] && [ -n "$c" ] && [ -n "$s" ] && \
      echo "tree$i-$rep ratio=$(echo "scale=3; ($c - $s) / $v" | bc)" | tee -a "$out/summary.txt"
    [ -n "$vc" ] && [ -n "$cc" ] && [ -n "$sc" ] && \
      echo "tree$i-$rep cpu_ratio=$(echo "scale=3; ($cc - $sc) / (2 * $vc)" | bc)" | tee -a "$out/summary.txt"
  done
done
