"""Start the web chat on the embedded defaults: `python app.py` (same as `qa serve`)."""

import sys

from qa.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
