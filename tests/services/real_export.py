"""A small export shaped like a Chinese core-banking one, generated from the synthetic demo
frames (no real customer data): semicolon-separated, every cell quoted, GB18030, Chinese
headers, `YYMMDD` dates (birth dates `YYYYMMDD`), amounts as `¥1,234.56` without sign and a
借/贷 column that gives it, the bank's own Chinese codes, and no name, ID number, phone or
channel; no contact log, no monthly balances, no campaigns; data years in the past."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from relmgr.services.demo import generate_demo_frames

AS_OF = dt.date(2021, 3, 31)
RISK = {"C1": "保守型", "C2": "稳健型", "C3": "平衡型", "C4": "成长型", "C5": "激进型"}
LEVEL = {"R1": "低", "R2": "中低", "R3": "中", "R4": "中高", "R5": "高"}
FAMILY = {"CURRENT": "活期", "TIME_DEPOSIT": "定期", "LARGE_CD": "大额存单", "WEALTH": "理财",
          "FUND": "基金", "INSURANCE": "保险", "CREDIT_CARD": "信用卡", "MORTGAGE": "房贷",
          "CONSUMER_LOAN": "消费贷", "BUSINESS_LOAN": "经营贷"}
STATUS = {"ACTIVE": "正常", "DORMANT": "久悬", "CLOSED": "销户"}
KIND = {"SALARY": "代发工资", "PENSION": "养老金", "DEPOSIT": "存现", "TRANSFER_IN": "转账转入",
        "TRANSFER_OUT": "转账转出", "WITHDRAWAL": "取现", "CARD_SPEND": "消费", "BILL_PAY": "缴费",
        "PURCHASE": "申购", "REDEMPTION": "赎回", "MATURITY": "到期兑付", "INTEREST": "结息",
        "FEE": "手续费", "LOAN_REPAYMENT": "贷款还款", "LOAN_DRAWDOWN": "贷款发放"}


def _yymmdd(values: pd.Series) -> pd.Series:
    text = values.fillna("").astype(str)
    return text.str.slice(2, 4) + text.str.slice(5, 7) + text.str.slice(8, 10)


def _money(values: pd.Series) -> pd.Series:
    return pd.Series(["¥{:,.2f}".format(abs(v)) for v in values], index=values.index)


def _write(path: Path, frame: pd.DataFrame) -> None:
    with path.open("w", encoding="gb18030", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(frame.columns)
        text = frame.astype(object).where(frame.notna(), "").astype(str)
        writer.writerows(text.itertuples(index=False))


def frames(customers: int = 40, seed: int = 14) -> dict[str, pd.DataFrame]:
    return generate_demo_frames(customers=customers, seed=seed, as_of=AS_OF)


def write_real_export(folder: Path, *, customers: int = 40, seed: int = 14) -> Path:
    """Four files in `folder`: 客户信息.csv, 产品信息.csv, 账户信息.csv, 交易流水.txt."""
    demo = frames(customers, seed)
    folder.mkdir(parents=True, exist_ok=True)
    c = demo["customers"]
    _write(folder / "客户信息.csv", pd.DataFrame({
        "客户号": c.customer_id, "性别": c.gender.map({"M": "男", "F": "女"}),
        "出生日期": c.birth_date.str.replace("-", ""), "城市": c.city, "职业": c.occupation,
        "风险等级": c.risk_rating.map(RISK), "开户日期": _yymmdd(c.opened_on),
        "销户日期": _yymmdd(c.closed_on)}))
    p = demo["products"]
    _write(folder / "产品信息.csv", pd.DataFrame({
        "产品代码": p.product_id, "产品名称": p.name_zh, "英文名称": p.name_en,
        "产品类别": p.family.map(FAMILY), "产品风险等级": p.risk_level.map(LEVEL),
        "期限天数": p.term_days, "起购金额": p.min_amount.map("{:,.2f}".format)}))
    h = demo["holdings"]
    _write(folder / "账户信息.csv", pd.DataFrame({
        "账号": h.holding_id, "客户号": h.customer_id, "产品代码": h.product_id,
        "开户日期": _yymmdd(h.opened_on), "到期日": _yymmdd(h.maturity_on),
        "销户日期": _yymmdd(h.closed_on), "余额": h.balance.map("{:,.2f}".format),
        "账户状态": h.status.map(STATUS)}))
    t = demo["transactions"]
    _write(folder / "交易流水.txt", pd.DataFrame({
        "交易流水号": t.txn_id, "客户号": t.customer_id, "账号": t.holding_id,
        "交易日期": _yymmdd(t.txn_date), "交易金额": _money(t.amount),
        "借贷标志": np.where(t.amount >= 0, "贷", "借"), "交易类型": t.kind.map(KIND)}))
    return folder
