"""The frozen application: `bash installer/build.sh` builds it from this checkout, and the bundle
runs its own self-test, starts to the unlock dialog quickly, keeps its command line, and stays lean.

Prints (to the terminal, past pytest's capture) the build time, the bundle's size and its 15
largest contributors, the frozen self-test's time and the median start-up time to the unlock
dialog. One build is shared by the module; building takes ~2 minutes and the self-test ~2 more.
"""

from __future__ import annotations

import faulthandler
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
# Issue 20's target is 300 MiB (it was 425 before). The largest remaining parts (Qt's ICU data,
# trimmed to what Qt reads, 16 MiB; numpy's and scipy's OpenBLAS 24 MiB each; cryptography's Rust
# core 11 MiB) are libraries the app loads.
MAX_BUNDLE_MIB = 300
UNLOCK_TARGET_S = 3.0         # issue 20: frozen start to the unlock dialog
UNLOCK_CEILING_S = 10.0       # what fails the test: a shared CI host is noisy, a regression is not
START_RUNS = 5


@pytest.fixture(autouse=True)
def _watchdog_for_a_build() -> None:
    """pyproject's faulthandler_timeout (300 s per test) is for hangs; building the bundle and
    its self-test legitimately take longer on a loaded host. Each step below has its own
    subprocess timeout; this re-arms the watchdog (same exit-on-timeout) to cover them."""
    faulthandler.dump_traceback_later(1500, exit=True, file=sys.__stderr__)


def _report(capsys: pytest.CaptureFixture[str], *lines: str) -> None:
    with capsys.disabled():
        print()
        for line in lines:
            print(f"[bundle] {line}")


def _frozen_env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RELMGR_PASSWORD", "PYTHONPATH")}
    env.update(QT_QPA_PLATFORM="offscreen", RELMGR_HOME=str(tmp))
    return env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYTHON": sys.executable, "DIST": str(out / "dist"), "WORK": str(out / "build")}
    started = time.perf_counter()
    result = subprocess.run(["bash", "installer/build.sh"], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=1200)
    build_s = time.perf_counter() - started
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    folder = out / "dist" / "relmgr"
    return {"folder": folder, "build_s": build_s, "home": tmp_path_factory.mktemp("home")}


def _sizes(folder: Path) -> tuple[int, list[tuple[int, str]], list[tuple[int, str]]]:
    """Total bytes (links not followed), bytes per package (a top-level entry of _internal;
    PySide6's Qt split into lib/plugins/translations), and the largest files."""
    total, parts, files = 0, {}, []
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        rel = path.relative_to(folder).parts
        depth = 4 if rel[:3] == ("_internal", "PySide6", "Qt") else 2
        key = "/".join(rel[:depth])
        parts[key] = parts.get(key, 0) + size
        files.append((size, "/".join(rel)))
    return total, sorted(((size, name) for name, size in parts.items()), reverse=True), \
        sorted(files, reverse=True)


def test_bundle_is_lean(bundle: dict, capsys: pytest.CaptureFixture[str]) -> None:
    total, parts, files = _sizes(bundle["folder"])
    mib = total / 2**20
    _report(capsys, f"built in {bundle['build_s']:.0f} s",
            f"size {mib:.1f} MiB (limit {MAX_BUNDLE_MIB} MiB); the 15 largest parts:",
            *(f"  {size / 2**20:7.1f} MiB  {name}" for size, name in parts[:15]),
            "the 5 largest files:", *(f"  {size / 2**20:7.1f} MiB  {name}" for size, name in files[:5]))
    assert mib <= MAX_BUNDLE_MIB, f"the bundle is {mib:.1f} MiB, over {MAX_BUNDLE_MIB} MiB"
    internal = bundle["folder"] / "_internal"
    files = [p.relative_to(internal).as_posix() for p in internal.rglob("*") if p.is_file()]
    unused = [f for f in files if re.search(r"QtWebEngine|libQt6(Quick|Qml|Pdf|3D|Multimedia)|"
                                            r"/tests/|sklearn/datasets/data/", f)]
    assert not unused, f"unused parts were bundled: {unused[:5]}"


