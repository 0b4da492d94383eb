#!/bin/sh
# Build the one-folder app with PyInstaller and smoke-test it with --self-test in a bare
# environment (no PYTHONPATH, no project on the path). Usage: packaging/build.sh
set -eu
cd "$(dirname "$0")/.."
sh dev test -q -x >/dev/null || { echo "tests fail: not building" >&2; exit 1; }
PY=.venv/bin/python
$PY -m pip install --quiet "pyinstaller>=6.10"
$PY -m PyInstaller --noconfirm --clean --distpath dist --workpath build packaging/docentwijzer.spec
app=dist/DocentWijzer/DocentWijzer
smoke_home=$(mktemp -d)
env -i PATH=/usr/bin:/bin HOME="$smoke_home" "$app" --version
env -i PATH=/usr/bin:/bin HOME="$smoke_home" "$app" --self-test
echo "built: dist/DocentWijzer ($(du -sh dist/DocentWijzer | cut -f1))"
