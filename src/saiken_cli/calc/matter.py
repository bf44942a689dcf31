"""One debtor, every creditor: the figures of a matter from each debt's command results.

Pure: takes the ``--json`` payloads of ``damages``, ``jikou`` and ``kabarai`` for each debt
(computed by those commands, so a debt's figures are the single commands' answers) and of
``sashiosae`` for the income, and adds what only the whole matter shows:

- per debt: the balance owed on the 基準日 (残元本 + 未払利息 + 遅延損害金), the 引き直し
  balance in place of the claimed one when a 取引履歴 is given, whether the debt is
  time-barred and may be invoked, and the points that need a lawyer's eye;
- totals, the deadlines (soonest first) and the options: 任意整理 over 36 and 60 months,
  個人再生's minimum repayment, and what a wage garnishment would take.

Messages are data: ``{"code": …, "params": {…}}`` (params named by type, calc/messages.py);
the edge phrases them (catalogue/matter.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from saiken_cli import rules
from saiken_cli.calc import saisei
from saiken_cli.calc.jikou.analysis import REGIME_TERMS
from saiken_cli.calc.jikou.events import KIND_TERMS
from saiken_cli.errors import SaikenError

# 3: message params named by type (dates *_on / *_ons, terms *_msg: regime_msg, status_msg,
# event_msg), the states of prescription as matter.status_* terms
SCHEMA_VERSION = "3"


def msg(code: str, **params: Any) -> dict[str, Any]:
    return {"code": code, "params": params}


#: The state of a debt's prescription (jikou's ``status``) as a term (``status_msg``).
STATUS_TERMS: dict[str, dict[str, Any]] = {
    "completed": msg("matter.status_completed"),
    "running": msg("matter.status_running"),
    "suspended": msg("matter.status_suspended"),
}


def _regime(regime: str) -> dict[str, Any]:
    return REGIME_TERMS[regime].to_dict()


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def debt_figures(
    *,
    index: int,
    facts: dict[str, Any],
    inputs: dict[str, dict[str, Any]],
    claimed_principal_yen: int | None,
    claimed_interest_yen: int,
    as_of: date,
    damages: dict[str, Any] | None,
    jikou: dict[str, Any] | None,
    kabarai: dict[str, Any] | None,
) -> dict[str, Any]:
    """One row of the 債権者一覧表 with the command results it rests on."""
    flags: list[dict[str, Any]] = []
    assumptions: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []

    overpayment = None
    if kabarai is not None:
        basis = "recalculated"
        principal = kabarai["balance_yen"]
        interest = kabarai["unpaid_interest_yen"]
        assumptions.append(msg("matter.recalculated_balance", balance_yen=principal, claimed_yen=claimed_principal_yen,
                               source=kabarai["source"]))
        if claimed_interest_yen:
            assumptions.append(msg("matter.claimed_interest_replaced", claimed_yen=claimed_interest_yen, interest_yen=interest))
        if kabarai["overpayment_yen"] > 0:
            prescribed_on = _d(kabarai["prescription_date"])
            # the command's own verdict on the 基準日 (10 years from the series end; 5 years from
            # knowledge for what arose from 2020-04-01)
            status = {"barred": "completed", "new_law_part_barred": "partly_completed"}.get(kabarai["time_bar"], "running")
            overpayment = {
                "overpayment_yen": kabarai["overpayment_yen"],
                "interest_yen": kabarai["overpayment_interest_yen"],
                "claim_total_yen": kabarai["claim_total_yen"],
                "prescription_date": kabarai["prescription_date"],
                "status": status,
                "days_remaining": (prescribed_on - as_of).days if status == "running" and prescribed_on else None,
            }
            if status != "running":
                flags.append(msg("matter.overpayment_prescribed", prescribed_on=kabarai["prescription_date"]))
    else:
        basis = "claimed"
        principal = claimed_principal_yen or 0
        interest = claimed_interest_yen

    damages_yen = 0
    payments_yen = 0
    if damages is not None:
        principal = damages.get("remaining_principal_yen", damages["principal_yen"])
        damages_yen = damages.get("unpaid_damages_yen", damages["total_yen"])
        payments_yen = damages.get("payments_yen", 0)
        if "damages-rate" not in facts:
            assumptions.append(msg("matter.damages_rate_legal"))
        if payments_yen and interest:
            assumptions.append(msg("matter.payments_not_to_claimed_interest", interest_yen=interest))
    elif principal > 0:
        warnings.append(msg("matter.damages_not_computed"))
    total = principal + interest + damages_yen

    time_barred = False
    if jikou is not None:
        status = jikou["status"]
        if jikou["invocation_barred"]:
            flags.append(msg("matter.acknowledged_after_completion",
                             acknowledged_ons=[b["acknowledged_on"] for b in jikou["barred_completions"]]))
        if status == "suspended" or jikou["pending_proceedings"]:
            flags.append(msg("matter.proceeding_pending", proceedings=list(jikou["pending_proceedings"])))
        if "judgment-date" in facts:
            # the article that sets the period, as jikou chose it: 169条1項 (a judgment from
            # 2020-04-01), 旧174条の2第1項 (before), neither when the debt was not yet due
            # at the judgment (169条2項・旧174条の2第2項: its own period runs)
            period_code = (jikou.get("period_basis") or {}).get("code")
            judged = dict(judgment_on=facts["judgment-date"], period_years=jikou["period_years"])
            if period_code == "jikou.period_new_judgment":
                flags.append(msg("matter.judgment", **judged))
            elif period_code == "jikou.period_old_judgment":
                flags.append(msg("matter.judgment_old_law", **judged))
            else:
                flags.append(msg("matter.judgment_debt_not_due", **judged))
        for reading in jikou["readings"]:
            if reading["status"] != status or reading["completion_date"] != jikou["completion_date"]:
                flags.append(msg("matter.reading_in_dispute", regime_msg=_regime(reading["regime"]),
                                 completion_on=reading["completion_date"], status_msg=STATUS_TERMS[reading["status"]]))
        closed = jikou["holiday"]["completion_day_closed"]
        if closed and status == "running":
            flags.append(msg("matter.completion_on_closed_day", completion_on=jikou["completion_date"], closed_msg=closed))
        time_barred = status == "completed" and not jikou["invocation_barred"] and total > 0
        if time_barred:
            notes.append(msg("matter.may_invoke", invocable_on=jikou["invocable_from"]))
        if "acceleration-date" not in facts and "due-date" not in facts and "judgment-date" not in facts:
            warnings.append(msg("matter.start_from_last_payment"))
    elif total > 0:
        warnings.append(msg("matter.jikou_not_computed"))
    elif kabarai is not None:
        notes.append(msg("matter.nothing_owed_after_recalculation"))
    if inputs.get("jikou", {}).get("event") and "payment" in facts:
        assumptions.append(msg("matter.payments_acknowledge"))

    return {
        "index": index,
        "table": f"[[debt]] #{index}",
        "creditor": facts.get("creditor", ""),
        "creditor_address": facts.get("creditor-address"),
        "original_creditor": facts.get("original-creditor"),
        "account_number": facts.get("account-number"),
        "note": facts.get("note"),
        "facts": facts,
        "inputs": inputs,
        "basis": basis,
        "claimed_principal_yen": claimed_principal_yen,
        "claimed_interest_yen": claimed_interest_yen,
        "principal_yen": principal,
        "interest_yen": interest,
        "damages_yen": damages_yen,
        "payments_yen": payments_yen,
        "total_owed_yen": total,
        "time_barred": time_barred,
        "overpayment": overpayment,
        "damages": damages,
        "jikou": jikou,
        "kabarai": kabarai,
        "flags": flags,
        "assumptions": assumptions,
        "notes": notes,
        "warnings": warnings,
    }


def _deadlines(debts: list[dict[str, Any]], as_of: date) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def add(on: str | None, d: dict[str, Any], message: dict[str, Any]) -> None:
        """A deadline on ``on``; its kind is the last part of the message's code."""
        day = _d(on)
        if day is None or day < as_of:
            return
        message["params"] = {"on": on, **message["params"]}
        out.append({"date": on, "days_remaining": (day - as_of).days, "debt": d["index"], "creditor": d["creditor"],
                    "kind": message["code"].rpartition(".")[2], "message": message})

    for d in debts:
        j = d["jikou"]
        if j is not None and j["status"] == "running" and d["total_owed_yen"] > 0:
            last = j["events"][-1] if j["events"] else None
            suspended = last is not None and last["kind"] in ("saikoku", "kyogi") and last["completion_after"] == j["completion_date"]
            if suspended:
                add(j["completion_date"], d, msg("matter.deadline.suspension_end", invocable_on=j["invocable_from"],
                                                 event_msg=KIND_TERMS[last["kind"]].to_dict()))
            else:
                add(j["completion_date"], d, msg("matter.deadline.jikou_completion", invocable_on=j["invocable_from"]))
            for r in j["readings"]:
                if r["status"] == "running" and r["completion_date"] != j["completion_date"]:
                    add(r["completion_date"], d, msg("matter.deadline.reading_completion", regime_msg=_regime(r["regime"])))
        k = d["kabarai"]
        if k is not None and d["overpayment"] is not None:
            for s in k["series"]:
                if s["overpayment_yen"] > 0:
                    add(s["prescription_date"], d, msg("matter.deadline.overpayment_prescription", series=s["index"],
                                                       claim_yen=s["overpayment_yen"] + s["overpayment_interest_yen"]))
                    if s.get("subjective_prescription_date"):  # 5 years from knowledge (民法166条1項1号)
                        add(s["subjective_prescription_date"], d, msg("matter.deadline.overpayment_prescription_known",
                                                                      series=s["index"], part_yen=s["new_law_overpayment_yen"]))
    out.sort(key=lambda x: (x["date"], x["debt"], x["kind"]))
    return out


