#!/bin/sh
# Run under dbus-run-session: Xvfb, the AT-SPI bus, the app (venv) and the AT-SPI client
# (system python3 with python3-pyatspi). Usage: atspi_session.sh VENV_PYTHON LANG [SCENE ...]
set -u
python=$1; lang=$2; shift 2
here=$(dirname "$0")
for d in $(seq 150 199); do [ -e "/tmp/.X$d-lock" ] || break; done
export DISPLAY=":$d"
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
launcher=/usr/libexec/at-spi-bus-launcher
[ -x "$launcher" ] || launcher=/usr/lib/at-spi2-core/at-spi-bus-launcher
"$launcher" --launch-immediately >/dev/null 2>&1 &
bus=$!
sleep 1.5
home=$(mktemp -d)
DOCENTWIJZER_HOME=$home QT_ACCESSIBILITY=1 QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 \
  QT_QPA_PLATFORM=xcb QT_QPA_PLATFORMTHEME= DOCENTWIJZER_COLOR_SCHEME=light \
  "$python" -m docentwijzer --lang "$lang" >"$home/app.log" 2>&1 &
app=$!
/usr/bin/python3 "$here/atspi_client.py" "$lang" "$app" "$@"
rc=$?
kill "$app" 2>/dev/null; sleep 0.5; kill -9 "$app" 2>/dev/null
kill "$bus" "$xvfb" 2>/dev/null
rm -rf "$home"
exit $rc
