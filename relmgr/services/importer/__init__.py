"""Import of the portfolio exchange format (docs/exchange-format.md): one CSV per table,
validated row by row, written all-or-nothing.

`import_folder(portfolio, folder, progress=, cancel=) -> ImportReport` is the use case the
command line (`relmgr import FILE --from DIR`) and the GUI call; a rejected folder raises
`ImportRejected`, whose `.problems` `format_problems` turns into lines for the user.
"""

from relmgr.services.importer.problems import ImportRejected, Problem, format_problems
from relmgr.services.importer.run import ImportReport, TableCounts, import_folder
from relmgr.services.importer.spec import TABLES

__all__ = ["TABLES", "ImportRejected", "ImportReport", "Problem", "TableCounts",
           "format_problems", "import_folder"]
