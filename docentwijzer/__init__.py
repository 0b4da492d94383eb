"""DocentWijzer: helps teachers notice signals, refer students and build belonging.

The core package never imports PySide6; only ``docentwijzer.ui`` (and the entry point in
``docentwijzer.app``, lazily) does. A test checks this.
"""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "DocentWijzer"
