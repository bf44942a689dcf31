"""Which 法定利率 applies (民法404条, 419条1項; 改正法附則15条・17条3項).

For 遅延損害金 the rate is the one in force when the debtor first became liable for delay
(``delay_started_on``); it then stays fixed for that default. The contract date does not
decide it (rules-reference §2.3: 附則17条1項 does not list 419条).
"""


from datetime import date
from decimal import Decimal
from typing import NamedTuple

from saiken_cli import rules
from saiken_cli.calc.messages import Message, msg
from saiken_cli.rules import Row


class RateChoice(NamedTuple):
    rate: Decimal
    basis: str  # "legal-civil" | "legal-commercial"
    rows: tuple[Row, ...]
    notes: tuple[Message, ...] = ()
    warnings: tuple[Message, ...] = ()


def reform_effective_date() -> date:
    return rules.load("reform_2020").only("effective_date").value


def legal_rate(delay_started_on: date, *, commercial: bool = False) -> RateChoice:
    """The 法定利率 for a default that began on ``delay_started_on``.

    ``commercial``: the debt arose from a 商行為 (旧商法514条, 6% before 2020-04-01).
    Raises RuleNotInForce where the rate is not known (from 2029-04-01, 第4期).
    """
    table = rules.load("statutory_rate")
    if commercial and delay_started_on < reform_effective_date():
        row = table.row_on(delay_started_on, "commercial")
        return RateChoice(
            rate=row.value,
            basis="legal-commercial",
            rows=(row,),
            warnings=(msg("rates.commercial_transitional_unverified", rate=row.value, reform_on=reform_effective_date()),),
        )
    row = table.row_on(delay_started_on, "civil")
    notes: tuple[str, ...] = ()
    if commercial:
        notes = (msg("rates.commercial_rate_abolished", reform_on=reform_effective_date()),)
    return RateChoice(rate=row.value, basis="legal-civil", rows=(row,), notes=notes)
