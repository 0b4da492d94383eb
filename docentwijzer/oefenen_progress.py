"""What Oefenen keeps: the teacher's own confidence answers and which conversations were done.

Nothing else of a practice session is stored: not the choices made, not the feedback read, not
the referral walked, and nothing at all in trainer mode. The record is about the teacher, never
about a student. It is one small versioned JSON file in the data folder (``oefenen.json``),
written atomically; an unreadable file is moved aside and reported, never overwritten.

The confidence check is a few statements in the teacher's own words ("I dare to ask directly
whether a student is thinking about suicide"), each answered on a five-point scale from "not at
all sure" to "very sure". It is not a validated or licensed questionnaire and says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from docentwijzer import paths
from docentwijzer.storage import Loaded, load_document, save_document

PROGRESS_VERSION = 1
PROGRESS_FILE = "oefenen.json"

#: When a confidence check is taken: before practising, just after, or again some time later.
Moment = Literal["before", "after", "later"]
MOMENTS: tuple[str, ...] = get_args(Moment)

#: The answer scale: 1 "not at all sure" … 5 "very sure".
SCALE_MIN = 1
SCALE_MAX = 5

#: About three months after the last practice, a gentle reminder to practise one again.
REMINDER_AFTER = timedelta(days=91)
#: A check counts as "later" when it comes this long after the teacher's first check.
LATER_AFTER = timedelta(days=60)


def progress_file() -> Path:
    return paths.data_dir() / PROGRESS_FILE


class ConfidenceCheck(BaseModel):
    """One confidence check: when, at which moment, and the answer to each statement."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    taken_on: date
    moment: Moment
    #: statement id -> 1..5
    answers: dict[str, int] = Field(min_length=1)

    @field_validator("answers")
    @classmethod
    def _on_the_scale(cls, answers: dict[str, int]) -> dict[str, int]:
        for statement, value in answers.items():
            if not SCALE_MIN <= value <= SCALE_MAX:
                raise ValueError(f"{statement}: {value} is not on the scale")
        return answers


class PracticeLog(BaseModel):
    """Everything Oefenen stores (``oefenen.json``)."""

    model_config = ConfigDict(extra="forbid")

    schema_version: int = PROGRESS_VERSION
    #: conversation id -> the last day it was practised to its end
    done: dict[str, date] = Field(default_factory=dict)
    checks: list[ConfidenceCheck] = Field(default_factory=list)
    #: The day the teacher put the reminder away (it returns three months after that).
    reminder_dismissed_on: date | None = None

    def last_activity(self) -> date | None:
        days = [*self.done.values(), *(check.taken_on for check in self.checks)]
        return max(days) if days else None


class ProgressStore:
    """Loads and saves the :class:`PracticeLog`; never overwrites a file it could not read."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or progress_file()
        self._writable = True

    def load(self) -> Loaded[PracticeLog]:
        loaded = load_document(
            self.path, PracticeLog, version=PROGRESS_VERSION, default=PracticeLog
        )
        self._writable = loaded.writable
        return loaded

    def save(self, log: PracticeLog) -> bool:
        """Persist (atomically); False when the file on disk is from a newer version.

        An :class:`OSError` from the disk is raised: the caller tells the user, and the file on
        disk stays as it was.
        """
        if not self._writable:
            return False
        save_document(self.path, log)
        return True

    def mark_done(self, conversation_id: str, today: date) -> PracticeLog:
        log = self.load().value
        log.done[conversation_id] = today
        self.save(log)
        return log

    def add_check(self, moment: Moment, answers: Mapping[str, int], today: date) -> PracticeLog:
        log = self.load().value
        log.checks.append(ConfidenceCheck(taken_on=today, moment=moment, answers=dict(answers)))
        self.save(log)
        return log

    def dismiss_reminder(self, today: date) -> PracticeLog:
        log = self.load().value
        log.reminder_dismissed_on = today
        self.save(log)
        return log

    def delete(self) -> bool:
        """Remove everything Oefenen stored; True when there was something to remove."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        return True


def reminder_due(log: PracticeLog, today: date) -> bool:
    """About three months since the teacher last practised (or checked), and not put away since.

    A teacher who never practised gets no reminder: Oefenen is on Start for that.
    """
    last = log.last_activity()
    if last is None:
        return False
    since = max(last, log.reminder_dismissed_on or last)
    return today - since >= REMINDER_AFTER


def suggested_moment(log: PracticeLog, today: date) -> Moment:
    """Which check fits now: before the first practice, after it, or again later on."""
    if not log.checks:
        return "before"
    first = min(check.taken_on for check in log.checks)
    if today - first >= LATER_AFTER:
        return "later"
    return "after"


@dataclass(frozen=True)
class Comparison:
    """One statement's answers at each moment (``None``: not answered then)."""

    statement: str
    before: int | None
    after: int | None
    later: int | None

    def values(self) -> dict[str, int | None]:
        return {"before": self.before, "after": self.after, "later": self.later}


def comparison(log: PracticeLog, statements: list[str]) -> list[Comparison]:
    """The first 'before', the latest 'after' and the latest 'later' answer per statement."""

    def pick(moment: str, first: bool) -> ConfidenceCheck | None:
        found = sorted(
            (check for check in log.checks if check.moment == moment),
            key=lambda check: check.taken_on,
        )
        if not found:
            return None
        return found[0] if first else found[-1]

    before, after, later = pick("before", True), pick("after", False), pick("later", False)
    return [
        Comparison(
            statement,
            before.answers.get(statement) if before else None,
            after.answers.get(statement) if after else None,
            later.answers.get(statement) if later else None,
        )
        for statement in statements
    ]
