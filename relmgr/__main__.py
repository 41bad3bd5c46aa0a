import sys

from relmgr.cli import main

sys.exit(main())