# What Qt asks ICU for (installer/icu_data.py): collation, time-zone names, code pages, case mapping.
_QT_ICU_PROBE = """
import functools
from PySide6.QtCore import QCollator, QLocale, QStringConverter, QStringDecoder, QTimeZone
words = ["张三", "李四", "王五", "阿", "赵", "Zhang", "li"]
for name in ("zh_CN", "en_US"):
    print(sorted(words, key=functools.cmp_to_key(QCollator(QLocale(name)).compare)))
print(QLocale("tr_TR").toUpper("istanbul"), QLocale("en_US").toUpper("straße"))
zone = QTimeZone(b"Asia/Shanghai")
for name in ("zh_CN", "en_US"):
    print(zone.displayName(QTimeZone.StandardTime, QTimeZone.LongName, QLocale(name)))
print([QStringDecoder(code).isValid() for code in ("GBK", "GB18030", "Big5", "Shift_JIS")])
print(len(QStringConverter.availableCodecs()))
import sys
print([line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line][:1], file=sys.stderr)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the ICU data is trimmed on Linux")
def test_trimmed_icu_data_gives_qt_the_same_answers(bundle: dict) -> None:
    sys.path.insert(0, str(REPO / "installer"))
    import icu_data

    library, = (bundle["folder"] / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so.*")
    names = {name.split("/", 1)[1] for name, _data in icu_data.items(icu_data.data_blob(library)[1])}
    assert {"coll/zh.res", "coll/root.res", "coll/ucadata.icu", "zone/zh.res", "zoneinfo64.res",
            "cnvalias.icu", "zh.res", "en.res"} <= names
    assert not [name for name in names if name.startswith(("brkitr/", "unit/", "translit/"))]
    # The source tree's PySide6 with its own ICU data, then with the bundle's in its place.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    own = subprocess.run([sys.executable, "-c", _QT_ICU_PROBE], capture_output=True, text=True,
                         env=env, timeout=120)
    trimmed = subprocess.run([sys.executable, "-c", _QT_ICU_PROBE], capture_output=True, text=True,
                             env={**env, "LD_PRELOAD": str(library)}, timeout=120)
    assert own.returncode == 0 and trimmed.returncode == 0, own.stderr + trimmed.stderr
    assert "中国标准时间" in own.stdout and str(library) in trimmed.stderr
    assert trimmed.stdout == own.stdout


def test_bundle_has_its_resources(bundle: dict) -> None:
    resources = bundle["folder"] / "_internal" / "resources"
    assert (resources / "style.qss").stat().st_size > 0
    assert (resources / "i18n" / "relmgr_zh_CN.qm").stat().st_size > 10_000
    assert {p.name for p in (resources / "icons").iterdir()} >= {"relmgr.ico", "relmgr-256.png"}
    assert {p.name for p in (resources / "fonts").iterdir()} >= {
        "relmgr-cjk-regular.otf", "relmgr-cjk-bold.otf", "OFL.txt"}
    qt_translations = bundle["folder"] / "_internal" / "PySide6" / "Qt" / "translations"
    assert (qt_translations / "qtbase_zh_CN.qm").exists()   # Qt's own buttons in Chinese
    assert (bundle["folder"] / "relmgr-cli").exists()


def test_frozen_self_test_passes(bundle: dict, capsys: pytest.CaptureFixture[str]) -> None:
    started = time.perf_counter()
    result = subprocess.run([str(bundle["folder"] / "relmgr"), "--self-test"], capture_output=True,
                            text=True, env=_frozen_env(bundle["home"]), stdin=subprocess.DEVNULL,
                            timeout=900)
    elapsed = time.perf_counter() - started
    failed = [line for line in result.stdout.splitlines() if not line.startswith("ok")]
    _report(capsys, f"frozen self-test: exit {result.returncode} in {elapsed:.0f} s, "
                    f"{result.stdout.count(chr(10) + 'ok')} checks ok")
    assert result.returncode == 0, "\n".join(failed[-20:]) + result.stderr[-3000:]
    assert "self-test passed" in result.stdout


def test_frozen_start_to_unlock_dialog(bundle: dict, capsys: pytest.CaptureFixture[str]) -> None:
    times = []
    for _ in range(START_RUNS):
        result = subprocess.run([str(bundle["folder"] / "relmgr"), "--time-to-unlock"],
                                capture_output=True, text=True, env=_frozen_env(bundle["home"]),
                                stdin=subprocess.DEVNULL, timeout=120)
        assert result.returncode == 0, result.stderr[-2000:]
        shown = re.search(r"unlock dialog shown after ([\d.]+) s", result.stdout)
        assert shown, result.stdout + result.stderr[-2000:]
        times.append(float(shown.group(1)))
    median = statistics.median(times)
    _report(capsys, f"frozen start to the unlock dialog: median {median:.2f} s of {START_RUNS} "
                    f"({', '.join(f'{t:.2f}' for t in times)}; target {UNLOCK_TARGET_S:.0f} s)")
    assert median <= UNLOCK_CEILING_S


def test_frozen_command_line(bundle: dict, tmp_path: Path) -> None:
    cli = bundle["folder"] / "relmgr-cli"
    env = {**_frozen_env(bundle["home"]), "RELMGR_PASSWORD": "bundle-pass-1"}
    portfolio = tmp_path / "demo.rmdb"
    demo = subprocess.run([str(cli), "demo", "--out", str(portfolio), "--customers", "40",
                           "--as-of", "2026-06-30"], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=300)
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert f"created {portfolio}" in demo.stdout
    stats = subprocess.run([str(cli), "stats", str(portfolio), "--json"], capture_output=True,
                           text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
    assert stats.returncode == 0, stats.stderr[-2000:]
    counts = json.loads(stats.stdout)
    assert counts["customers"] == 40 and counts["transactions"] > 0
    assert counts["as_of"] == "2026-06-30"
    wrong = subprocess.run([str(cli), "stats", str(portfolio)], capture_output=True, text=True,
                           env={**env, "RELMGR_PASSWORD": "not-it"}, stdin=subprocess.DEVNULL,
                           timeout=120)
    assert wrong.returncode == 3 and "wrong password" in wrong.stderr
    assert wrong.stderr.strip().count("\n") == 0     # one line, no traceback
