"""請求の趣旨: the relief sought, built from a damages calculation (rules/templates/seikyu.toml).

Framing (the lawyer's choice, default first):
- no payments, no fixed date: 「金{元本}及びこれに対する{起算日}から支払済みまで年{利率}パーセント
  の割合による金員を支払え。」
- partial payments after default (民法489条: 費用 → 損害金 → 元本): the damages accrued up to the
  last payment and left unpaid become a fixed sum added to the remaining principal, and the
  running damages accrue on the remaining principal from the next day: 「金{残元本+確定損害金}
  及びうち金{残元本}に対する{最終弁済日の翌日}から…」 (「これに対する」 when nothing is unpaid).
- ``fixed_to``: the same with the damages accrued up to that date (e.g. the filing date).

Pure: no I/O, no clock. Imports calc.damages (documents → calc → rules).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from saiken_cli.documents import jtext, templates
from saiken_cli.documents.statements import METHOD_JA
from saiken_cli.errors import ConflictError
from saiken_cli.calc.periods import ONE_DAY



class Claim(NamedTuple):
    lines: list[str]  # 1 …, 2 訴訟費用…, との判決…
    text: str
    amount_yen: int
    principal_yen: int  # the part the running damages accrue on
    fixed_damages_yen: int
    damages_from: date
    fixed_to: date | None
    rate_percent: str
    damages: dict[str, Any] | None  # the damages payload of the fixed part (None: nothing fixed)
    citations: list[dict[str, str]]
    notes: list[str]


def claim(
    *,
    principal_yen: int,
    rate: Decimal | None,
    first_on: date,
    payments: tuple = (),
    method: str = "simple365",
    commercial: bool = False,
    fixed_to: date | None = None,
    on: date,
) -> Claim:
    """The 請求の趣旨 for a money claim whose damages accrue from ``first_on`` (the day after
    the due or acceleration date). ``on``: the document's date (picks the template version)."""
    from saiken_cli.calc import damages as calc

    pays = tuple(sorted(payments, key=lambda p: p.paid_on))
    last_pay = pays[-1].paid_on if pays else None
    if fixed_to is not None and last_pay is not None and fixed_to < last_pay:
        raise ConflictError(
            f"--fixed-to {fixed_to.isoformat()} is before the last payment {last_pay.isoformat()}: "
            "the fixed damages must include every payment"
        )
    if fixed_to is not None and fixed_to < first_on:
        raise ConflictError(f"--fixed-to {fixed_to.isoformat()} is before damages begin ({first_on.isoformat()})")
    to = fixed_to or last_pay
    payload = None
    if to is not None:
        result = calc.compute(
            calc.DamagesInput(
                principal_yen=principal_yen, rate=rate, method=method, first_on=first_on, last_on=to,
                commercial=commercial, payments=pays,
            )
        )
        payload = result.to_dict()
        remaining = result.remaining_principal_yen if result.remaining_principal_yen is not None else principal_yen
        fixed = result.unpaid_damages_yen if result.unpaid_damages_yen is not None else result.total_yen
        rate_percent = payload["rate_percent"]
        running_from = to + ONE_DAY
    else:
        remaining, fixed = principal_yen, 0
        if rate is None:  # the legal rate on the day default began: ask calc, not a copy of the table
            probe = calc.compute(calc.DamagesInput(principal_yen=principal_yen, rate=None, first_on=first_on, last_on=first_on, commercial=commercial))
            rate_percent = probe.to_dict()["rate_percent"]
        else:
            from saiken_cli.calc.rounding import percent_text

            rate_percent = percent_text(rate)
        running_from = first_on
    if remaining <= 0:
        raise ConflictError("the payments cover the whole principal: there is no running claim to state")
    tpl = templates.load("seikyu")
    version = tpl.on(on)
    values = {
        "amount": jtext.man_yen(remaining + fixed),
        "principal": jtext.man_yen(remaining),
        "from_date": jtext.wareki(running_from),
        "rate": rate_percent,
    }
    sentence = version.texts["claim_part" if fixed else "claim_running"]
    lines = [
        "１　" + templates.fill(sentence, values),
        "２　" + version.texts["costs"],
        version.texts["closing"],
    ]
    notes = []
    if fixed:
        notes.append(
            f"金{jtext.man_yen(remaining + fixed)}の内訳は、元本の残額{jtext.man_yen(remaining)}及び"
            f"{jtext.wareki(first_on)}から{jtext.wareki(to)}までの遅延損害金の未払額{jtext.man_yen(fixed)}です"
            + (f"(計算方式 {METHOD_JA.get(method, method)}、弁済は民法489条により損害金、元本の順に充当)。" if pays else f"(計算方式 {METHOD_JA.get(method, method)})。")
        )
    elif pays:
        notes.append("弁済により遅延損害金は完済され、残元本に対する遅延損害金のみを請求しています。")
    cites = [c.to_dict() for c in (*version.citations, *version.also)]
    return Claim(
        lines=lines, text="\n".join(lines) + "\n", amount_yen=remaining + fixed, principal_yen=remaining,
        fixed_damages_yen=fixed, damages_from=running_from, fixed_to=fixed_to, rate_percent=rate_percent,
        damages=payload, citations=cites, notes=notes,
    )
