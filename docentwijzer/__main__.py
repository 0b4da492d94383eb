"""``python -m docentwijzer``."""

from __future__ import annotations

import sys

from docentwijzer.app import main

sys.exit(main())
