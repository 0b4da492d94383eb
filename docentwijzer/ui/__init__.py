"""Qt widgets only: each screen asks the core and shows the answer."""