def _included(d: dict[str, Any], include_barred: bool) -> bool:
    return d["total_owed_yen"] > 0 and (include_barred or not d["time_barred"])


def nin_i_months() -> tuple[int, int]:
    """The practice's 36 and 60 installments, from the 任意整理 row of the saisei rules table."""
    row = rules.load(saisei.TABLE_ID).only("nin_i")
    return row["months"], row["max_months"]


def _nin_i(debts: list[dict[str, Any]], include_barred: bool, base: str) -> dict[str, Any]:
    rows = []
    months_shown = nin_i_months()
    monthly = {m: 0 for m in months_shown}
    warnings: list[dict[str, Any]] = []
    for d in debts:
        if not _included(d, include_barred):
            continue
        amount = d["total_owed_yen"] if base == "total" else d["principal_yen"]
        if amount <= 0:
            continue
        schedules = {}
        for months in months_shown:
            sched, _ = saisei.installments(amount, months)
            schedules[str(months)] = sched.to_dict()
            monthly[months] += sched.regular_yen
        rows.append({"debt": d["index"], "creditor": d["creditor"], "balance_yen": amount, "schedules": schedules})
    assumptions = [msg("matter.nin_i.future_interest_cut"),
                   msg("matter.nin_i.base_total") if base == "total" else msg("matter.nin_i.base_principal"),
                   msg("matter.nin_i.practice")]
    if not include_barred:
        assumptions.append(msg("matter.barred_excluded"))
    return {
        "base": base,
        "creditors": rows,
        "balance_yen": sum(r["balance_yen"] for r in rows),
        "monthly_total_yen": {str(m): v for m, v in monthly.items()},
        "assumptions": assumptions,
        "warnings": warnings,
    }


