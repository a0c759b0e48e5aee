#!/bin/bash
# A trial, not part of the build: what would compiling the per-document modules with Cython save?
#
#   scripts/cython_trial.sh OUT [FOLDER] [DOCS]      (default: /tmp/stress/wh, its first 1200 documents)
#
# Copies src/ to OUT/src and links the rest of the project beside it (data, pyproject.toml: the
# helpers find their curated files from there), installs Cython from PyPI into OUT/venv (never
# into .venv), and compiles MODULES in place, with annotation typing and type inference off: the
# same Python semantics, only compiled (a .so next to its .py is imported first). Then
# scripts/analyse_cpu.py runs in this tree and in OUT at once, three times: paired on the two
# cores, both runs see the same state of this shared machine. Writes OUT/summary.txt.
set -eu
out=${1:?usage: cython_trial.sh OUT [FOLDER] [DOCS]}; folder=${2:-/tmp/stress/wh}; docs=${3:-1200}
here=$(cd "$(dirname "$0")/.." && pwd)
MODULES="helpers/extract/actors.py helpers/analyse/sentiment.py helpers/analyse/stance.py helpers/extract/quotes.py
helpers/extract/grammar.py helpers/extract/facts/scan.py helpers/extract/facts/quantities.py helpers/extract/facts/votes.py
helpers/extract/facts/sentence.py helpers/extract/facts/__init__.py helpers/extract/events.py helpers/ingest/sentences.py
helpers/ingest/reading.py helpers/ingest/paragraphs.py helpers/ingest/boilerplate.py helpers/ingest/parse.py
helpers/pipeline/document.py"
case "$(realpath -m "$out")/" in "$here"/*) echo "OUT must lie outside the project ($here): it gets a copy of src/" >&2; exit 2;; esac
rm -rf "$out/src"; mkdir -p "$out"; cp -r "$here/src" "$out/src"
find "$out/src" -name '*.so' -delete
for f in "$here"/*; do [ "$(basename "$f")" = src ] || ln -sfn "$f" "$out/$(basename "$f")"; done
[ -x "$out/venv/bin/python" ] || python3 -m venv "$out/venv"
"$out/venv/bin/pip" install --quiet cython setuptools
cat > "$out/setup_trial.py" <<PY
from setuptools import setup
from Cython.Build import cythonize
setup(ext_modules=cythonize("$(echo $MODULES)".split(), quiet=True, nthreads=2,
                            compiler_directives={"language_level": 3, "binding": True,
                                                 "annotation_typing": False, "infer_types": False}),
      script_args=["build_ext", "--inplace", "-j", "2"])
PY
start=$(date +%s)
(cd "$out/src" && "$out/venv/bin/python" ../setup_trial.py > "$out/compile.log" 2>&1)
echo "cython $("$out/venv/bin/cython" --version 2>&1): $(echo $MODULES | wc -w) modules compiled in $(( $(date +%s) - start )) s wall" | tee "$out/summary.txt"
for rep in 1 2 3; do
  PYTHONPATH="$here/src" "$here/.venv/bin/python" "$here/scripts/analyse_cpu.py" "$folder" "$docs" > "$out/pure.$rep" &
  PYTHONPATH="$out/src" "$here/.venv/bin/python" "$here/scripts/analyse_cpu.py" "$folder" "$docs" > "$out/compiled.$rep" &
  wait
  p=$(sed -n 's/.* cpu \([0-9.]*\) s.*/\1/p' "$out/pure.$rep"); c=$(sed -n 's/.* cpu \([0-9.]*\) s.*/\1/p' "$out/compiled.$rep")
  echo "pair $rep: pure $(cat "$out/pure.$rep") | compiled $(cat "$out/compiled.$rep") | compiled/pure $(echo "scale=3; $c / $p" | bc)" | tee -a "$out/summary.txt"
done
