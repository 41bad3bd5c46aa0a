"""The demo bank's product catalogue and who tends to hold what.

Products are modelled on what a Chinese retail branch sells (活期, 定期, 大额存单, 理财 R1–R5,
基金, 保险, 信用卡, 房贷, 消费贷, 经营贷). The holding propensities per archetype give the
holdings real co-occurrence structure, which the recommendation issue mines; they are not read
back anywhere else.
"""

from __future__ import annotations

import pandas as pd

from relmgr.domain.codes import ProductFamily as F

# product_id, name_zh, name_en, family, risk, term_days, min_amount, min_age, max_age, repeatable
PRODUCTS = (
    ("CUR01", "活期储蓄", "Current savings", F.CURRENT, "R1", None, 0, 16, None, 0),
    ("TD3M", "整存整取三个月", "3-month time deposit", F.TIME_DEPOSIT, "R1", 91, 50, 16, None, 1),
    ("TD1Y", "整存整取一年", "1-year time deposit", F.TIME_DEPOSIT, "R1", 365, 50, 16, None, 1),
    ("TD3Y", "整存整取三年", "3-year time deposit", F.TIME_DEPOSIT, "R1", 1095, 50, 16, None, 1),
    ("LCD3Y", "大额存单三年期", "3-year large CD", F.LARGE_CD, "R1", 1095, 200_000, 18, None, 1),
    ("WM-CASH", "天天利现金管理理财", "Cash management wealth", F.WEALTH, "R1", None, 1, 18, None, 0),
    ("WM-FI", "稳享固收理财", "Fixed-income wealth", F.WEALTH, "R2", 180, 10_000, 18, None, 1),
    ("WM-FIP", "固收+增强理财", "Fixed-income-plus wealth", F.WEALTH, "R3", 365, 10_000, 18, None, 1),
    ("WM-MIX", "稳进混合理财", "Balanced wealth", F.WEALTH, "R4", 365, 50_000, 18, None, 1),
    ("PB-EQ", "私行权益精选", "Private-bank equity mandate", F.WEALTH, "R5", 730, 1_000_000, 18, None, 1),
    ("FD-MMF", "货币基金", "Money-market fund", F.FUND, "R1", None, 1, 18, None, 0),
    ("FD-BOND", "纯债基金", "Bond fund", F.FUND, "R2", None, 1_000, 18, None, 0),
    ("FD-MIX", "偏股混合基金", "Equity-hybrid fund", F.FUND, "R3", None, 1_000, 18, None, 0),
    ("FD-IDX", "沪深300指数基金", "CSI 300 index fund", F.FUND, "R4", None, 1_000, 18, None, 0),
    ("FD-EQ", "行业主题股票基金", "Sector equity fund", F.FUND, "R5", None, 1_000, 18, None, 0),
    ("INS-ANN", "年金保险", "Annuity insurance", F.INSURANCE, "R2", None, 10_000, 18, 65, 0),
    ("INS-CI", "重大疾病保险", "Critical-illness insurance", F.INSURANCE, "R1", None, 3_000, 18, 55, 0),
    ("INS-WL", "增额终身寿险", "Increasing whole-life insurance", F.INSURANCE, "R2", None, 20_000, 18, 70, 0),
    ("CC-STD", "信用卡标准卡", "Standard credit card", F.CREDIT_CARD, "R1", None, 0, 18, None, 0),
    ("CC-PLT", "白金信用卡", "Platinum credit card", F.CREDIT_CARD, "R1", None, 0, 22, None, 0),
    ("LN-MTG", "个人住房贷款", "Mortgage", F.MORTGAGE, "R1", None, 0, 18, 60, 0),
    ("LN-CON", "个人消费贷款", "Consumer loan", F.CONSUMER_LOAN, "R1", None, 0, 18, 60, 0),
    ("LN-BIZ", "个人经营贷款", "Business loan", F.BUSINESS_LOAN, "R1", None, 0, 22, 65, 0),
)
PRODUCT_IDS = tuple(p[0] for p in PRODUCTS)
FAMILY = {p[0]: F(p[3]) for p in PRODUCTS}
RISK = {p[0]: int(p[4][1]) for p in PRODUCTS}
TERM_DAYS = {p[0]: p[5] for p in PRODUCTS}
MIN_AMOUNT = {p[0]: p[6] for p in PRODUCTS}
AGE_RANGE = {p[0]: (p[7], p[8] if p[8] is not None else 200) for p in PRODUCTS}

