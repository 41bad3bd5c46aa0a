"""relmgr: an offline workbench for bank relationship managers on an encrypted local portfolio."""

__version__ = "0.1.0"
