#!/usr/bin/env bash
# Compare two builds byte for byte: every table under data/processed, brief.md, validation.csv,
# every figure, and every rendered HTML page up to the build's own path.
#   scripts/compare_builds.sh BUILD_A BUILD_B     (exit 0 when all are identical)
set -u
a=${1:?usage: compare_builds.sh BUILD_A BUILD_B}; b=${2:?usage: compare_builds.sh BUILD_A BUILD_B}
bad=0; n=0
for f in $(cd "$a/data/processed" && ls *.csv) ; do n=$((n+1)); cmp -s "$a/data/processed/$f" "$b/data/processed/$f" || { echo "differs: data/processed/$f"; bad=1; }; done
for f in brief.md validation.csv; do n=$((n+1)); cmp -s "$a/reports/$f" "$b/reports/$f" || { echo "differs: reports/$f"; bad=1; }; done
# A page names its build folder (the parameters cell, its id made from that cell, the index's links):
# each page is compared with its own build's path replaced by BUILD and that cell id by PARAMETERS.
# A finding that names a path writes it as Markdown, '_' escaped ('/tmp/cost\_ab'): that form too.
# (Only '_' is handled: a build path holding other Markdown marks, '&', '<' or '#' still 'differs'.)
same_page() {
  local pa pb; pa=$(cd "$a" && pwd); pb=$(cd "$b" && pwd)
  cmp -s <(sed -e "s#$pa#BUILD#g" -e "s#${pa//_/\\\\_}#BUILD#g" -e 's#parameters-[0-9a-f]\{12\}#PARAMETERS#g' "$a/reports/$1") \
         <(sed -e "s#$pb#BUILD#g" -e "s#${pb//_/\\\\_}#BUILD#g" -e 's#parameters-[0-9a-f]\{12\}#PARAMETERS#g' "$b/reports/$1")
}
for f in $(cd "$a/reports" && ls *.html); do n=$((n+1)); same_page "$f" || { echo "differs: reports/$f"; bad=1; }; done
for f in $(cd "$a/reports/figures" && ls); do n=$((n+1)); cmp -s "$a/reports/figures/$f" "$b/reports/figures/$f" || { echo "differs: reports/figures/$f"; bad=1; }; done
[ "$bad" = 0 ] && echo "all $n files identical"
exit "$bad"
