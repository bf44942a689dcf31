"""消滅時効: which law (附則10条) and which period — the regime and period selection.

:func:`select_regime` says old or new law and why (both readings where the facts do not
decide); :func:`old_law_period` (商事5年 / 民事10年 / 旧170–174条 short periods / 判決10年) and
:func:`new_law_period` (166条1項, 169条) give the period with its rule rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from saiken_cli import rules
from saiken_cli.rules import Row

#: --creditor values (rules/data/creditor_types.toml keys) and their aliases.
CREDITORS = ("company", "guarantor", "shinkin", "shinkumi", "cooperative", "hoshou_kyokai", "jhf", "individual")
CREDITOR_ALIASES: dict[str, str] = {
    **{c: c for c in CREDITORS},
    "hoshou-kyokai": "hoshou_kyokai",
    "kaisha": "company", "bank": "company", "株式会社": "company", "銀行": "company", "消費者金融": "company",
    "カード会社": "company", "サービサー": "company",
    "保証会社": "guarantor",
    "信用金庫": "shinkin", "信用組合": "shinkumi",
    "農協": "cooperative", "労働金庫": "cooperative", "商工中金": "cooperative",
    "信用保証協会": "hoshou_kyokai",
    "住宅金融支援機構": "jhf", "住宅金融公庫": "jhf",
    "個人": "individual",
}

#: --claim-type values → old-law short-period keys of prescription_periods (None: ordinary).
CLAIM_TYPES: dict[str, str | None] = {
    "loan": None,
    "teiki": "old_169",
    "ishi": "old_170_1",
    "koji": "old_170_2",
    "bengoshi": "old_172",
    "shohin": "old_173_1",
    "seisaku": "old_173_2",
    "kyoiku": "old_173_3",
    "roryoku": "old_174_2",
    "unchin": "old_174_3",
    "inshoku": "old_174_4",
    "sonryo": "old_174_5",
}



@dataclass(frozen=True)
class PeriodChoice:
    years: int
    key: str
    rows: tuple[Row, ...]
    reason: str
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegimeChoice:
    regime: str  # "old" | "new"
    reason: str
    anchor_on: date
    alternative: str | None = None  # the other reading, when the facts do not decide
    alternative_reason: str | None = None
    prefer_later: bool = False  # facts undecided: report the reading that completes later
    assumptions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()



# --------------------------------------------------------------------------------------
# Period: old law and new law (sibling functions)


def old_law_period(
    anchor_on: date,
    *,
    creditor: str,
    debtor_merchant: bool,
    claim_type: str | None,
    judgment: bool,
) -> PeriodChoice:
    """The old-law period (附則10条4項): 判決10年, a short period (旧169–174), 商事5年 or 民事10年."""
    periods = rules.load("prescription_periods")
    if judgment:
        row = periods.row_on(anchor_on, "old_judgment")
        return PeriodChoice(row.value, "old_judgment", (row,), f"{row.label} / right fixed by judgment: {row.value} years (old art. 174-2)")
    short_key = CLAIM_TYPES.get(claim_type or "loan")
    if short_key:
        row = periods.row_on(anchor_on, short_key)
        return PeriodChoice(
            row.value,
            short_key,
            (row,),
            f"{row.label} / old short period: {row.value} years",
            notes=(
                "短期消滅時効の起算点は各号の定める時 (例: 工事終了時・事件終了時): その日を --due-date に / "
                "the short period runs from the point its article names: give that day as --due-date",
            ),
            warnings=(
                f"旧法の短期消滅時効 ({row.label}) を適用 — status {row.status}: 条文の原文で確認を / "
                f"old short period applied (status {row.status}): confirm against the original text",
            ),
        )
    ctype = rules.load("creditor_types").row_on(anchor_on, creditor)
    commercial = ctype["commercial"] == "yes" or (debtor_merchant and ctype["merchant_borrower"] == "yes")
    key = "old_commercial" if commercial else "old_civil"
    row = periods.row_on(anchor_on, key)
    if ctype["commercial"] == "yes":
        why_ja, why_en = f"債権者 {ctype.label} の貸付は商行為", "the lender's loan is a commercial act"
    elif commercial:
        why_ja, why_en = f"借主が商人 (商法3条1項) — 債権者 {ctype.label} は商人でないが商事", "the borrower is a merchant"
    else:
        why_ja, why_en = f"債権者 {ctype.label} は商人でなく借主も商人でない", "neither lender nor borrower is a merchant"
    warnings: list[str] = []
    if ctype.status in ("UNVERIFIED", "INTERPRETATION"):
        warnings.append(
            f"債権者の種別 {ctype.label}: {ctype.status} — {ctype.note or ''} / creditor classification is {ctype.status}"
        )
    notes: tuple[str, ...] = ()
    if key == "old_commercial":
        notes = (
            "旧商法522条 (商事5年) を施行日前の債権に引き続き適用する整備法 (平成29年法律第45号) の経過措置は原文未確認 "
            "(UNVERIFIED) / the 整備法 transitional rule keeping old Commercial Code art. 522 "
            "was not read (UNVERIFIED)",
        )
    return PeriodChoice(
        row.value,
        key,
        (row, ctype),
        f"{row.label}: {why_ja} / {'commercial' if commercial else 'civil'} claim, {row.value} years: {why_en}",
        notes=notes,
        warnings=tuple(warnings),
    )


def new_law_period(anchor_on: date, *, claim_type: str | None, judgment: bool) -> PeriodChoice:
    """The new-law period: 169条 (judgment) 10 years, else 166条1項 (5 from knowledge / 10 from exercisability)."""
    periods = rules.load("prescription_periods")
    if judgment:
        row = periods.row_on(anchor_on, "new_judgment")
        return PeriodChoice(row.value, "new_judgment", (row,), f"{row.label} (169条1項) / {row.value} years")
    subj = periods.row_on(anchor_on, "new_subjective")
    obj = periods.row_on(anchor_on, "new_objective")
    notes = [
        f"166条1項: 主観的起算点から{subj.value}年 / 客観的起算点から{obj.value}年のいずれか早い方。貸金では債権者は弁済期を"
        f"知っているので両起算点は一致し{subj.value}年が先に満了する / loans: both starting points coincide, so the "
        f"{subj.value}-year limb ends first",
    ]
    if claim_type and CLAIM_TYPES.get(claim_type):
        notes.append(
            "新法では短期消滅時効 (旧170–174条) は廃止: --claim-type は新法の債権には適用されない / "
            "the old short periods were abolished: --claim-type does not apply to a new-law claim"
        )
    return PeriodChoice(
        subj.value,
        "new_subjective",
        (subj, obj),
        f"{subj.label} (166条1項1号) / {subj.value} years from knowledge",
        notes=tuple(notes),
    )


# --------------------------------------------------------------------------------------
# Regime: 附則10条


def select_regime(
    *, contract_on: date | None, earliest_fact: tuple[date, str], subrogation: bool, cutover: date
) -> RegimeChoice:
    """Old or new law under 附則10条1項・4項, with the reason; both readings when undecided."""
    first_on, first_flag = earliest_fact
    cut = cutover.isoformat()
    if contract_on is not None:
        if contract_on < cutover:
            reason = (
                f"契約日 (原因である法律行為) {contract_on.isoformat()} が施行日 {cut} より前 → 旧法 (附則10条1項括弧書・4項) / "
                f"the contract predates {cut}: old law"
            )
            if subrogation and first_on >= cutover:
                return RegimeChoice(
                    "old", reason, contract_on,
                    alternative="new",
                    alternative_reason=(
                        f"代位弁済 (求償権の発生) は施行日以後: 保証委託契約を原因行為と見なければ新法 / "
                        f"the right of reimbursement arose after {cut}: new law if the guarantee contract is not its cause"
                    ),
                    warnings=(
                        "求償権: 施行日前の保証委託契約を附則10条1項の「原因である法律行為」とみて旧法を適用 (saikenの解釈: "
                        "INTERPRETATION)。新法による読みを readings に表示 / the pre-2020 guarantee contract is read as the "
                        "cause of the right of reimbursement (INTERPRETATION); the new-law reading is shown in readings",
                    ),
                )
            notes: tuple[str, ...] = ()
            if first_on >= cutover:
                notes = (
                    "リボ・カードローン等で施行日前の基本契約に基づき施行日以後に借入れた部分は、個々の借入れが「原因である法律行為」"
                    "として新法になるとの見解がある (附則10条1項; UNVERIFIED) / revolving draws after 2020-04-01 under an "
                    "older framework contract may fall under the new law (UNVERIFIED)",
                )
            return RegimeChoice("old", reason, contract_on, notes=notes)
        return RegimeChoice(
            "new",
            f"契約日 {contract_on.isoformat()} が施行日 {cut} 以後 → 債権も施行日以後に発生: 新法 / the contract is on or after {cut}: new law",
            max(first_on, cutover),
        )
    if first_on < cutover:
        return RegimeChoice(
            "old",
            f"{first_flag} {first_on.isoformat()} が施行日 {cut} より前 → 債権は施行日前に発生: 旧法 (附則10条1項・4項) / "
            f"{first_flag} predates {cut}, so the claim arose before it: old law",
            first_on,
            assumptions=(
                f"契約日不明: {first_flag} {first_on.isoformat()} から債権が施行日前に生じていたと推定 / contract date not "
                f"given: the claim existed on {first_on.isoformat()}, before {cut}",
            ),
        )
    return RegimeChoice(
        "new",
        f"すべての事実が施行日 {cut} 以後で契約日不明: 契約も施行日以後なら新法 / every fact is on or after {cut} and the "
        f"contract date is unknown: new law if the contract is too",
        first_on,
        alternative="old",
        alternative_reason=(
            f"契約 (原因である法律行為) が施行日 {cut} より前なら旧法 (附則10条1項括弧書) / old law if the contract predates {cut}"
        ),
        prefer_later=True,
        assumptions=(
            "契約日不明のため新旧いずれの法が適用されるか推定できない: 満了の遅い読みを表示し、他方を readings に表示 / "
            "the contract date decides the regime and is unknown: the later-completing reading is shown, the other in readings",
        ),
    )