def _saisei(debts: list[dict[str, Any]], include_barred: bool, liquidation_value_yen: int | None = None,
            disposable_income_yen: int | None = None) -> dict[str, Any]:
    base = sum(d["total_owed_yen"] for d in debts if _included(d, include_barred))
    assumptions = [msg("matter.saisei.base")]
    assumptions.append(msg("matter.barred_excluded") if not include_barred else msg("matter.barred_included"))
    out: dict[str, Any] = {"debt_yen": base, "available": False, "minimum_repayment_yen": None,
                           "plan_total_yen": None, "monthly_36_yen": None, "monthly_60_yen": None,
                           "result": None, "assumptions": assumptions, "notes": []}
    if base <= 0:
        out["notes"].append(msg("matter.saisei.nothing_owed"))
        return out
    try:
        r = saisei.compute(saisei.SaiseiInput(debt_yen=base, liquidation_value_yen=liquidation_value_yen,
                                              disposable_income_yen=disposable_income_yen)).to_dict()
    except SaikenError:
        out["notes"].append(msg("matter.saisei.over_limit", debt_yen=base))
        return out
    out.update(available=True, minimum_repayment_yen=r["minimum_repayment_yen"], plan_total_yen=r["plan_total_yen"],
               monthly_36_yen=r["monthly_36_yen"], monthly_60_yen=r["monthly_60_yen"], result=r)
    return out


