"""The lock files (requirements.lock, requirements-dev.lock) agree with pyproject.toml: every
dependency pyproject names is pinned exactly, at a version pyproject allows. Refresh them with
`bash installer/lock.sh` after changing a dependency in pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[1]
APP_LOCK = REPO / "requirements.lock"
DEV_LOCK = REPO / "requirements-dev.lock"
# name==version, optionally followed by an environment marker; nothing else is a pin.
_PIN = re.compile(r"^(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)==(?P<version>[^\s;=<>!~]+)"
                  r"(?:\s*;\s*(?P<marker>.+))?$")


def parse_lock(text: str) -> dict[str, Version]:
    """{canonical name: pinned version} of a lock file's text; ValueError for any requirement
    line that is not an exact `name==version` pin (ranges, URLs, -e, options, extras)."""
    pins: dict[str, Version] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        match = _PIN.match(line)
        if match is None:
            raise ValueError(f"line {number} is not an exact name==version pin: {raw!r}")
        name = canonicalize_name(match["name"])
        if name in pins:
            raise ValueError(f"line {number} pins {name} a second time")
        pins[name] = Version(match["version"])
    return pins


def project_requirements() -> tuple[list[Requirement], list[Requirement]]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [Requirement(r) for r in project["dependencies"]]
    dev = [Requirement(r) for r in project["optional-dependencies"]["dev"]]
    return runtime, dev


def mismatches(requirements: list[Requirement], pins: dict[str, Version]) -> list[str]:
    """What is wrong between pyproject's requirements and a lock's pins, in words."""
    problems = []
    for requirement in requirements:
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        pinned = pins.get(canonicalize_name(requirement.name))
        if pinned is None:
            problems.append(f"{requirement.name} is not pinned")
        elif not requirement.specifier.contains(pinned, prereleases=True):
            problems.append(f"{requirement.name}=={pinned} is outside pyproject's {requirement.specifier}")
    return problems


@pytest.fixture(scope="module")
def app_pins() -> dict[str, Version]:
    return parse_lock(APP_LOCK.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dev_pins() -> dict[str, Version]:
    return parse_lock(DEV_LOCK.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lock", [APP_LOCK, DEV_LOCK], ids=lambda p: p.name)
def test_every_line_of_both_locks_is_an_exact_pin(lock: Path) -> None:
    assert parse_lock(lock.read_text(encoding="utf-8"))   # ValueError names the first bad line


def test_app_lock_pins_every_runtime_dependency_within_pyproject(app_pins: dict[str, Version]) -> None:
    runtime, _ = project_requirements()
    assert mismatches(runtime, app_pins) == [], "requirements.lock is stale: run bash installer/lock.sh"


def test_dev_lock_pins_every_dependency_and_the_dev_extra_within_pyproject(
        dev_pins: dict[str, Version]) -> None:
    runtime, dev = project_requirements()
    assert mismatches(runtime + dev, dev_pins) == [], "requirements-dev.lock is stale: run bash installer/lock.sh"


def test_dev_lock_has_the_app_lock_versions(app_pins: dict[str, Version],
                                            dev_pins: dict[str, Version]) -> None:
    # The app and CI run the same versions of every package they share.
    differ = {name: (str(v), str(dev_pins.get(name))) for name, v in app_pins.items() if dev_pins.get(name) != v}
    assert differ == {}


def test_app_lock_leaves_the_dev_tools_out(app_pins: dict[str, Version]) -> None:
    _, dev = project_requirements()
    assert sorted(canonicalize_name(r.name) for r in dev if canonicalize_name(r.name) in app_pins) == []


@pytest.mark.parametrize("text, problem", [
    ("pandas>=3.0\n", "not an exact"),
    ("pandas==3.1.1\npandas==3.1.1\n", "second time"),
    ("-e .\n", "not an exact"),
    ("--index-url https://example.invalid/simple\n", "not an exact"),
    ("numpy==2.*\n", None),   # a wildcard is no version: Version() refuses it
])
def test_parse_lock_refuses_anything_but_exact_pins(text: str, problem: str | None) -> None:
    with pytest.raises(Exception) as raised:
        parse_lock(text)
    if problem is not None:
        assert problem in str(raised.value)


def test_mismatches_names_an_unpinned_or_out_of_range_dependency() -> None:
    pins = parse_lock("pandas==2.1.0\n# via relmgr\nnumpy==2.4.6 ; python_version >= '3.11'\n")
    requirements = [Requirement("pandas>=3.0"), Requirement("numpy>=1.26"), Requirement("openpyxl>=3.1")]
    assert mismatches(requirements, pins) == ["pandas==2.1.0 is outside pyproject's >=3.0",
                                              "openpyxl is not pinned"]
