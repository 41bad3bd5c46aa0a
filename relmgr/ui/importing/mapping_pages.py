"""The wizard's mapping pages: each file's columns to relmgr's fields (with the value format
of dates and amounts), then the export's codes to relmgr's codes. Both start from the
suggestion (relmgr/services/mapping/suggest.py) or from the saved mapping the RM chose."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from relmgr.services.importer.spec import BY_TABLE, TABLES, Kind
from relmgr.services.mapping.export_files import distinct_values
from relmgr.services.mapping.model import MAY_BE_NOT_PROVIDED, SignRule, TableMapping
from relmgr.services.mapping.values import AMOUNT_FORMATS, DATE_FORMATS, MONTH_FORMATS
from relmgr.services.wording import label
from relmgr.services.wording.customers import WORDS
from relmgr.ui.importing.state import masked_cell, personal_columns
from relmgr.ui.importing.wizard import Page

SIGN = "\x00sign"          # the pseudo-field "debit/credit indicator" in the field combo
_WORDS = dict(WORDS)


def code_label(column: Any, code: str, language: str) -> str:
    words = _WORDS.get(column.codes)
    return f"{code} · {label(words, column.codes, code, language=language)}" if words else code


def _formats(kind: Kind) -> tuple[str, ...]:
    if kind is Kind.MONTH:
        return MONTH_FORMATS
    if kind in (Kind.DATE, Kind.TIMESTAMP):
        return DATE_FORMATS
    return AMOUNT_FORMATS if kind is Kind.NUMBER else ()


class ColumnsPage(Page):
    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self.state = wizard.state
        self.file_combo = QComboBox()
        self.table_combo = QComboBox()
        self.grid = QTableWidget(0, 4)
        self.grid.verticalHeader().hide()
        self.open_points = QLabel()
        self.open_points.setWordWrap(True)
        self.form = QFormLayout()
        self.file_label, self.table_label = QLabel(), QLabel()
        self.form.addRow(self.file_label, self.file_combo)
        self.form.addRow(self.table_label, self.table_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.open_points)
        layout.addWidget(self.message)
        self.file_combo.currentIndexChanged.connect(self._show_file)
        self.table_combo.currentIndexChanged.connect(self._table_chosen)
        self._filling = False

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.file_combo.blockSignals(True)
        self.file_combo.clear()
        for name in self.state.raws:
            self.file_combo.addItem(name, name)
        self.file_combo.blockSignals(False)
        self._show_file()

    def _name(self) -> str | None:
        return self.file_combo.currentData()

    def _show_file(self) -> None:
        name = self._name()
        if name is None:
            return
        self._filling = True
        self.table_combo.clear()
        self.table_combo.addItem(self.tr("Not imported"), None)
        for spec in TABLES:
            self.table_combo.addItem(spec.table, spec.table)
        self.table_combo.setCurrentIndex(max(0, self.table_combo.findData(self.state.table_of.get(name))))
        self._filling = False
        self._fill_grid()

    def _table_chosen(self) -> None:
        name = self._name()
        if self._filling or name is None:
            return
        self.state.set_table(name, self.table_combo.currentData())
        self._fill_grid()

    def _fill_grid(self) -> None:
        name = self._name()
        raw = self.state.raws[name]
        table = self.state.table_of.get(name)
        tm = self.state.mappings.get(name) if table else None
        self.grid.setRowCount(len(raw.header))
        self.grid.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Example"),
                                             self.tr("relmgr field"), self.tr("Format")])
        personal = personal_columns(self.state, name)
        field_of = {source: f for f, source in (tm.columns.items() if tm else ())}
        if tm is not None and tm.sign is not None:
            field_of[tm.sign.column] = SIGN
        for row, column in enumerate(raw.header):
            self.grid.setItem(row, 0, QTableWidgetItem(column))
            example = next((r[row] for r in raw.rows[:50] if len(r) > row and r[row]), "")
            self.grid.setItem(row, 1, QTableWidgetItem(masked_cell(example, personal=column in personal)))
            combo = QComboBox()
            combo.addItem(self.tr("— not imported —"), None)
            if table:
                for col in BY_TABLE[table].columns:
                    combo.addItem(col.name + ("" if col.required else self.tr(" (optional)")), col.name)
                if table == "transactions":
                    combo.addItem(self.tr("debit/credit indicator (gives the amount's sign)"), SIGN)
            combo.setCurrentIndex(max(0, combo.findData(field_of.get(column))))
            combo.currentIndexChanged.connect(lambda _i, r=row, c=combo: self._field_chosen(r, c))
            self.grid.setCellWidget(row, 2, combo)
            self._format_cell(row, tm, field_of.get(column))
        self.grid.resizeColumnsToContents()
        self._check()

    def _format_cell(self, row: int, tm: TableMapping | None, field_name: str | None) -> None:
        self.grid.removeCellWidget(row, 3)
        if tm is None or field_name in (None, SIGN):
            return
        choices = _formats(BY_TABLE[tm.table].column(field_name).kind)
        if not choices:
            return
        combo = QComboBox()
        for choice in choices:
            combo.addItem(choice, choice)
        combo.setCurrentIndex(max(0, combo.findData(tm.formats.get(field_name, choices[0]))))
        combo.currentIndexChanged.connect(lambda _i, f=field_name, c=combo: self._format_chosen(f, c))
        self.grid.setCellWidget(row, 3, combo)

    def _format_chosen(self, field_name: str, combo: QComboBox) -> None:
        tm = self.state.mappings[self._name()]
        tm.formats[field_name] = combo.currentData()

    def _field_chosen(self, row: int, combo: QComboBox) -> None:
        name = self._name()
        tm = self.state.mappings.get(name)
        if tm is None:
            return
        column = self.state.raws[name].header[row]
        chosen = combo.currentData()
        for f in [f for f, source in tm.columns.items() if source == column or f == chosen]:
            del tm.columns[f]
            tm.formats.pop(f, None)
        if tm.sign is not None and (tm.sign.column == column or chosen == SIGN):
            tm.sign = None
        if chosen == SIGN:
            tm.sign = SignRule(column, {})
        elif chosen is not None:
            tm.columns[chosen] = column
            if chosen in tm.not_provided:
                tm.not_provided.remove(chosen)
        self._fill_grid()

    def _check(self) -> None:
        lines = []
        for name, table in self.state.table_of.items():
            tm = self.state.mappings.get(name)
            if not table or tm is None:
                continue
            spec = BY_TABLE[table]
            # A field the bank did not export is marked not provided (never invented), where
            # relmgr can do without it.
            may = set(MAY_BE_NOT_PROVIDED.get(table, ()))
            tm.not_provided = [c.name for c in spec.columns
                               if c.name in may and c.name not in tm.columns and c.required]
            missing = tm.missing_required()
            if missing:
                lines.append(self.tr("{file} ({table}): no column for {fields}").format(
                    file=name, table=table, fields=", ".join(missing)))
            elif tm.not_provided:
                lines.append(self.tr("{file} ({table}): not provided, shown as —: {fields}").format(
                    file=name, table=table, fields=", ".join(tm.not_provided)))
        for table in self.state.duplicate_tables():
            lines.append(self.tr("More than one file is mapped to {table}: keep one.").format(table=table))
        if not self.state.chosen():
            lines.append(self.tr("No file is mapped to a relmgr table."))
        self.open_points.setText("\n".join(lines))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        if not self.state.chosen() or self.state.duplicate_tables():
            return False
        return not any(self.state.mappings[n].missing_required() for n in self.state.chosen().values())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Which relmgr table each file feeds, and which relmgr field each "
                                 "column is. Suggested from the column names; change what is wrong."))
        self.file_label.setText(self.tr("File:"))
        self.table_label.setText(self.tr("relmgr table:"))


class CodesPage(Page):
    """Per code field mapped (and the debit/credit indicator): each value found in the file and
    the relmgr code it means. Suggested from the common Chinese values; unmapped values are
    checked as they are (a wrong one is then rejected, naming the row)."""

    def __init__(self, wizard: Any) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.state = wizard.state
        self.grid = QTableWidget(0, 3)
        self.grid.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.message)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.grid.setRowCount(0)
        self.grid.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value in the file"),
                                             self.tr("relmgr code")])
        for table, name in self.state.chosen().items():
            tm = self.state.mappings[name]
            raw = self.state.raws[name]
            spec = BY_TABLE[table]
            for f, source in tm.columns.items():
                col = spec.column(f)
                if col.kind is not Kind.CODE or col.codes is None:
                    continue
                table_codes = tm.codes.setdefault(f, {})
                choices = [(code_label(col, c.value, self.wizard_.language), c.value) for c in col.codes]
                for value in distinct_values(raw, source):
                    self._add_row(f"{table}.{f}", value, choices,
                                  table_codes.get(value, value if value in {c for _l, c in choices} else None),
                                  lambda code, v=value, t=table_codes: _set(t, v, code))
                if not table_codes:
                    tm.codes.pop(f, None)
            if tm.sign is not None:
                rule = tm.sign
                choices = [(self.tr("+ credit: money into the account"), 1),
                           (self.tr("− debit: money out of the account"), -1)]
                from relmgr.services.mapping.suggest import SIGN_CODES

                for value in distinct_values(raw, rule.column):
                    if value not in rule.codes and value in SIGN_CODES:
                        rule.codes[value] = SIGN_CODES[value]
                    self._add_row(f"{table}.{self.tr('sign')} ({rule.column})", value, choices,
                                  rule.codes.get(value), lambda code, v=value, r=rule: _set(r.codes, v, code))
        self.grid.resizeColumnsToContents()

    def _add_row(self, where: str, value: str, choices: list, current: Any, on_change: Any) -> None:
        row = self.grid.rowCount()
        self.grid.insertRow(row)
        self.grid.setItem(row, 0, QTableWidgetItem(where))
        self.grid.setItem(row, 1, QTableWidgetItem(value))
        combo = QComboBox()
        combo.addItem(self.tr("— as it is —"), None)
        for text, code in choices:
            combo.addItem(text, code)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.currentIndexChanged.connect(lambda _i, c=combo: on_change(c.currentData()))
        self.grid.setCellWidget(row, 2, combo)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Codes"))
        self.setSubTitle(self.tr("What the export's codes mean in relmgr: transaction types, channels, "
                                 "the debit/credit indicator, gender, risk rating and the like."))


def _set(table: dict, value: str, code: Any) -> None:
    if code is None:
        table.pop(value, None)
    else:
        table[value] = code
