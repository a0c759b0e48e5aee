#!/usr/bin/env bash
# Compare two builds byte for byte: every table under data/processed, brief.md, validation.csv,
# every figure and every rendered HTML page.
#   scripts/compare_builds.sh BUILD_A BUILD_B     (exit 0 when all are identical)
set -u
a=${1:?usage: compare_builds.sh BUILD_A BUILD_B}; b=${2:?usage: compare_builds.sh BUILD_A BUILD_B}
bad=0; n=0
for f in $(cd "$a/data/processed" && ls *.csv) ; do n=$((n+1)); cmp -s "$a/data/processed/$f" "$b/data/processed/$f" || { echo "differs: data/processed/$f"; bad=1; }; done
for f in brief.md validation.csv $(cd "$a/reports" && ls *.html); do n=$((n+1)); cmp -s "$a/reports/$f" "$b/reports/$f" || { echo "differs: reports/$f"; bad=1; }; done
for f in $(cd "$a/reports/figures" && ls); do n=$((n+1)); cmp -s "$a/reports/figures/$f" "$b/reports/figures/$f" || { echo "differs: reports/figures/$f"; bad=1; }; done
[ "$bad" = 0 ] && echo "all $n files identical"
exit "$bad"
