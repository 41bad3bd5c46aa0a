import sys

from relmgr_hq.cli import main

sys.exit(main())
