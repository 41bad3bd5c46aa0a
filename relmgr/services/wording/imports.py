"""Words of a mapped import (issue 14): the data-quality report, how a file is written, and the
validator's reasons, in English or Chinese.

The validator (services.importer) writes its reasons in English, quoting the value and counting
rows; they also go to the rejected-rows CSV and the report JSON, which stay English. Here a
reason is matched against its English pattern and said in Chinese with the same values; a
reason no pattern knows is shown as it is (like an unknown code) rather than hidden. The report
comes in as the plain dict of `QualityReport.as_json()`: this package imports nothing from the
rest of services.
"""

from __future__ import annotations

import re
from typing import Any

from relmgr.services.wording import CHINESE, Pair, checked, say

TABLES: dict[str, Pair] = {
    "customers": ("customers", "客户"),
    "products": ("products", "产品"),
    "holdings": ("holdings", "持有账户"),
    "transactions": ("transactions", "交易流水"),
    "monthly_balances": ("monthly_balances", "月度余额"),
    "interactions": ("interactions", "联系记录"),
    "campaigns": ("campaigns", "营销活动"),
    "offers": ("offers", "营销推荐"),
    "loans": ("loans", "贷款"),
    "loan_repayments": ("loan_repayments", "还款记录"),
    "credit_profiles": ("credit_profiles", "信用档案"),
}

REPORT: dict[str, Pair] = {
    "TITLE": ("data-quality report (data date {date}): {duplicates} duplicates, "
              "{after} records after the data date",
              "数据质量报告（数据日期 {date}）：重复 {duplicates} 条，晚于数据日期的记录 {after} 条"),
    "UNKNOWN_DATE": ("unknown", "未知"),
    "CURRENCY": ("amounts converted from {code} to CNY at {rate} CNY per {code}",
                 "金额已由 {code} 折算为人民币，汇率 1 {code} = {rate} 元"),
    "FILE": ("{file} -> {table}: {read} rows read, {accepted} accepted, {rejected} rejected; {dialect}",
             "{file} -> {table}：读取 {read} 行，接受 {accepted} 行，拒绝 {rejected} 行；{dialect}"),
    "NOT_MAPPED": ("not mapped", "未映射"),
    "CLEANED": ("  values cleaned: ", "  已清理的值："),
    "TRANSLATED": ("  codes translated: ", "  已转换的代码："),
    "CONVERTED": ("  amounts converted to CNY: ", "  已折算为人民币的金额："),
    "EMPTY": ("  empty cells: ", "  空单元格："),
    "NOT_PROVIDED": ("  not provided (stored empty, shown as —): ", "  未提供（存为空，显示为“—”）："),
    "COLUMN": ("column {column}", "列 {column}"),
    "WHOLE_ROWS": ("whole rows", "整行"),
    "PROBLEM": ("  {where}: {rows} × {kind}", "  {where}：{rows} × {kind}"),
    "ROW": ("row {row}: ", "第 {row} 行："),
    "LIST": (", ", "，"),
}

READING: dict[str, Pair] = {
    "XLSX": ("XLSX sheet, header on row {row}", "XLSX 工作表，表头在第 {row} 行"),
    "TEXT": ("encoding {encoding}, separator {separator}, quote {quote}, header on line {row}, "
             "line endings {ending}",
             "编码 {encoding}，分隔符 {separator}，引号 {quote}，表头在第 {row} 行，换行符 {ending}"),
    "TAB": ("tab", "制表符"),
}

