"""消滅時効: what every analysis ends with — the other reading of 150条2項・151条3項, and the
result-level messages (承認 after completion, pending proceedings, 民法142条, 援用).

Shared by :mod:`.analysis` (loans and other claims) and :mod:`.tort` (不法行為).
"""

from __future__ import annotations

from typing import Callable

from saiken_cli import rules
from saiken_cli.calc import calendar as cal
from saiken_cli.calc.jikou.events import Event, Timeline
from saiken_cli.calc.jikou.result import ONE_DAY, OTHER_READING, READING_MSGS, Analysis, JikouInput
from saiken_cli.calc.messages import Message, msg
from saiken_cli.rules import Citation, Row

ART_145 = Citation(law="民法", law_no="明治29年法律第89号", article="145", amended_by="平成29年法律第44号",
                   en="prescription must be invoked (援用) by the debtor, guarantor or other interested party")
ART_140 = Citation(law="民法", law_no="明治29年法律第89号", article="140", en="the first day is not counted")
ART_143 = Citation(law="民法", law_no="明治29年法律第89号", article="143", paragraph="2",
                   en="years end the day before the anniversary of the first counted day; month end if none")
ART_142 = Citation(law="民法", law_no="明治29年法律第89号", article="142",
                   en="a last day on a Sunday or holiday moves to the next day only where there is a custom of not transacting")
FUSOKU_10 = Citation(law="民法の一部を改正する法律", law_no="平成29年法律第44号", article="附則10条",
                     en="transition: claims that arose (or whose cause was made) before 2020-04-01 keep the old prescription law")
CASE_S41 = Citation(case="最大判昭和41年4月20日", reporter="民集20巻4号702頁",
                    en="an acknowledgment after completion bars invoking it, even without knowing (good faith)")
CASE_S45 = Citation(case="最判昭和45年5月21日", en="after such an acknowledgment a new period runs from it")
CASE_S42 = Citation(case="最判昭和42年6月23日",
                    en="acceleration on request: the whole balance runs only from the declaration")

SUSPENSION_KINDS = ("saikoku", "kyogi")


def other_reading(
    inp: JikouInput, events: list[Event], primary: Analysis, analyse: Callable[[str], Analysis]
) -> tuple[Analysis | None, list[Row], list[Message]]:
    """The other reading of 150条2項・151条3項 (``analyse(reading)`` computes it): the analysis
    when it gives another date, the rule rows read, and the warning."""
    warnings: list[Message] = []
    reading_alternative: Analysis | None = None
    reading_rows: list[Row] = []
    if sum(1 for e in events if e.kind in SUSPENSION_KINDS) >= 2:
        # 150条2項・151条3項 matter only when a second 催告 / 協議の合意 follows a first
        table = rules.load("suspension_reading")
        other = OTHER_READING[inp.suspension_reading]
        other_analysis = analyse(other)
        reading_rows = [table.only(inp.suspension_reading), table.only(other)]
        p_c, o_c = primary.timeline.completion_on, other_analysis.timeline.completion_on
        if p_c != o_c:
            reading_alternative = other_analysis
            warnings.append(
                msg(
                    "jikou.suspension_readings_differ",
                    reading_msg=READING_MSGS[inp.suspension_reading],
                    other_msg=READING_MSGS[other],
                    completion_on=p_c,
                    other_completion_on=o_c,
                )
            )
    return reading_alternative, reading_rows, warnings


def closing(inp: JikouInput, tl: Timeline, notes: list[Message], warnings: list[Message], *, invocation: bool = True) -> Message | None:
    """The result-level messages of the governing timeline, appended to ``notes``/``warnings``;
    returns why its last day is a court holiday (or None). ``invocation``: say that the
    effect needs 援用 (145条) — not for a 除斥期間."""
    for completed_on, ack_on in tl.barred:
        warnings.append(msg("jikou.acknowledged_after_completion", completed_on=completed_on, acknowledged_on=ack_on))
    if tl.pending:
        warnings.append(msg("jikou.proceeding_pending"))
    closed_day: Message | None = None
    if tl.unextended_on is not None:
        closed_day = cal.is_closed_day(tl.unextended_on)
        if inp.apply_142:
            if tl.completion_on != tl.unextended_on:
                warnings.append(
                    msg(
                        "jikou.art142_applied_extended",
                        article=ART_142, last_day_on=tl.unextended_on, closed_msg=closed_day, extended_on=tl.completion_on,
                    )
                )
            else:
                notes.append(msg("jikou.art142_applied_no_extension", article=ART_142))
        else:
            notes.append(msg("jikou.art142_not_applied", article=ART_142))
            if closed_day:
                extended = cal.next_open_day(tl.unextended_on)
                warnings.append(
                    msg(
                        "jikou.completion_on_closed_day",
                        completion_on=tl.unextended_on, closed_msg=closed_day, extended_on=extended,
                        invocable_on=extended + ONE_DAY,
                    )
                )
        if cal.is_projected(tl.unextended_on, inp.as_of):
            notes.append(msg("jikou.holidays_projected", holiday_year=tl.unextended_on.year))
    if invocation:
        notes.append(msg("jikou.invocation_needed", article=ART_145))
        notes.append(msg("jikou.completes_at_end_of_day"))

    return closed_day
