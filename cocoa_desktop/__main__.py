import sys

from cocoa_desktop.cli import main

sys.exit(main())