# English pattern of a reason (the whole reason after an optional quoted value) -> Chinese with
# the same named parts. Kinds of problems (values quoted as '…', counts as N) match too.
_REASONS: tuple[tuple[str, str], ...] = (
    (r"required, but empty", "必填，但为空"),
    (r"is longer than (?P<n>\S+) characters", "超过 {n} 个字符"),
    (r"is not a (?P<code>\w+) code \(allowed: (?P<allowed>.*)\)", "不是有效的 {code} 代码（允许：{allowed}）"),
    (r"is not a month \((?P<form>.*)\)", "不是月份（{form}）"),
    (r"is not a date \((?P<form>.*)\)", "不是日期（{form}）"),
    (r"is not a real calendar date", "不是真实的日历日期"),
    (r"is not a real date and time", "不是真实的日期和时间"),
    (r"is not 0 or 1", "不是 0 或 1"),
    (r"is not a whole number", "不是整数"),
    (r"is not a number \(use '\.' for decimals; no thousands separators or currency signs\)",
     "不是数字（小数点用“.”，不带千位分隔符或货币符号）"),
    (r"is not a finite number", "不是有限的数值"),
    (r"must not be negative", "不能为负数"),
    (r"must be at least (?P<n>.+)", "不能小于 {n}"),
    (r"must be 11 digits starting 13-19", "必须是 13–19 开头的 11 位数字"),
    (r"must be 17 digits followed by a digit or X", "必须是 17 位数字加一位数字或 X"),
    (r"birth date in positions 7-14 is not a real date", "第 7–14 位的出生日期不是真实日期"),
    (r"check character does not match", "校验位不符"),
    (r"duplicate (?P<key>\S+) (?P<shown>.*) \(first on row (?P<row>\S+)\)",
     "重复的 {key} {shown}（首次出现在第 {row} 行）"),
    (r"the same ID number as row (?P<row>\S+)", "与第 {row} 行的证件号码相同"),
    (r"does not match the birth date in id_number", "与 id_number 中的出生日期不符"),
    (r"is before (?P<other>\S+)", "早于 {other}"),
    (r"is below min_age", "小于 min_age"),
    (r"is in the future \(today is (?P<today>\S+)\): a booked transaction cannot be",
     "是未来日期（今天是 {today}）：已记账的交易不可能在未来"),
    (r"is after the data date (?P<date>\S+) \(allowed: up to (?P<days>\S+) days later\): "
     r"an export holds no records from the future",
     "晚于数据日期 {date}（最多允许晚 {days} 天）：导出数据不会有未来的记录"),
    (r"(?P<key>.+) was imported before with other content \((?P<which>.*) differ\)",
     "{key} 此前已导入，但内容不同（{which} 不一致）"),
    (r"is not in (?P<file>\S+) nor in the portfolio", "既不在 {file} 中，也不在组合中"),
    (r"belongs to another customer", "属于另一位客户"),
    (r"this ID number is already on file for customer (?P<customer>.*)",
     "该证件号码已登记在客户 {customer} 名下"),
    (r"has (?P<n>\S+) fields, the header has (?P<width>\S+)", "有 {n} 个字段，表头有 {width} 个"),
    (r"and (?P<n>\S+) more rows with the wrong number of fields", "另有 {n} 行字段数不对"),
    (r"and (?P<n>\S+) more rows with too few fields", "另有 {n} 行字段过少"),
    (r"and (?P<n>\S+) more rows with problems in this column", "该列另有 {n} 行有问题"),
    (r"this column of the mapping is not in the header \(the header has: (?P<header>.*)\)",
     "映射中的这一列不在表头中（表头为：{header}）"),
    (r"holds a digit other than 0-9", "含有 0–9 以外的数字"),
    (r"is not a date in the format (?P<form>.+)", "不是 {form} 格式的日期"),
    (r"is not an amount in the format (?P<form>.+)", "不是 {form} 格式的金额"),
    (r"is not a debit/credit indicator of column (?P<column>.+) \(known: (?P<known>.*)\)",
     "不是列 {column} 的借贷标志（已知：{known}）"),
    (r"the mapping names an unknown encoding", "映射中的编码无法识别"),
    (r"is empty", "是空文件"),
    (r"has no header row", "没有表头行"),
    (r"has no sheet with data", "没有含数据的工作表"),
    (r"is not a readable XLSX workbook", "不是可读取的 XLSX 工作簿"),
    (r"holds NUL bytes: it is not a text export \(UTF-16 or a binary file\?\)",
     "含有 NUL 字节：不是文本导出文件（UTF-16 或二进制文件？）"),
    (r"cannot be read \((?P<why>.*)\)", "无法读取（{why}）"),
    (r"line (?P<line>\S+): is not (?P<encoding>\S+) text \(the sample was\); is the file a mix of encodings\?",
     "第 {line} 行：不是 {encoding} 文本（样本是）；文件是否混用了多种编码？"),
    (r"line (?P<line>\S+): a field is longer than (?P<n>\S+) characters, or its quoting is broken",
     "第 {line} 行：某个字段超过 {n} 个字符，或引号不成对"),
)
_COMPILED = tuple((re.compile(r"(?P<lead>'.*?'…? )?" + english), chinese) for english, chinese in _REASONS)


