"""Real bank exports in: reading raw files (encoding, separator, header), mapping their columns,
codes and value formats to relmgr's exchange-format tables, and a data-quality report before
anything is written. Qt-free: the command line (`relmgr import --mapping`) uses it now, an
import wizard later.
"""

from relmgr.services.mapping.model import Mapping, MappingError, TableMapping, load_mapping, save_mapping
from relmgr.services.mapping.run import MappedImport, MappingIncomplete, import_mapped

__all__ = ["MappedImport", "Mapping", "MappingError", "MappingIncomplete", "TableMapping",
           "import_mapped", "load_mapping", "save_mapping"]
