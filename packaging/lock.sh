#!/bin/sh
# Regenerate packaging/requirements.lock: the exact version and sha256 hashes of every runtime
# dependency (pyproject.toml) and of the build tool (packaging/build.in), for Linux, Windows and
# macOS at once and every Python from 3.11 on (uv's universal resolution: PyInstaller needs
# pefile on Windows and macholib on macOS). Versions already in the lock are kept unless
# pyproject.toml or build.in no longer allow them; `sh packaging/lock.sh --upgrade` takes the
# newest allowed versions. Commit the lock with the change that needed it.
set -eu
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9
if command -v uv >/dev/null 2>&1; then
  uv=uv
else
  tools=$(mktemp -d)
  trap 'rm -rf "$tools"' EXIT
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
  uv="$tools/venv/bin/uv"
fi
"$uv" pip compile pyproject.toml packaging/build.in \
  --universal --python-version 3.11 --generate-hashes \
  --custom-compile-command "sh packaging/lock.sh" \
  --output-file packaging/requirements.lock "$@"
