#!/bin/bash
# Instructions per stage of analyse_file for each TREE (a checkout; PYTHONPATH=<TREE>/src), by callgrind:
#   scripts/instructions.sh TREE [TREE...]      (needs valgrind; PYTHONHASHSEED fixed so runs repeat)
# numpy's BLAS threads are held to one: their spinning would be counted (runs differed by about 20M).
# Prints "TREE K Collected : N" for K = -1 (warm-up only), 0 (parsing), 1.. (each analyser added);
# stage k costs count(k) - count(k-1) instructions over the same 60 statements.
here=$(cd "$(dirname "$0")/.." && pwd)
for k in -1 0 1 2 3 4 5 6; do
  for tree in "$@"; do
    (cd "$tree" && PYTHONHASHSEED=0 OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONPATH="$tree/src" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      "$here/.venv/bin/python" "$here/scripts/instructions.py" "$k" 2>&1 | grep Collected | sed "s|^|$tree $k |") &
  done
  wait
done
