"""消滅時効: the events — their kinds, what users may type for them, and what the timeline returns.

:class:`Event` is one dated fact (承認, 催告, 訴え提起 …) as given; :class:`EventEffect` what it did;
:class:`Timeline` the result of :func:`saiken_cli.calc.jikou.timeline.run_timeline`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from saiken_cli.calc.messages import Message, msg
from saiken_cli.rules import Row

#: Event kinds: canonical romaji → (Japanese, English).
KINDS: dict[str, tuple[str, str]] = {
    "shounin": ("承認", "acknowledgment (any payment, request to defer or reduce, signed acknowledgment)"),
    "saikoku": ("催告", "demand (e.g. 内容証明郵便)"),
    "kyogi": ("協議合意", "written agreement to negotiate"),
    "kyozetsu": ("協議拒絶", "written refusal to continue negotiating"),
    "teiso": ("訴え提起", "lawsuit filed"),
    "tokusoku": ("支払督促", "payment order applied for"),
    "hanketsu": ("判決確定", "final judgment or equivalent (和解, 調停, 仮執行宣言付支払督促)"),
    "torisage": ("取下げ", "withdrawal / dismissal: a proceeding ends without fixing the right"),
    "sashiosae": ("強制執行", "compulsory execution (差押え)"),
    "karisashiosae": ("仮差押え", "provisional attachment / disposition (仮差押え・仮処分)"),
    "shuryo": ("手続終了", "end of a pending execution or provisional attachment"),
}

#: Each kind as a term of a message (``kind_msg``): its name in the chosen language.
KIND_TERMS: dict[str, Message] = {
    "shounin": msg("jikou.kind_shounin"),
    "saikoku": msg("jikou.kind_saikoku"),
    "kyogi": msg("jikou.kind_kyogi"),
    "kyozetsu": msg("jikou.kind_kyozetsu"),
    "teiso": msg("jikou.kind_teiso"),
    "tokusoku": msg("jikou.kind_tokusoku"),
    "hanketsu": msg("jikou.kind_hanketsu"),
    "torisage": msg("jikou.kind_torisage"),
    "sashiosae": msg("jikou.kind_sashiosae"),
    "karisashiosae": msg("jikou.kind_karisashiosae"),
    "shuryo": msg("jikou.kind_shuryo"),
}

#: What users may type for each kind (romaji, Japanese, common synonyms).
KIND_ALIASES: dict[str, str] = {
    **{k: k for k in KINDS},
    **{ja: k for k, (ja, _) in KINDS.items()},
    "shonin": "shounin", "一部弁済": "shounin", "弁済": "shounin", "債務承認": "shounin",
    "内容証明": "saikoku",
    "kyougi": "kyogi", "協議": "kyogi", "協議の合意": "kyogi",
    "kyouzetsu": "kyozetsu", "協議続行拒絶": "kyozetsu",
    "訴訟": "teiso", "提訴": "teiso", "訴え": "teiso",
    "督促": "tokusoku",
    "判決": "hanketsu", "和解": "hanketsu",
    "取り下げ": "torisage", "却下": "torisage", "取消し": "torisage",
    "差押え": "sashiosae", "差押": "sashiosae",
    "仮差押": "karisashiosae", "仮処分": "karisashiosae",
    "終了": "shuryo", "shuuryou": "shuryo",
}



@dataclass(frozen=True)
class Event:
    on: date
    kind: str
    agreed_months: int | None = None  # 協議合意: an agreed period shorter than 1 year
    agreed_days: int | None = None
    target: str | None = None  # 取下げ/手続終了: which pending proceeding ends
    flag: str = "--event"
    given: str = ""

    def label(self) -> str:
        return f"{self.on.isoformat()}:{self.kind}"



@dataclass(frozen=True)
class EventEffect:
    on: date
    kind: str
    effect: Message
    completion_after: date | None
    rows: tuple[Row, ...] = ()
    source: str = "--event"

    def to_dict(self) -> dict[str, Any]:
        ja, en = KINDS[self.kind]
        return {
            "date": self.on.isoformat(),
            "kind": self.kind,
            "kind_ja": ja,
            "effect": self.effect.to_dict(),
            "completion_after": self.completion_after.isoformat() if self.completion_after else None,
            "source": self.source,
        }


@dataclass(frozen=True)
class Timeline:
    completion_on: date | None  # None while a proceeding is pending
    unextended_on: date | None
    period_years: int
    effects: tuple[EventEffect, ...]
    barred: tuple[tuple[date, date], ...]  # (completed_on, acknowledged_on)
    pending: tuple[str, ...]
    notes: tuple[Message, ...] = ()
    warnings: tuple[Message, ...] = ()
    rows: tuple[Row, ...] = ()
