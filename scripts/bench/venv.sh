#!/usr/bin/env bash
# Creates (once) the Python venv that benchmarks use for the reference implementations.
# Prints the path of its python. Dev-time only: tests never need Python.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-bench
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import vaderSentiment, sklearn" 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q "vaderSentiment==3.3.2" "scikit-learn==1.9.1" >&2
fi
echo "$PWD/$venv/bin/python"
