"""What Oefenen stores: confidence answers and which conversations were done, nothing else."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from docentwijzer import storage
from docentwijzer.oefenen_progress import (
    ConfidenceCheck,
    PracticeLog,
    ProgressStore,
    comparison,
    progress_file,
    reminder_due,
    suggested_moment,
)

TODAY = date(2026, 12, 2)
ANSWERS = {"opmerken": 3, "vragen": 2, "zelfdoding": 1, "verwijzen": 2}


def test_the_file_lives_in_the_data_folder(dw_home: Path) -> None:
    assert progress_file() == dw_home / "data" / "oefenen.json"


def test_a_done_conversation_and_a_check_are_kept_and_nothing_else(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "oefenen.json")
    store.mark_done("na-de-les", TODAY)
    store.add_check("before", ANSWERS, TODAY)
    raw = json.loads((tmp_path / "oefenen.json").read_text(encoding="utf-8"))
    assert set(raw) == {"schema_version", "done", "checks", "reminder_dismissed_on"}
    assert raw["done"] == {"na-de-les": "2026-12-02"}
    assert raw["checks"] == [{"taken_on": "2026-12-02", "moment": "before", "answers": ANSWERS}]
    again = ProgressStore(tmp_path / "oefenen.json").load()
    assert again.notice is None and again.value.done == {"na-de-les": TODAY}


def test_an_answer_off_the_scale_is_refused() -> None:
    with pytest.raises(ValidationError):
        ConfidenceCheck(taken_on=TODAY, moment="after", answers={"vragen": 6})
    with pytest.raises(ValidationError):
        ConfidenceCheck(taken_on=TODAY, moment="after", answers={})


def test_a_corrupt_file_is_moved_aside_and_reported_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "oefenen.json"
    path.write_text("{not json", encoding="utf-8")
    loaded = ProgressStore(path).load()
    assert loaded.value == PracticeLog()
    assert loaded.notice and "oefenen.json" in loaded.notice
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("oefenen.corrupt-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"


def test_a_newer_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "oefenen.json"
    path.write_text('{"schema_version": 99, "done": {}}', encoding="utf-8")
    store = ProgressStore(path)
    assert store.load().writable is False
    assert store.save(PracticeLog(done={"x": TODAY})) is False
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 99


@pytest.mark.parametrize("call", ["mkstemp", "fdopen", "fsync", "replace"])
def test_a_failing_write_raises_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    path = tmp_path / "oefenen.json"
    store = ProgressStore(path)
    store.mark_done("na-de-les", TODAY)
    before = path.read_bytes()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    target = {"mkstemp": storage.tempfile, "fdopen": os, "fsync": os, "replace": os}[call]
    with monkeypatch.context() as patch, pytest.raises(OSError):
        patch.setattr(target, call, broken)
        store.add_check("before", ANSWERS, TODAY)
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(storage.TEMP_SUFFIX)]


def test_delete_removes_everything(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "oefenen.json")
    assert store.delete() is False
    store.mark_done("acuut", TODAY)
    assert store.delete() is True
    assert not (tmp_path / "oefenen.json").exists()
    assert store.load().value == PracticeLog()


def test_the_reminder_comes_about_three_months_after_the_last_practice() -> None:
    assert not reminder_due(PracticeLog(), TODAY)  # never practised: no reminder
    log = PracticeLog(done={"na-de-les": TODAY})
    assert not reminder_due(log, TODAY + timedelta(days=90))
    assert reminder_due(log, TODAY + timedelta(days=91))
    # put away: it comes back three months later
    log.reminder_dismissed_on = TODAY + timedelta(days=95)
    assert not reminder_due(log, TODAY + timedelta(days=150))
    assert reminder_due(log, TODAY + timedelta(days=95 + 91))
    # practising again resets it
    log = PracticeLog(done={"na-de-les": TODAY, "acuut": TODAY + timedelta(days=80)})
    assert not reminder_due(log, TODAY + timedelta(days=120))


def test_the_suggested_moment_follows_before_after_later() -> None:
    log = PracticeLog()
    assert suggested_moment(log, TODAY) == "before"
    log.checks.append(ConfidenceCheck(taken_on=TODAY, moment="before", answers=ANSWERS))
    assert suggested_moment(log, TODAY) == "after"
    assert suggested_moment(log, TODAY + timedelta(days=60)) == "later"


def test_the_comparison_shows_first_before_latest_after_and_later() -> None:
    log = PracticeLog(
        checks=[
            ConfidenceCheck(taken_on=TODAY, moment="before", answers=ANSWERS),
            ConfidenceCheck(taken_on=TODAY, moment="after", answers={**ANSWERS, "vragen": 3}),
            ConfidenceCheck(
                taken_on=TODAY + timedelta(days=1), moment="after", answers={**ANSWERS, "vragen": 4}
            ),
            ConfidenceCheck(
                taken_on=TODAY + timedelta(days=100), moment="later", answers={"vragen": 3}
            ),
        ]
    )
    rows = {row.statement: row for row in comparison(log, list(ANSWERS))}
    assert (rows["vragen"].before, rows["vragen"].after, rows["vragen"].later) == (2, 4, 3)
    assert rows["zelfdoding"].later is None
    assert comparison(PracticeLog(), ["vragen"])[0].values() == {
        "before": None,
        "after": None,
        "later": None,
    }
