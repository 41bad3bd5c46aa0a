"""Auto-suggested mappings: relmgr fields from header names in both languages, code maps from
the common values of Chinese core-banking and data-warehouse exports, formats from the data.

A header matches a field when, normalised (NFKC, lower case, no blanks, '_' or '-'), it equals
one of the field's names below. `suggest` assigns each file to the table whose required fields
it matches best and reports, per file, the required fields that matched nothing or more than one
column: `--mapping auto` proceeds only when that list is empty.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from relmgr.services.importer.spec import BY_TABLE, TABLES, Kind
from relmgr.services.mapping.model import MAY_BE_NOT_PROVIDED, Mapping, SignRule, TableMapping
from relmgr.services.mapping.sniff import RawFile
from relmgr.services.mapping.values import guess_date_format, normalise

# (table, field) -> names seen in exports. The field's own name always matches too.
HEADER_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("customers", "customer_id"): ("客户号", "客户编号", "客户代码", "客户id", "custid", "customerid",
                                   "custno", "cust_no", "clientid"),
    ("customers", "name"): ("客户名称", "客户姓名", "姓名", "户名", "custname", "customername"),
    ("customers", "id_number"): ("证件号码", "身份证号", "身份证号码", "证件号", "idno", "idnumber", "certno"),
    ("customers", "phone"): ("手机号", "手机号码", "联系电话", "移动电话", "mobile", "phone", "mobileno"),
    ("customers", "gender"): ("性别", "sex", "gender"),
    ("customers", "birth_date"): ("出生日期", "生日", "birthdate", "dob", "birthday"),
    ("customers", "city"): ("城市", "所在城市", "city"),
    ("customers", "occupation"): ("职业", "occupation", "job"),
    ("customers", "risk_rating"): ("风险等级", "风险评级", "客户风险等级", "风险承受能力", "风评等级",
                                   "riskrating", "risklevel", "risk"),
    ("customers", "risk_assessed_on"): ("风险评估日期", "风评日期", "评估日期", "riskdate"),
    ("customers", "preferred_channel"): ("偏好渠道", "常用渠道", "preferredchannel"),
    ("customers", "opened_on"): ("开户日期", "建立关系日期", "首次开户日期", "opendate", "opened", "opendt"),
    ("customers", "closed_on"): ("销户日期", "closedate", "closed"),
    ("products", "product_id"): ("产品代码", "产品编号", "产品号", "productcode", "prodcode", "prodid"),
    ("products", "name_zh"): ("产品名称", "产品中文名称", "中文名称", "prodname"),
    ("products", "name_en"): ("英文名称", "产品英文名称", "englishname", "nameen"),
    ("products", "family"): ("产品类别", "产品类型", "产品大类", "prodtype", "producttype", "category"),
    ("products", "risk_level"): ("产品风险等级", "风险等级", "风险级别", "prodrisk", "risklevel"),
    ("products", "term_days"): ("期限天数", "期限", "期限(天)", "termdays", "term"),
    ("products", "min_amount"): ("起购金额", "起存金额", "最低金额", "minamount"),
    ("holdings", "holding_id"): ("账号", "账户号", "账户编号", "合同号", "卡号", "acctno", "accountno",
                                 "accountid", "acct_id"),
    ("holdings", "customer_id"): ("客户号", "客户编号", "custid", "customerid", "custno"),
    ("holdings", "product_id"): ("产品代码", "产品编号", "productcode", "prodcode", "prodid"),
    ("holdings", "opened_on"): ("开户日期", "起息日", "opendate", "opened"),
    ("holdings", "maturity_on"): ("到期日", "到期日期", "maturitydate", "maturity"),
    ("holdings", "closed_on"): ("销户日期", "closedate", "closed"),
    ("holdings", "balance"): ("余额", "账户余额", "当前余额", "balance", "bal"),
    ("holdings", "status"): ("账户状态", "状态", "acctstatus", "status"),
    ("transactions", "txn_id"): ("交易流水号", "流水号", "交易序号", "txnid", "txnno", "serialno"),
    ("transactions", "customer_id"): ("客户号", "客户编号", "custid", "customerid", "custno"),
    ("transactions", "holding_id"): ("账号", "账户号", "卡号", "acctno", "accountno", "accountid"),
    ("transactions", "txn_date"): ("交易日期", "记账日期", "txndate", "transdate", "trandate"),
    ("transactions", "amount"): ("交易金额", "发生额", "金额", "amount", "amt", "txnamt", "tranamt"),
    ("transactions", "kind"): ("交易类型", "交易代码", "业务类型", "txntype", "trancode", "txncode"),
    ("transactions", "channel"): ("交易渠道", "渠道", "channel", "chnl"),
    ("monthly_balances", "customer_id"): ("客户号", "客户编号", "custid", "customerid", "custno"),
    ("monthly_balances", "month"): ("月份", "统计月份", "数据月份", "month", "yearmonth"),
    ("monthly_balances", "aum_avg"): ("月日均aum", "日均资产", "月日均资产", "aumavg", "avgaum"),
    ("monthly_balances", "aum_end"): ("月末aum", "月末资产", "aumend", "endaum"),
    ("monthly_balances", "digital_logins"): ("登录次数", "手机银行登录次数", "logins"),
    ("loans", "loan_id"): ("借据号", "贷款账号", "贷款合同号", "合同编号", "借据编号", "loanno", "loanid",
                           "contractno"),
    ("loans", "customer_id"): ("客户号", "客户编号", "custid", "customerid", "custno"),
    ("loans", "family"): ("贷款品种", "贷款类型", "贷款种类", "业务品种", "loantype", "product"),
    ("loans", "opened_on"): ("放款日期", "发放日期", "贷款发放日", "起贷日", "借款日期", "loandate",
                             "drawdowndate", "startdate"),
    ("loans", "principal"): ("贷款金额", "合同金额", "发放金额", "授信额度", "信用额度", "principal",
                             "loanamount", "limit"),
    ("loans", "outstanding"): ("贷款余额", "剩余本金", "未还本金", "欠款余额", "outstanding", "loanbalance"),
    ("loans", "rate"): ("执行利率", "年利率", "贷款利率", "利率", "rate", "interestrate"),
    ("loans", "term_months"): ("贷款期限", "期限(月)", "期限月数", "贷款期数", "termmonths", "tenor"),
    ("loans", "next_due_on"): ("下次还款日", "下期还款日", "应还款日", "nextduedate", "duedate"),
    ("loans", "amount_due"): ("应还金额", "本期应还", "月供", "最低还款额", "amountdue", "installment"),
    ("loans", "days_past_due"): ("逾期天数", "逾期天", "dpd", "dayspastdue", "overduedays"),
    ("loans", "status"): ("贷款状态", "借据状态", "loanstatus"),
    ("loans", "classification"): ("五级分类", "风险分类", "贷款分类", "五级分类结果", "classification",
                                  "loanclass"),
    ("loans", "repayment_holding_id"): ("还款账号", "扣款账号", "还款账户", "repayaccount"),
    ("loans", "closed_on"): ("结清日期", "终结日期", "销户日期", "closedate"),
    ("loan_repayments", "repayment_id"): ("还款流水号", "还款序号", "repayid", "repaymentid"),
    ("loan_repayments", "loan_id"): ("借据号", "贷款账号", "贷款合同号", "loanno", "loanid"),
    ("loan_repayments", "due_on"): ("应还日期", "应还款日", "duedate"),
    ("loan_repayments", "amount_due"): ("应还金额", "应还款额", "amountdue"),
    ("loan_repayments", "paid_on"): ("实还日期", "还款日期", "paiddate"),
    ("loan_repayments", "amount_paid"): ("实还金额", "已还金额", "amountpaid"),
    ("credit_profiles", "customer_id"): ("客户号", "客户编号", "custid", "customerid", "custno"),
    ("credit_profiles", "monthly_income"): ("月收入", "个人月收入", "月均收入", "monthlyincome", "income"),
    ("credit_profiles", "income_on"): ("收入日期", "收入核实日期", "incomedate"),
    ("credit_profiles", "credit_score"): ("信用评分", "征信评分", "信用分", "评分", "creditscore", "score"),
    ("credit_profiles", "score_source"): ("评分来源", "评分机构", "scoresource"),
    ("credit_profiles", "score_on"): ("评分日期", "征信查询日期", "scoredate"),
}
# The debit/credit indicator is no relmgr field: it signs transactions.amount.
SIGN_HEADERS = ("借贷标志", "借贷方向", "借贷标识", "收支标志", "dcflag", "drcr", "debitcredit", "dc")
SIGN_CODES = {"贷": 1, "借": -1, "C": 1, "D": -1, "CR": 1, "DR": -1, "收": 1, "支": -1,
              "收入": 1, "支出": -1, "贷方": 1, "借方": -1}
# File names hint at the table when the headers alone do not settle it.
FILE_HINTS = {"customers": ("*客户*", "*cust*", "*client*"), "products": ("*产品*", "*prod*"),
              "holdings": ("*账户*", "*持仓*", "*acct*", "*account*", "*holding*"),
              "transactions": ("*交易*", "*流水*", "*txn*", "*trans*", "*tran*"),
              "monthly_balances": ("*月度*", "*aum*", "*month*"),
              "loans": ("*贷款*", "*借据*", "*loan*"),
              "loan_repayments": ("*还款*", "*repay*"),
              "credit_profiles": ("*征信*", "*收入*", "*credit*", "*income*")}

# Common Chinese values per code field, before relmgr's own codes (which always map to themselves).
CODE_SUGGESTIONS: dict[tuple[str, str], dict[str, str]] = {
    ("customers", "gender"): {"男": "M", "女": "F", "1": "M", "2": "F", "男性": "M", "女性": "F"},
    ("customers", "risk_rating"): {
        "保守型": "C1", "谨慎型": "C1", "稳健型": "C2", "平衡型": "C3", "成长型": "C4",
        "进取型": "C5", "激进型": "C5", "1": "C1", "2": "C2", "3": "C3", "4": "C4", "5": "C5",
        "A1": "C1", "A2": "C2", "A3": "C3", "A4": "C4", "A5": "C5"},
    ("products", "risk_level"): {
        "低": "R1", "低风险": "R1", "中低": "R2", "中低风险": "R2", "中": "R3", "中风险": "R3",
        "中高": "R4", "中高风险": "R4", "高": "R5", "高风险": "R5", "PR1": "R1", "PR2": "R2",
        "PR3": "R3", "PR4": "R4", "PR5": "R5", "1": "R1", "2": "R2", "3": "R3", "4": "R4", "5": "R5"},
    ("products", "family"): {
        "活期": "CURRENT", "活期存款": "CURRENT", "定期": "TIME_DEPOSIT", "定期存款": "TIME_DEPOSIT",
        "大额存单": "LARGE_CD", "理财": "WEALTH", "理财产品": "WEALTH", "基金": "FUND",
        "保险": "INSURANCE", "信用卡": "CREDIT_CARD", "房贷": "MORTGAGE", "住房贷款": "MORTGAGE",
        "个人住房贷款": "MORTGAGE", "消费贷": "CONSUMER_LOAN", "消费贷款": "CONSUMER_LOAN",
        "经营贷": "BUSINESS_LOAN", "经营贷款": "BUSINESS_LOAN"},
    ("holdings", "status"): {
        "正常": "ACTIVE", "有效": "ACTIVE", "久悬": "DORMANT", "睡眠": "DORMANT", "不动户": "DORMANT",
        "休眠": "DORMANT", "销户": "CLOSED", "已销户": "CLOSED", "关闭": "CLOSED", "结清": "CLOSED",
        "0": "ACTIVE", "1": "DORMANT", "2": "CLOSED"},
    ("transactions", "kind"): {
        "工资": "SALARY", "代发工资": "SALARY", "养老金": "PENSION", "代发养老金": "PENSION",
        "存款": "DEPOSIT", "存现": "DEPOSIT", "现金存款": "DEPOSIT", "转入": "TRANSFER_IN",
        "转账转入": "TRANSFER_IN", "转出": "TRANSFER_OUT", "转账转出": "TRANSFER_OUT",
        "取现": "WITHDRAWAL", "取款": "WITHDRAWAL", "现金取款": "WITHDRAWAL", "消费": "CARD_SPEND",
        "刷卡消费": "CARD_SPEND", "缴费": "BILL_PAY", "代缴费": "BILL_PAY", "申购": "PURCHASE",
        "认购": "PURCHASE", "购买": "PURCHASE", "赎回": "REDEMPTION", "到期": "MATURITY",
        "到期兑付": "MATURITY", "结息": "INTEREST", "利息": "INTEREST", "手续费": "FEE",
        "还款": "LOAN_REPAYMENT", "贷款还款": "LOAN_REPAYMENT", "放款": "LOAN_DRAWDOWN",
        "贷款发放": "LOAN_DRAWDOWN"},
    ("transactions", "channel"): {
        "柜面": "BRANCH", "柜台": "BRANCH", "网点": "BRANCH", "手机银行": "MOBILE", "APP": "MOBILE",
        "网银": "ONLINE", "网上银行": "ONLINE", "自助设备": "ATM", "ATM": "ATM", "POS": "POS",
        "批量": "SYSTEM", "系统": "SYSTEM", "后台": "SYSTEM"},
}
CODE_SUGGESTIONS.update({
    ("loans", "family"): {
        "房贷": "MORTGAGE", "住房贷款": "MORTGAGE", "个人住房贷款": "MORTGAGE", "按揭": "MORTGAGE",
        "消费贷": "CONSUMER", "消费贷款": "CONSUMER", "个人消费贷款": "CONSUMER",
        "经营贷": "BUSINESS", "经营贷款": "BUSINESS", "个人经营贷款": "BUSINESS",
        "信用卡": "CREDIT_CARD", "贷记卡": "CREDIT_CARD"},
    ("loans", "status"): {
        "正常": "CURRENT", "正常还款": "CURRENT", "逾期": "IN_ARREARS", "拖欠": "IN_ARREARS",
        "重组": "RESTRUCTURED", "展期": "RESTRUCTURED", "违约": "DEFAULTED", "核销": "DEFAULTED",
        "结清": "REPAID", "已结清": "REPAID"},
    ("loans", "classification"): {
        "正常": "NORMAL", "关注": "SPECIAL_MENTION", "次级": "SUBSTANDARD", "可疑": "DOUBTFUL",
        "损失": "LOSS", "1": "NORMAL", "2": "SPECIAL_MENTION", "3": "SUBSTANDARD", "4": "DOUBTFUL",
        "5": "LOSS"},
})
CODE_SUGGESTIONS[("customers", "preferred_channel")] = CODE_SUGGESTIONS[("transactions", "channel")]


def header_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).lower()
    return re.sub(r"[\s_\-]", "", text)


def _names(table: str, field_name: str) -> set[str]:
    return {header_key(n) for n in HEADER_NAMES.get((table, field_name), ())} | {header_key(field_name)}


@dataclass
class FileSuggestion:
    file: str
    table: str | None
    mapping: TableMapping | None
    unmatched: list[str] = field(default_factory=list)     # required fields with no column
    ambiguous: list[str] = field(default_factory=list)     # fields with several candidate columns

    def problems(self) -> list[str]:
        if self.table is None:
            return [f"{self.file}: no relmgr table matches its columns"]
        out = [f"{self.file} ({self.table}): no column for required field {f}" for f in self.unmatched]
        out += [f"{self.file} ({self.table}): {a}" for a in self.ambiguous]
        return out


@dataclass
class Suggestion:
    mapping: Mapping
    files: list[FileSuggestion]

    @property
    def ignored(self) -> list[str]:
        """Files (or sheets) that look like no relmgr table, beside some that do: a notes
        sheet, a file of another system. Left out and listed."""
        if not any(f.table for f in self.files):
            return []
        return [f.file for f in self.files if f.table is None]

    def problems(self) -> list[str]:
        out = [p for f in self.files if f.file not in self.ignored for p in f.problems()]
        tables = [f.table for f in self.files if f.table]
        out += [f"more than one file looks like table {t}" for t in sorted(set(tables)) if tables.count(t) > 1]
        return out


def _match_columns(table: str, header: list[str]) -> tuple[dict[str, str], list[str]]:
    keys = [header_key(h) for h in header]
    columns: dict[str, str] = {}
    ambiguous: list[str] = []
    for col in BY_TABLE[table].columns:
        names = _names(table, col.name)
        hits = [header[i] for i, k in enumerate(keys) if k in names]
        if len(hits) == 1:
            columns[col.name] = hits[0]
        elif len(hits) > 1:
            ambiguous.append(f"field {col.name} matches several columns ({', '.join(hits)})")
    used: dict[str, list[str]] = {}
    for f, source in columns.items():
        used.setdefault(source, []).append(f)
    for source, fields in used.items():
        if len(fields) > 1:
            ambiguous.append(f"column {source} matches several fields ({', '.join(fields)})")
            for f in fields:
                columns.pop(f)
    return columns, ambiguous


def _table_for(raw: RawFile) -> str | None:
    best: tuple[float, int, str] | None = None
    for spec in TABLES:
        columns, _ = _match_columns(spec.table, raw.header)
        required = [c.name for c in spec.columns if c.required]
        # A table whose only required field is its key (credit_profiles: customer_id) is told
        # by its other fields, or every file with a customer number would look like it.
        telling = required if len(required) > 1 else list(spec.column_names)
        # Keys matter most: a file with the table's own key is that table.
        hit = sum(1 for f in telling if f in columns) + (1 if spec.key[0] in columns else 0)
        hinted = any(fnmatch.fnmatch(raw.name.lower(), p) for p in FILE_HINTS.get(spec.table, ()))
        score = (hit / (len(telling) + 1), int(hinted), spec.table)
        if hit >= 2 and (best is None or score[:2] > best[:2]):
            best = score
    return best[2] if best else None


def _codes_for(table: str, field_name: str, values: pd.Series) -> dict[str, str]:
    suggestions = CODE_SUGGESTIONS.get((table, field_name), {})
    seen = normalise(values[values.ne("")].drop_duplicates())[0]
    return {v: suggestions[v] for v in seen if v in suggestions and v != suggestions[v]}


def suggest_table(raw: RawFile, table: str) -> FileSuggestion:
    spec = BY_TABLE[table]
    columns, ambiguous = _match_columns(table, raw.header)
    width = len(raw.header)
    frame = pd.DataFrame([(r + [""] * width)[:width] for r in raw.rows[:500]], columns=range(width),
                         dtype=object).astype(str)
    frame.columns = raw.header if len(set(raw.header)) == len(raw.header) else range(len(raw.header))
    mapping = TableMapping(table, raw.name, columns)
    for f, source in columns.items():
        col = spec.column(f)
        values = frame[source] if source in frame.columns else pd.Series([], dtype=str)
        if col.kind in (Kind.DATE, Kind.TIMESTAMP, Kind.MONTH):
            form = guess_date_format(normalise(values)[0], month=col.kind is Kind.MONTH)
            if form is None and values.ne("").any():
                ambiguous.append(f"field {f}: the date format of column {source} is not clear")
            elif form not in (None, "YYYY-MM-DD", "YYYY-MM"):
                mapping.formats[f] = form
        elif col.kind is Kind.CODE:
            # Every distinct value of the whole file: a rare code late in it must be mapped too.
            index = raw.header.index(source)
            every = pd.Series(list({r[index] for r in raw.rows if len(r) > index}), dtype=object)
            codes = _codes_for(table, f, every.astype(str))
            if codes:
                mapping.codes[f] = codes
    if table == "transactions":
        keys = {header_key(h): h for h in raw.header}
        hits = [keys[k] for k in (header_key(n) for n in SIGN_HEADERS) if k in keys]
        if len(hits) == 1:
            index = raw.header.index(hits[0])
            values = normalise(pd.Series(list({r[index] for r in raw.rows if len(r) > index}),
                                         dtype=object).astype(str))[0]
            mapping.sign = SignRule(hits[0], {v: SIGN_CODES[v] for v in values if v in SIGN_CODES})
    optional_absent = [f for f in MAY_BE_NOT_PROVIDED.get(table, ()) if f not in columns]
    mapping.not_provided = [f for f in optional_absent if spec.column(f).required]
    return FileSuggestion(raw.name, table, mapping, mapping.missing_required(), ambiguous)


def suggest(raws: list[RawFile], *, name: str = "suggested") -> Suggestion:
    files: list[FileSuggestion] = []
    mapping = Mapping(name)
    for raw in raws:
        table = _table_for(raw)
        if table is None:
            files.append(FileSuggestion(raw.name, None, None))
            continue
        found = suggest_table(raw, table)
        files.append(found)
        if table not in mapping.tables and found.mapping is not None:
            mapping.tables[table] = found.mapping
    return Suggestion(mapping, files)
