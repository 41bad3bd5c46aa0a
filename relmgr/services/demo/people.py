"""Synthetic people for the demo portfolio: Chinese names, valid resident ID numbers, mobiles.

Everything is drawn from a numpy Generator so a seed reproduces the same people. The ID numbers
follow GB 11643-1999 (6-digit region code, birth date, 3-digit sequence whose parity is the
gender, check character), so validation and masking are exercised on realistic values.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from relmgr.domain.pii import id_check_char

# The most common surnames, roughly by frequency (the first few cover a third of China).
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
             "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
             "顾毛郝龚邵万钱严覃武戴莫孔向汤")
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛")
_MALE_CHARS = "伟强磊军洋勇杰涛明超斌鹏辉刚健峰建国华平志宇浩俊文博凯晨子轩宏林海成东亮飞毅振波家龙云天思正德嘉"
_FEMALE_CHARS = "芳娜敏静丽艳娟霞秀玲桂英红燕萍婷雪琳慧莉倩颖欣怡佳梅兰晶洁丹月璐瑶婧雯思雨涵梦晓悦蕾"

# (region code, city): real county-level codes; the demo branch is in Hangzhou, so most
# customers live there and about half were born there.
REGIONS = (
    ("330106", "杭州"), ("330105", "杭州"), ("330110", "杭州"), ("110105", "北京"),
    ("310115", "上海"), ("440305", "深圳"), ("320106", "南京"), ("510107", "成都"),
    ("420106", "武汉"), ("610113", "西安"), ("370102", "济南"), ("350203", "厦门"),
)
_REGION_WEIGHTS = np.array([0.22, 0.16, 0.12, 0.07, 0.07, 0.06, 0.06, 0.05, 0.05, 0.05, 0.05, 0.04])
BRANCH_CITY = "杭州"

# Mainland mobile prefixes of the three carriers.
_PHONE_PREFIXES = ("138", "139", "137", "136", "135", "150", "151", "152", "158", "159", "182",
                   "183", "187", "188", "130", "131", "132", "155", "156", "185", "186", "133",
                   "153", "180", "189", "177", "199", "191")


def _surname_weights() -> np.ndarray:
    ranks = np.arange(1, len(_SURNAMES) + 1)
    weights = 1.0 / ranks ** 0.9        # Zipf-like: 王 and 李 far ahead of 汤
    return weights / weights.sum()


def draw_names(rng: np.random.Generator, male: np.ndarray) -> list[str]:
    """One full name per person: surname + one or two given-name characters by gender."""
    n = len(male)
    surnames = np.array(list(_SURNAMES))[rng.choice(len(_SURNAMES), n, p=_surname_weights())]
    compound = rng.random(n) < 0.004
    surnames = np.where(compound, np.array(_COMPOUND_SURNAMES)[rng.integers(0, 4, n)], surnames)
    male_pool, female_pool = np.array(list(_MALE_CHARS)), np.array(list(_FEMALE_CHARS))
    first = np.where(male, male_pool[rng.integers(0, len(male_pool), n)],
                     female_pool[rng.integers(0, len(female_pool), n)])
    second = np.where(male, male_pool[rng.integers(0, len(male_pool), n)],
                      female_pool[rng.integers(0, len(female_pool), n)])
    single = rng.random(n) < 0.3
    return [s + f + ("" if one else t) for s, f, t, one in zip(surnames, first, second, single)]


def draw_id_numbers(rng: np.random.Generator, birth_dates: list[dt.date],
                    male: np.ndarray) -> tuple[list[str], list[str]]:
    """Unique 18-digit ID numbers and the city each person lives in."""
    n = len(birth_dates)
    region_idx = rng.choice(len(REGIONS), n, p=_REGION_WEIGHTS / _REGION_WEIGHTS.sum())
    # The sequence's last digit is odd for men and even for women.
    sequence = rng.integers(0, 500, n) * 2 + np.where(male, 1, 0)
    seen: set[str] = set()
    numbers = []
    for i in range(n):
        seq = int(sequence[i])
        while True:
            first17 = f"{REGIONS[region_idx[i]][0]}{birth_dates[i]:%Y%m%d}{seq % 1000:03d}"
            if first17 not in seen:
                break
            seq += 2                      # keep the gender parity on a collision
        seen.add(first17)
        numbers.append(first17 + id_check_char(first17))
    lives_locally = rng.random(n) < 0.85
    cities = [BRANCH_CITY if local else REGIONS[r][1] for local, r in zip(lives_locally, region_idx)]
    return numbers, cities


def draw_phones(rng: np.random.Generator, n: int) -> list[str]:
    prefixes = np.array(_PHONE_PREFIXES)[rng.integers(0, len(_PHONE_PREFIXES), n)]
    tails = rng.integers(0, 100_000_000, n)
    return [f"{p}{t:08d}" for p, t in zip(prefixes, tails)]
