"""Entry point for the frozen build."""

import sys

from docentwijzer.app import main

if __name__ == "__main__":
    sys.exit(main())
