#!/bin/sh
# Take a screenshot of DocentWijzer (or any command) in a virtual X display, for review.
#
#   sh scripts/screenshot.sh OUT.png [--scale 2] [--dark] [--wait SECONDS] -- .venv/bin/docentwijzer
#
# --scale 2 sets QT_SCALE_FACTOR=2 (stands in for 200% text); --dark asks the app for its dark
# colour scheme (DOCENTWIJZER_COLOR_SCHEME=dark). Needs Xvfb, xdotool and ImageMagick's
# `import` (Debian: xvfb xdotool imagemagick, plus the Qt xcb libraries).
set -eu
[ $# -ge 1 ] || { echo "usage: $0 OUT.png [--scale N] [--dark] [--wait S] -- COMMAND" >&2; exit 2; }
out=$1
shift
scale=""
dark=""
pause=4
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  case $1 in
    --scale) scale=$2; shift 2 ;;
    --dark) dark=1; shift ;;
    --wait) pause=$2; shift 2 ;;
    *) echo "$0: unknown option $1" >&2; exit 2 ;;
  esac
done
[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || { echo "$0: no command given after --" >&2; exit 2; }

display=99
while [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
server=$!
app=""
trap 'kill $app $server 2>/dev/null || true' EXIT INT TERM
sleep 1

if [ -n "$scale" ]; then export QT_SCALE_FACTOR="$scale"; fi
if [ -n "$dark" ]; then export DOCENTWIJZER_COLOR_SCHEME=dark QT_STYLE_OVERRIDE=Fusion; fi
DISPLAY=":$display" QT_QPA_PLATFORM=xcb "$@" >/dev/null 2>&1 &
app=$!
sleep "$pause"

window=$(DISPLAY=":$display" xdotool search --onlyvisible --pid "$app" 2>/dev/null | tail -n 1 || true)
DISPLAY=":$display" import -window "${window:-root}" "$out"
echo "saved $out"