def reason(text: str, *, language: str) -> str:
    """A validator reason (or kind of problem) in `language`; an unknown one as it is."""
    if checked(language) != CHINESE:
        return text
    for pattern, chinese in _COMPILED:
        match = pattern.fullmatch(text)
        if match:
            parts = match.groupdict()
            lead = parts.pop("lead")
            said = chinese.format(**{k: v or "" for k, v in parts.items()})
            return f"{lead.rstrip()} {said}" if lead else said
    return text


def reading(dialect: dict[str, Any], *, language: str) -> str:
    """How a file is written (a Dialect's fields), e.g. 'encoding gb18030, separator ';' …'."""
    if dialect.get("encoding") == "xlsx":
        return say(READING["XLSX"], language).format(row=dialect.get("header_row", 1))
    separator = dialect.get("separator", ",")
    shown = say(READING["TAB"], language) if separator == "\t" else f"'{separator}'"
    ending = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}.get(dialect.get("line_ending", "\n"), "LF")
    return say(READING["TEXT"], language).format(encoding=dialect.get("encoding"), separator=shown,
                                                 quote=dialect.get("quote", '"'),
                                                 row=dialect.get("header_row", 1), ending=ending)


def table_name(table: str | None, *, language: str) -> str:
    if table is None:
        return say(REPORT["NOT_MAPPED"], language)
    pair = TABLES.get(table)
    return say(pair, language) if pair else table


def _counts(words: str, counts: dict[str, int], language: str) -> str:
    return words + say(REPORT["LIST"], language).join(f"{k} {v:,}" for k, v in counts.items())


def quality_lines(report: dict[str, Any], *, language: str) -> list[str]:
    """The data-quality report (`QualityReport.as_json()`) as a few lines per file: every file
    and column shows, however many problems the first one has."""
    w = {key: say(pair, language) for key, pair in REPORT.items()}
    out = [w["TITLE"].format(date=report.get("data_date") or w["UNKNOWN_DATE"],
                             duplicates=f"{report.get('duplicates', 0):,}",
                             after=f"{report.get('after_data_date', 0):,}")]
    currency = report.get("currency")
    if currency:
        out.append(w["CURRENCY"].format(code=currency["from"], rate=f"{currency['rate']:g}"))
    for f in report.get("files", ()):
        dialect = f.get("reading")
        out.append(w["FILE"].format(file=f["file"], table=table_name(f["table"], language=language),
                                    read=f"{f['rows_read']:,}", accepted=f"{f['rows_accepted']:,}",
                                    rejected=f"{f['rows_rejected']:,}",
                                    dialect=reading(dialect, language=language) if dialect else f["dialect"]))
        for key, counts in (("CLEANED", f["values_cleaned"]), ("TRANSLATED", f["codes_translated"]),
                            ("CONVERTED", f.get("amounts_converted", {})), ("EMPTY", f["missing_values"])):
            shown = {k: v for k, v in counts.items() if v}
            if shown:
                out.append(_counts(w[key], shown, language))
        if f["not_provided"]:
            out.append(w["NOT_PROVIDED"] + w["LIST"].join(f["not_provided"]))
        for p in f["problems"]:
            where = w["COLUMN"].format(column=p["column"]) if p["column"] else w["WHOLE_ROWS"]
            out.append(w["PROBLEM"].format(where=where, rows=f"{p['rows']:,}",
                                           kind=reason(p["kind"], language=language)))
            for example in p["examples"]:
                row = w["ROW"].format(row=example["row"]) if example["row"] else ""
                out.append(f"    {row}{reason(example['reason'], language=language)}")
    return out