ARCHETYPES = ("YOUNG_PRO", "FAMILY", "BUSINESS_OWNER", "RETIREE", "HNW", "MASS")
ARCHETYPE_WEIGHTS = (0.22, 0.26, 0.09, 0.18, 0.05, 0.20)

# Probability that a customer of each archetype holds each product (besides CUR01, which all do).
# Rows follow ARCHETYPES.
_P = {
    #          YOUNG  FAMILY BIZ   RETIRE HNW   MASS
    "TD3M":    (0.08, 0.10, 0.10, 0.15, 0.05, 0.10),
    "TD1Y":    (0.10, 0.25, 0.15, 0.45, 0.20, 0.15),
    "TD3Y":    (0.03, 0.15, 0.10, 0.40, 0.15, 0.06),
    "LCD3Y":   (0.01, 0.08, 0.25, 0.30, 0.55, 0.01),
    "WM-CASH": (0.35, 0.30, 0.35, 0.15, 0.40, 0.15),
    "WM-FI":   (0.10, 0.25, 0.30, 0.35, 0.55, 0.05),
    "WM-FIP":  (0.08, 0.12, 0.20, 0.06, 0.45, 0.02),
    "WM-MIX":  (0.03, 0.05, 0.12, 0.02, 0.35, 0.01),
    "PB-EQ":   (0.00, 0.00, 0.02, 0.00, 0.25, 0.00),
    "FD-MMF":  (0.45, 0.30, 0.25, 0.10, 0.30, 0.20),
    "FD-BOND": (0.10, 0.12, 0.12, 0.10, 0.35, 0.03),
    "FD-MIX":  (0.15, 0.10, 0.10, 0.03, 0.30, 0.03),
    "FD-IDX":  (0.25, 0.08, 0.08, 0.01, 0.25, 0.04),
    "FD-EQ":   (0.08, 0.03, 0.05, 0.00, 0.15, 0.01),
    "INS-ANN": (0.02, 0.15, 0.10, 0.08, 0.35, 0.02),
    "INS-CI":  (0.08, 0.30, 0.10, 0.01, 0.25, 0.04),
    "INS-WL":  (0.01, 0.08, 0.08, 0.05, 0.30, 0.01),
    "CC-STD":  (0.55, 0.45, 0.25, 0.08, 0.10, 0.35),
    "CC-PLT":  (0.10, 0.20, 0.45, 0.05, 0.70, 0.02),
    "LN-MTG":  (0.10, 0.55, 0.25, 0.01, 0.15, 0.08),
    "LN-CON":  (0.20, 0.12, 0.05, 0.00, 0.02, 0.10),
    "LN-BIZ":  (0.00, 0.02, 0.60, 0.00, 0.10, 0.01),
}
HOLDING_PROPENSITY = {pid: dict(zip(ARCHETYPES, probs, strict=True)) for pid, probs in _P.items()}


def products_frame() -> pd.DataFrame:
    columns = ["product_id", "name_zh", "name_en", "family", "risk_level", "term_days",
               "min_amount", "min_age", "max_age", "repeatable"]
    frame = pd.DataFrame([tuple(str(v) if isinstance(v, F) else v for v in p) for p in PRODUCTS],
                         columns=columns)
    frame["term_days"] = frame["term_days"].astype("Int64")
    frame["max_age"] = frame["max_age"].astype("Int64")
    frame["min_amount"] = frame["min_amount"].astype(float)
    return frame
