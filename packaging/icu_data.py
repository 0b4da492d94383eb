"""Ship only the ICU data DocentWijzer can use: the root locale, Dutch and English.

Qt links ICU, and ICU's data library (libicudata) holds 31 MB: locale data for every language,
converters for legacy encodings, dictionaries for Thai, Khmer or Chinese line breaking. Qt uses
ICU for sorting (QCollator, in the file dialog), locale-aware upper and lower case and time-zone
names, always in the interface language, nl or en. :func:`subset` builds a libicudata with the
same file name and data symbol that holds only root, nl* and en* data and the items that belong
to no language (Unicode properties, normalisation, time zones): about 4.5 MB.

Needs binutils (objcopy, nm), icupkg (Debian: icu-devtools) and a C compiler (gcc). Without
them :func:`subset` says so and returns None, and the full library is shipped.
Called by packaging/docentwijzer.spec; tests/core/test_packaging.py checks :func:`keep`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

LANGUAGES = ("root", "nl", "en")
#: A locale's data file: "nl", "nl_BE", "en_US_POSIX", "de__PHONEBOOK" (a collation variant).
_LOCALE = re.compile(r"^(?:[a-z]{2,3}|root)(?:_[A-Za-z0-9]*)*$")
_SONAME = re.compile(r"^libicudata\.so\.(\d+)$")


def is_data_library(name: str) -> bool:
    return _SONAME.match(name) is not None


def keep(item: str) -> bool:
    """Whether an item of the ICU data package (``coll/nl.res``, ``uprops.icu``) is kept."""
    name = item.rsplit("/", 1)[-1]
    if name.endswith((".cnv", ".dict")) or item.startswith("translit/"):
        return False  # legacy-encoding converters, line-break dictionaries, transliterators
    if not name.endswith(".res"):
        return True  # Unicode properties, normalisation, collation base data, break rules
    stem = name.removesuffix(".res")
    if stem in ("pool", "res_index") or not _LOCALE.match(stem):
        return True  # a tree's shared keys and index; supplementalData, zoneinfo64, ...
    return stem.split("_")[0] in LANGUAGES


def _run(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, cwd=cwd).stdout


def subset(library: Path, workdir: Path) -> Path | None:
    """A copy of ``library`` (libicudata.so.NN) with only the kept items, or None."""
    found = _SONAME.match(library.name)
    missing = [tool for tool in ("objcopy", "nm", "icupkg", "gcc") if shutil.which(tool) is None]
    if found is None or missing:
        why = f"missing {', '.join(missing)}" if missing else f"unexpected name {library.name}"
        print(f"icu_data: shipping the full ICU data ({why})", file=sys.stderr)
        return None
    symbol = f"icudt{found.group(1)}_dat"
    package = f"icudt{found.group(1)}{'l' if sys.byteorder == 'little' else 'b'}"
    workdir.mkdir(parents=True, exist_ok=True)
    blob = workdir / "full" / f"{package}.dat"
    blob.parent.mkdir(exist_ok=True)
    _run("objcopy", "-O", "binary", "-j", ".rodata", str(library), str(blob))
    # The library is nothing but the data symbol: check it fills .rodata before trusting that.
    symbols = [
        line.split() for line in _run("nm", "-D", "-S", "--defined-only", str(library)).splitlines()
    ]
    sizes = [int(fields[1], 16) for fields in symbols if len(fields) == 4 and fields[3] == symbol]
    if sizes != [blob.stat().st_size]:
        print(
            f"icu_data: {library.name} is not laid out as expected; shipped whole", file=sys.stderr
        )
        return None
    items = _run("icupkg", "-l", str(blob)).split()
    removed = [item for item in items if not keep(item)]
    (workdir / "remove.txt").write_text("\n".join(removed) + "\n", encoding="utf-8")
    small = workdir / "small" / f"{package}.dat"  # icupkg names items after the file
    small.parent.mkdir(exist_ok=True)
    small.unlink(missing_ok=True)
    # --ignore-deps: the root break rules name the dictionaries left out; ICU then breaks Thai,
    # Khmer, Lao, Burmese and Chinese text by rule instead of by dictionary.
    _run("icupkg", "--ignore-deps", "-r", str(workdir / "remove.txt"), str(blob), str(small))
    assembly = workdir / "icudata.S"
    assembly.write_text(
        "\n".join(
            [
                "    .section .rodata",
                f"    .globl {symbol}",
                f"    .type {symbol}, @object",
                "    .balign 16",
                f"{symbol}:",
                f'    .incbin "{small}"',
                f"    .size {symbol}, . - {symbol}",
                '    .section .note.GNU-stack,"",@progbits',
                "",
            ]
        ),
        encoding="utf-8",
    )
    output = workdir / library.name
    _run(
        "gcc",
        "-shared",
        "-nostdlib",
        "-s",
        f"-Wl,-soname,{library.name}",
        "-o",
        str(output),
        str(assembly),
    )
    print(
        f"icu_data: {library.name} {library.stat().st_size / 1e6:.1f} MB -> "
        f"{output.stat().st_size / 1e6:.1f} MB ({len(items) - len(removed)} of {len(items)} items)",
        file=sys.stderr,
    )
    return output
