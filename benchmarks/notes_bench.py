"""Notes at scale: 10,000 realistic notes, each figure printed against its target.

    python3 benchmarks/notes_bench.py [--notes 10000]

Uses the production key derivation (vault.PRODUCTION_KDF), a throw-away DOCENTWIJZER_HOME and
Qt offscreen for the list and search-as-you-type figures. Not a test: machines differ; it
prints, and exits 1 when a figure misses its target.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OBSERVED = [
    "Kwam de laatste drie weken steeds te laat en leek moe.",
    "Zei na de les dat het thuis zwaar is; wilde er verder niet over praten.",
    "Trekt zich terug in de werkgroep en zegt weinig tegen medestudenten.",
    "Miste de presentatie zonder bericht vooraf.",
    "Huilde kort na het tentamen en liep daarna snel weg.",
    "Gaf aan slecht te slapen door de stress rond de herkansingen.",
    "Lijkt geïrriteerd en reageert kortaf op feedback.",
    "Vertelde dat een bijbaan veel tijd kost en de planning niet lukt.",
    "Was opvallend afwezig tijdens het werkcollege; keek veel naar de telefoon.",
]
DONE = [
    "Na de les kort gesproken en gevraagd hoe het gaat.",
    "De studentendecaan genoemd en het spreekuur gemaild.",
    "Afgesproken dat we over twee weken even bijpraten.",
    "Doorverwezen naar de studieloopbaanbegeleider.",
    "Nog niets; eerst afwachten en volgende week opnieuw kijken.",
    "",
]
TEXT = [
    "Student gaf zelf aan dat een gesprek welkom is.",
    "Overleg met collega uit hetzelfde blok: zij zag hetzelfde.",
    "Let op: tentamenweek komt eraan.",
    "",
    "",
]
TAGS = ["verzuim", "gesprek", "welzijn", "planning", "stress", "doorverwezen", "studiesucces"]
TARGETS = {
    "unlock (incl. key derivation)": 1.5,
    "list opens": 0.050,
    "search as you type, per keystroke (median)": 0.050,
    "save one note": 0.100,
    "PDF of one note": 0.3,
    "PDF of 500 notes": 5.0,
}


def realistic_notes(count: int, seed: int = 7) -> list:  # type: ignore[type-arg]
    from docentwijzer.notes import Note

    rnd = random.Random(seed)
    pseudonyms = [
        f"{rnd.choice('ABCDEFGHJKLMNPRSTVWZ')}{rnd.choice('ABDEJKLMRSTV')}-{i}" for i in range(300)
    ]
    start = date.today() - timedelta(days=3 * 365)
    notes = []
    for _ in range(count):
        day = start + timedelta(days=rnd.randint(0, 3 * 365))
        notes.append(
            Note(
                pseudonym=rnd.choice(pseudonyms),
                note_date=day,
                observed=" ".join(rnd.sample(OBSERVED, rnd.randint(1, 3))),
                done=rnd.choice(DONE),
                follow_up=day + timedelta(days=14) if rnd.random() < 0.3 else None,
                text=" ".join(rnd.sample(TEXT, 2)).strip(),
                tags=rnd.sample(TAGS, rnd.randint(0, 3)),
                created=datetime.combine(day, datetime.min.time()),
            )
        )
    return notes


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="docentwijzer-bench-")
    os.environ["DOCENTWIJZER_HOME"] = home

    from PySide6.QtWidgets import QApplication

    from docentwijzer.notes import Note, NotesStore
    from docentwijzer.notes_pdf import render_notes
    from docentwijzer.vault import PRODUCTION_KDF, derive_key

    passphrase = "een lange wachtwoordzin voor de benchmark"
    figures: dict[str, float] = {}
    kdf_time = timed(lambda: derive_key(passphrase, os.urandom(16), PRODUCTION_KDF))
    print(
        f"Argon2id {PRODUCTION_KDF.memory_kib // 1024} MiB, t={PRODUCTION_KDF.iterations}, "
        f"p={PRODUCTION_KDF.lanes}: {kdf_time:.2f} s (tuned to about 0.5 s)"
    )

    store = NotesStore()
    store.setup(passphrase)
    notes = realistic_notes(args.notes)
    fill = timed(lambda: store.save_many(notes))
    size = store.vault.path.stat().st_size
    print(f"{args.notes} notes written in {fill:.1f} s; vault {size / 1e6:.1f} MB")
    store.lock()

    figures["unlock (incl. key derivation)"] = timed(lambda: store.unlock(passphrase))
    saves = [
        timed(lambda: store.save(Note(pseudonym="BENCH", observed="Nieuwe observatie")))
        for _ in range(15)
    ]
    figures["save one note"] = statistics.median(saves)

    app = QApplication.instance() or QApplication([])
    from docentwijzer.settings import Settings

    from docentwijzer.ui.application import configure
    from docentwijzer.ui.mainwindow import MainWindow
    from docentwijzer.ui.notes_session import install_session

    configure(app, Settings())  # type: ignore[arg-type]
    window = MainWindow(Settings())
    install_session(window, store)
    store.unlock(passphrase)
    window.show()
    window.navigate("notities")
    screen = window.current_screen()
    app.processEvents()

    def open_list() -> None:
        screen.show_list()  # type: ignore[attr-defined]
        app.processEvents()

    figures["list opens"] = statistics.median(timed(open_list) for _ in range(5))
    keystrokes = []
    for query in ("gesprek", "studentendecaan", "moe", "zzz-niets"):
        screen.list_page.search.clear()  # type: ignore[attr-defined]
        app.processEvents()
        for index in range(1, len(query) + 1):
            keystrokes.append(
                timed(
                    lambda q=query[:index]: (
                        screen.list_page.search.setText(q),
                        app.processEvents(),
                    )
                )  # type: ignore[attr-defined]
            )
    figures["search as you type, per keystroke (median)"] = statistics.median(keystrokes)
    print(f"  (slowest keystroke {max(keystrokes) * 1000:.0f} ms)")

    summaries = store.query()
    one = store.notes([summaries[0].id])
    figures["PDF of one note"] = statistics.median(
        timed(lambda: render_notes(one, "one", pseudonym=one[0].pseudonym)) for _ in range(5)
    )
    many = store.notes([s.id for s in summaries[:500]])
    figures["PDF of 500 notes"] = timed(lambda: render_notes(many, "all"))

    failed = 0
    print()
    for name, target in TARGETS.items():
        value = figures[name]
        ok = value <= target
        failed += not ok
        unit = (lambda v: f"{v * 1000:7.1f} ms") if target < 1 else (lambda v: f"{v:7.2f} s ")
        print(
            f"{'OK  ' if ok else 'MISS'} {name:45} {unit(value)}  (target ≤ {unit(target).strip()})"
        )
    store.destroy()
    window.close()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