def _garnishment(g: dict[str, Any] | None, owed_yen: int) -> dict[str, Any] | None:
    if g is None:
        return None
    per = g["garnishable_yen"]
    times = -(-owed_yen // per) if per > 0 and owed_yen > 0 else None
    return {
        "garnishable_yen": per,
        "protected_yen": g["protected_yen"],
        "net_yen": g["net_yen"],
        "period": g["period"],
        "payments_to_cover": times,
        "result": g,
        "notes": [msg("matter.garnishment.cover", owed_yen=owed_yen, payments_count=times, period=g["period"])] if times else [],
    }


def summarise(
    *,
    case: dict[str, Any],
    as_of: date,
    debts: list[dict[str, Any]],
    garnishment: dict[str, Any] | None,
    include_barred: bool,
    nin_i_base: str,
    file_warnings: list[dict[str, Any]],
    liquidation_value_yen: int | None = None,
    disposable_income_yen: int | None = None,
) -> dict[str, Any]:
    """The whole matter: debts, totals, deadlines, options."""
    barred = sum(d["total_owed_yen"] for d in debts if d["time_barred"])
    owed = sum(d["total_owed_yen"] for d in debts)
    over = [d["overpayment"] for d in debts if d["overpayment"] is not None]
    totals = {
        "creditors": len(debts),
        "principal_yen": sum(d["principal_yen"] for d in debts),
        "interest_yen": sum(d["interest_yen"] for d in debts),
        "damages_yen": sum(d["damages_yen"] for d in debts),
        "total_owed_yen": owed,
        "time_barred_yen": barred,
        "not_time_barred_yen": owed - barred,
        "overpayment_yen": sum(o["overpayment_yen"] for o in over),
        "overpayment_interest_yen": sum(o["interest_yen"] for o in over),
        "overpayment_claim_yen": sum(o["claim_total_yen"] for o in over if o["status"] != "completed"),
    }
    exposure_base = sum(d["total_owed_yen"] for d in debts if _included(d, include_barred))
    return {
        "schema_version": SCHEMA_VERSION,
        "command": "report",
        "kind": "matter",
        "case": case,
        "include_barred": include_barred,
        "debts": debts,
        "totals": totals,
        "deadlines": _deadlines(debts, as_of),
        "options": {"nin_i": _nin_i(debts, include_barred, nin_i_base), "saisei": _saisei(debts, include_barred, liquidation_value_yen, disposable_income_yen)},
        "garnishment": _garnishment(garnishment, exposure_base),
        "warnings": file_warnings,
    }
