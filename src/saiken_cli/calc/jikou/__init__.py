"""消滅時効 (extinctive prescription): completion date, regime, period and event timeline.

Spec: rules-reference.md §4 and §9. Pure: no clock (``as_of`` is given), no I/O.

1. The starting point (起算点): the latest of ``--due-date`` / ``--acceleration-date`` /
   ``--subrogation-date`` / ``--judgment-date``; ``--last-payment`` after it is an
   acknowledgment (承認) in the timeline; ``--last-payment`` alone is the practitioners'
   shortcut (the earliest possible date, §4.6).
2. The regime (附則10条): :func:`select_regime` says old or new law and why; where it cannot
   be inferred both readings are computed (``readings``).
3. The period: :func:`old_law_period` (商事5年 / 民事10年 / 旧170–174 short periods / 判決10年)
   or :func:`new_law_period` (166条1項: 5 years from knowledge, 10 from exercisability; 169条).
4. The timeline: each event, by its own date, renews (更新/中断) or suspends (完成猶予/停止)
   per rules/data/prescription_events.toml (附則10条2項・3項).
5. Periods are counted by :func:`saiken_cli.calc.periods.period_end` only (民法140–143条).

The calculator is split along its seams:

- :mod:`.regime` — which law (附則10条) and which period (old/new law);
- :mod:`.events` — the kinds of event, :class:`Event` and what the timeline returns;
- :mod:`.timeline` — the events (更新・完成猶予) applied in date order;
- :mod:`.analysis` — :func:`compute`: the starting point, the readings and their messages;
- :mod:`.result` — the input, the result and its ``--json`` payload.
"""

from __future__ import annotations

from saiken_cli.calc.jikou.regime import (  # noqa: F401 - the calculator's public names
    CLAIM_TYPES,
    CREDITOR_ALIASES,
    CREDITORS,
    TORT,
    PeriodChoice,
    RegimeChoice,
    new_law_period,
    old_law_period,
    select_regime,
)
from saiken_cli.calc.jikou.analysis import compute  # noqa: F401
from saiken_cli.calc.jikou.events import KIND_ALIASES, KINDS, Event, EventEffect, Timeline  # noqa: F401
from saiken_cli.calc.jikou.result import (  # noqa: F401
    FACT_FLAGS,
    SCHEMA_VERSION,
    Analysis,
    JikouInput,
    JikouResult,
)
from saiken_cli.calc.jikou.timeline import run_timeline  # noqa: F401
