#!/bin/sh
# Build DocentWijzer's one-folder app from the lock (Linux), reproducibly:
#  1. a fresh build venv (build/venv) gets exactly the versions in packaging/requirements.lock,
#     each file checked against its sha256 hash (pip --require-hashes, wheels only);
#  2. packaging/check_lock.py checks the lock still agrees with pyproject.toml;
#  3. PyInstaller builds dist/DocentWijzer from packaging/docentwijzer.spec;
#  4. the build runs --self-test in an empty environment (env -i: no PYTHONPATH, no venv);
#  5. it prints the build's size and the self-test's result, and exits non-zero if it failed.
# Usage: sh packaging/build.sh   (run the tests first: sh dev test)
# Needs: Python 3.11+ with venv, binutils; for the lean ICU data also gcc and icu-devtools.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
venv=build/venv
rm -rf "$venv" build/pyinstaller dist/DocentWijzer
"$PYTHON" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  --require-hashes --only-binary=:all: -r packaging/requirements.lock
"$venv/bin/python" packaging/check_lock.py
# A fixed hash seed: PyInstaller writes base_library.zip in set order, which otherwise changes
# from run to run; with it two builds of the same commit are byte for byte the same.
PYTHONHASHSEED=0 PYTHONPATH="$PWD" "$venv/bin/python" -m PyInstaller --noconfirm --clean \
  --distpath dist --workpath build/pyinstaller packaging/docentwijzer.spec
app=dist/DocentWijzer/DocentWijzer
home=$(mktemp -d)
if env -i PATH=/usr/bin:/bin HOME="$home" "$app" --self-test; then
  result=passed
else
  result=FAILED
fi
rm -rf "$home"
bytes=$(du -sb dist/DocentWijzer | cut -f1)
echo "DocentWijzer build: dist/DocentWijzer, $((bytes / 1000000)) MB unpacked" \
  "($(du -sh dist/DocentWijzer | cut -f1)iB, $bytes bytes); --self-test in an empty environment: $result"
[ "$result" = passed ]
