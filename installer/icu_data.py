"""Linux bundle: a smaller libicudata for Qt (installer/relmgr.spec).

PySide6's libicudata.so.73 is one 31 MiB blob, ICU's whole common data package (`icudt73_dat`).
Qt calls into ICU for four things only (the ICU symbols libQt6Core imports): code-page
converters (ucnv_*: the .cnv tables and cnvalias.icu), collation (ucol_*: coll/), locale case
mapping (u_strToUpper/Lower: tables compiled into libicuuc) and time-zone names (ucal_*: zone/,
zoneinfo64.res, metaZones.res, the locale .res). It never asks ICU for break iterators and their
dictionaries, unit, currency, language or region display names, transliterators, spell-out rules,
StringPrep profiles or confusables. Those trees (about 15 MiB) are dropped from the package, and
the data library is relinked around the smaller blob; everything Qt reads stays, for every locale.
ICU's own data build (`icupkg`, a data filter file) does the same, but is not on a build host by
default; this needs only binutils' as and ld, like the spec's strip.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from pathlib import Path

# Trees (or top-level item kinds) of the package Qt never reads; a name is "icudt73l/brkitr/...".
UNUSED = re.compile(r"^[^/]+/(brkitr|unit|curr|lang|region|translit|rbnf)/|\.(spp|cfu)$")


def data_blob(library: Path) -> tuple[str, bytes]:
    """The data symbol's name and bytes: its address from readelf, mapped to a file offset by the
    library's PT_LOAD segments."""
    syms = subprocess.run(["readelf", "--dyn-syms", "-W", str(library)], capture_output=True,
                          text=True, check=True).stdout
    match = re.search(r":\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+"
                      r"(icudt\d+_dat)\s*$", syms, re.M)
    if not match:
        raise ValueError(f"{library.name}: no icudt*_dat symbol")
    address, size, name = int(match.group(1), 16), int(match.group(2), 0), match.group(3)
    raw = library.read_bytes()
    phoff, phentsize, phnum = struct.unpack_from("<Q", raw, 0x20)[0], *struct.unpack_from("<HH", raw, 0x36)
    for i in range(phnum):
        kind, _flags, offset, vaddr, _paddr, filesz = struct.unpack_from("<IIQQQQ", raw, phoff + i * phentsize)
        if kind == 1 and vaddr <= address and address + size <= vaddr + filesz:   # PT_LOAD
            start = offset + address - vaddr
            return name, raw[start:start + size]
    raise ValueError(f"{library.name}: {name} is in no loaded segment")


def items(blob: bytes) -> list[tuple[str, bytes]]:
    """The package's items (name, bytes) in table order (sorted by name: ICU searches it)."""
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD" or blob[8] != 0:   # little-endian only
        raise ValueError("not a little-endian ICU common data package")
    toc = blob[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    ends = [data for _name, data in entries[1:]] + [len(toc)]
    return [(toc[name:toc.index(b"\0", name)].decode("ascii"), toc[data:end])
            for (name, data), end in zip(entries, ends)]


def package(header: bytes, kept: list[tuple[str, bytes]]) -> bytes:
    """A common data package: the original header, the table, the names, then the items, each at
    a 16-byte boundary of the package (ICU's alignment for mapped data)."""
    def pad(n: int) -> int:
        return -n % 16

    names = b"".join(name.encode("ascii") + b"\0" for name, _data in kept)
    table_size = 4 + 8 * len(kept)
    first = table_size + len(names)
    first += pad(len(header) + first)
    offsets, body, name_at = [], bytearray(), table_size
    for name, data in kept:
        at = first + len(body)
        offsets.append((name_at, at))
        name_at += len(name) + 1
        body += data + b"\0" * pad(len(header) + at + len(data))
    table = struct.pack("<I", len(kept)) + b"".join(struct.pack("<II", *o) for o in offsets)
    gap = b"\0" * (first - table_size - len(names))
    return header + table + names + gap + bytes(body)


def trim(library: Path) -> tuple[int, int]:
    """Rewrites `library` (an ICU data library) without the unused trees; (bytes before, after)."""
    symbol, blob = data_blob(library)
    header = blob[:struct.unpack_from("<H", blob, 0)[0]]
    kept = [(name, data) for name, data in items(blob) if not UNUSED.search(name)]
    smaller = package(header, kept)
    soname = re.search(r"\(SONAME\)\s+Library soname: \[([^]]+)\]", subprocess.run(
        ["readelf", "-d", str(library)], capture_output=True, text=True, check=True).stdout).group(1)
    before = library.stat().st_size
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "data.bin").write_bytes(smaller)
        (work / "data.s").write_text(
            f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n'
            f'{symbol}:\n\t.incbin "{work / "data.bin"}"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        subprocess.run(["as", "-o", str(work / "data.o"), str(work / "data.s")], check=True)
        out = work / soname
        subprocess.run(["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(out),
                        str(work / "data.o")], check=True)
        subprocess.run(["strip", "--strip-unneeded", str(out)], check=True)
        # Same name and folder, written then renamed over the original.
        staged = library.with_name(".trimmed-" + library.name)
        staged.write_bytes(out.read_bytes())
        staged.chmod(library.stat().st_mode)
        staged.replace(library)
    return before, library.stat().st_size
