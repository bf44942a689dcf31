"""`saiken jikou`: golden cases from rules-reference §4.8 / §10 (items 4-1 … 4-18) and §9,
both sides of 2020-04-01 (contract date, claim date, event date), and each event kind.

Every expected date is the reference's (or computed by hand from 民法140・143条 as noted).
"""

from datetime import date

import pytest

from saiken_cli.calc.periods import period_end

AS_OF = "2025-01-01"


def codes(items):
    """The message codes of a list of items."""
    return [m["code"] for m in items]


def texts(items):
    """The Japanese texts of a list of message items (--json's default language)."""
    return [m["text"] for m in items]


def jikou(cli, *args, as_of=AS_OF):
    r = cli("jikou", *args, "--as-of", as_of, "--json")
    assert r.exit_code == 0, r.stderr
    return r.json()


# --- §4.8 / §10 worked examples -------------------------------------------------------------

def test_ref_4_1_last_payment_2019_05_01_old_law_commercial_5_years(cli):
    # ref 4-1 (COMPUTED 140/143) and 4-4 (card loan from a 株式会社, pre-2020: 商事5年)
    out = jikou(cli, "--last-payment", "2019-05-01")
    assert out["completion_date"] == "2024-05-01"
    assert out["invocable_from"] == "2024-05-02"
    assert out["regime"] == "old"
    assert out["period_years"] == 5
    assert out["status"] == "completed"
    assert out["starting_point"] == {"date": "2019-05-01", "fact": "--last-payment", "first_counted_day": "2019-05-02"}
    # the practitioners' shortcut is flagged as the earliest possible date (§4.6, §9.4)
    assert "jikou.last_payment_shortcut" in codes(out["notes"])


def test_ref_4_2_and_4_4_shinkin_10_years(cli):
    # ref 4-2 / 4-4 / 10 4-5: 信用金庫 → not a 商人 (最判昭63.10.18) → 10 years, end of 2029-05-01
    out = jikou(cli, "--last-payment", "2019-05-01", "--creditor", "shinkin")
    assert (out["completion_date"], out["invocable_from"], out["regime"], out["period_years"]) == (
        "2029-05-01", "2029-05-02", "old", 10)
    assert out["status"] == "running"
    assert out["days_remaining"] == (date(2029, 5, 1) - date(2025, 1, 1)).days
    assert any(c.get("case") == "最判昭和63年10月18日" for c in out["citations"])


def test_ref_4_3_strict_rule_next_installment(cli):
    # ref 4-3: next installment due 2019-06-01 missed → bars at the end of 2024-06-01
    out = jikou(cli, "--due-date", "2019-06-01")
    assert out["completion_date"] == "2024-06-01"
    # with the last payment too, the due date after it is the starting point
    out = jikou(cli, "--last-payment", "2019-05-01", "--due-date", "2019-06-01")
    assert out["completion_date"] == "2024-06-01"
    assert out["starting_point"]["fact"] == "--due-date"
    assert out["events"] == []


@pytest.mark.parametrize(
    "creditor, merchant, years, source",
    [
        ("company", False, 5, "ref 10 4-4 card loan from a KK"),
        ("shinkin", False, 10, "ref 10 4-5 最判昭63.10.18"),
        ("shinkumi", True, 5, "ref 10 4-6 最判昭48.10.5 merchant borrower"),
        ("shinkumi", False, 10, "ref §4.3 信用組合 consumer"),
        ("jhf", False, 10, "ref §4.3 住宅金融支援機構"),
        ("individual", False, 10, "ref §4.3 最判昭44.5.2"),
        ("guarantor", False, 5, "ref §4.3 保証会社の求償権"),
        ("cooperative", False, 10, "ref §4.3 農協・労金"),
        ("shinkin", True, 5, "ref §4.3 any lender, merchant borrower"),
    ],
)
def test_ref_4_3_creditor_classes_under_old_law(cli, creditor, merchant, years, source):
    args = ["--due-date", "2016-07-01", "--contract-date", "2016-06-01", "--creditor", creditor]
    if merchant:
        args.append("--debtor-merchant")
    out = jikou(cli, *args)
    assert out["regime"] == "old", source
    assert out["period_years"] == years, source
    assert out["completion_date"] == ("2021-07-01" if years == 5 else "2026-07-01"), source


def test_ref_10_4_7_contract_after_reform_new_law_5_years(cli):
    # ref 10 4-7: contract 2021-05-01 → new law; 5 years subjective / 10 years objective
    out = jikou(cli, "--due-date", "2021-06-01", "--contract-date", "2021-05-01", "--creditor", "shinkin")
    assert (out["regime"], out["period_years"], out["completion_date"]) == ("new", 5, "2026-06-01")
    assert any("166条1項" in n for n in texts(out["notes"]))
    assert out["readings"] == []


@pytest.mark.parametrize(
    "event_on, end, source",
    [
        ("2020-02-28", "2025-02-28", "ref 4-5 (143条2項ただし書: no 2025-02-29)"),
        ("2020-02-29", "2025-02-28", "ref 4-7 / 10 4-10"),
        ("2019-02-28", "2024-02-29", "calc/periods.py docstring: 応当日 2024-03-01"),
        ("2020-04-01", "2025-04-01", "ref §9.2 off-by-one"),
    ],
)
def test_ref_period_arithmetic(cli, event_on, end, source):
    out = jikou(cli, "--last-payment", event_on, as_of="2030-01-01")
    assert out["completion_date"] == end, source
    d = date.fromisoformat(end)
    assert out["invocable_from"] == date.fromordinal(d.toordinal() + 1).isoformat()


def test_ref_4_11_acknowledgment_new_law(cli):
    # ref 4-11 / 10 4-14: partial payment (承認) 2022-10-20, new-law claim → 2027-10-20 (152条)
    out = jikou(cli, "--due-date", "2021-06-01", "--contract-date", "2021-05-01", "--event", "2022-10-20:承認")
    assert (out["regime"], out["completion_date"]) == ("new", "2027-10-20")
    assert out["events"][0]["kind"] == "shounin"
    assert out["events"][0]["completion_after"] == "2027-10-20"
    # the same through --last-payment (a payment after the due date is an acknowledgment)
    out = jikou(cli, "--due-date", "2021-06-01", "--contract-date", "2021-05-01", "--last-payment", "2022-10-20")
    assert out["completion_date"] == "2027-10-20"
    assert out["events"][0]["source"] == "--last-payment"


def test_ref_4_14_acknowledgment_after_completion_bars_invocation(cli):
    # ref 4-14 / 10 4-17: barred 2024-06-01, pays 5,000 on 2024-09-01 → 援用 not allowed (最判昭41.4.20);
    # a new period runs from the acknowledgment (最判昭45.5.21) and completion_date reports it
    r = cli("jikou", "--due-date", "2019-06-01", "--event", "2024-09-01:shounin", "--as-of", AS_OF, "--json")
    out = r.json()
    assert out["invocation_barred"] is True
    assert out["barred_completions"] == [{"completed_on": "2024-06-01", "acknowledged_on": "2024-09-01"}]
    assert out["completion_date"] == "2029-09-01"
    assert out["status"] == "running"
    assert any("最大判昭和41年4月20日" in w for w in texts(out["warnings"]))
    assert "最大判昭和41年4月20日" in r.stderr
    labels = {c["label"] for c in out["citations"]}
    assert {"最大判昭和41年4月20日 民集20巻4号702頁", "最判昭和45年5月21日"} <= labels


def test_ref_4_18_generic_two_months():
    # ref 4-18 (mc-law.jp): 2023-07-06 "from today, 2 months" → ends 2023-09-06
    assert period_end(date(2023, 7, 6), months=2) == date(2023, 9, 6)


def test_judgment_date_10_years_old_and_new(cli):
    # 旧174条の2 / 169条1項: 10 years from 確定
    out = jikou(cli, "--judgment-date", "2019-05-01")
    assert (out["regime"], out["period_years"], out["completion_date"]) == ("old", 10, "2029-05-01")
    out = jikou(cli, "--judgment-date", "2021-05-01", "--contract-date", "2020-06-01")
    assert (out["regime"], out["period_years"], out["completion_date"]) == ("new", 10, "2031-05-01")
    # a payment after the judgment renews the 10-year period
    out = jikou(cli, "--judgment-date", "2015-05-01", "--last-payment", "2019-05-01")
    assert (out["period_years"], out["completion_date"]) == (10, "2029-05-01")


def test_subrogation_guarantor(cli):
    # §4.3/§4.6: 求償権 runs from 代位弁済; 保証会社 (KK) → 5 years under the old law
    out = jikou(cli, "--subrogation-date", "2019-03-15", "--creditor", "guarantor")
    assert (out["regime"], out["period_years"], out["completion_date"]) == ("old", 5, "2024-03-15")


def test_subrogation_after_reform_with_old_guarantee_contract_shows_both_readings(cli):
    # §4.4-2 INTERPRETATION: pre-2020 保証委託契約 → old law; new-law reading shown
    out = jikou(cli, "--subrogation-date", "2020-06-15", "--contract-date", "2018-01-10", "--creditor", "hoshou-kyokai")
    assert (out["regime"], out["period_years"], out["completion_date"]) == ("old", 10, "2030-06-15")
    assert [(r["regime"], r["completion_date"]) for r in out["readings"]] == [("new", "2025-06-15")]
    assert any("INTERPRETATION" in w for w in texts(out["warnings"]))
    assert any("UNVERIFIED" in w for w in texts(out["warnings"]))  # 信用保証協会 nuances


def test_old_short_periods_by_claim_type(cli):
    # 旧173条1号: 2 years; 旧174条4号: 1 year; 旧170条1号: 3 years
    assert jikou(cli, "--due-date", "2019-05-01", "--claim-type", "shohin")["completion_date"] == "2021-05-01"
    assert jikou(cli, "--due-date", "2019-05-01", "--claim-type", "inshoku")["completion_date"] == "2020-05-01"
    out = jikou(cli, "--due-date", "2019-05-01", "--claim-type", "ishi")
    assert (out["period_years"], out["completion_date"]) == (3, "2022-05-01")
    # a judgment overrides a short period (旧174条の2)
    assert jikou(cli, "--judgment-date", "2019-05-01", "--claim-type", "shohin")["period_years"] == 10
    # the new law abolished them
    out = jikou(cli, "--due-date", "2021-05-01", "--contract-date", "2021-01-01", "--claim-type", "shohin")
    assert out["period_years"] == 5 and "jikou.short_periods_abolished" in codes(out["notes"])


# --- 2020-04-01 on both sides ---------------------------------------------------------------

def test_contract_date_boundary(cli):
    day_before = jikou(cli, "--due-date", "2021-06-01", "--contract-date", "2020-03-31", "--creditor", "shinkin")
    day_of = jikou(cli, "--due-date", "2021-06-01", "--contract-date", "2020-04-01", "--creditor", "shinkin")
    assert (day_before["regime"], day_before["completion_date"]) == ("old", "2031-06-01")
    assert (day_of["regime"], day_of["completion_date"]) == ("new", "2026-06-01")
    assert "附則10条" in day_before["reason"]["text"]


def test_claim_date_boundary_without_contract_date(cli):
    # a due date before 2020-04-01: the claim arose before → old law (inferred, recorded)
    before = jikou(cli, "--due-date", "2020-03-31", "--creditor", "shinkin")
    assert (before["regime"], before["completion_date"], before["readings"]) == ("old", "2030-03-31", [])
    assert "jikou.claim_arose_before_reform_assumed" in codes(before["assumptions"])
    # on 2020-04-01 the contract date could be either side: both readings, the later first, a warning
    r = cli("jikou", "--due-date", "2020-04-01", "--creditor", "shinkin", "--as-of", AS_OF, "--json")
    on = r.json()
    assert (on["regime"], on["completion_date"]) == ("old", "2030-04-01")
    assert [(x["regime"], x["completion_date"], x["period_years"]) for x in on["readings"]] == [("new", "2025-04-01", 5)]
    assert "jikou.readings_differ" in codes(on["warnings"])
    assert "契約日の入力で確定を" in r.stderr  # names the fact to give (Japanese: no flag names)


def test_undecided_regime_same_result_is_a_note_not_a_warning(cli):
    out = jikou(cli, "--due-date", "2020-04-01")  # company: old 商事5年 = new 5年
    assert out["completion_date"] == "2025-04-01"
    assert len(out["readings"]) == 1 and out["readings"][0]["completion_date"] == "2025-04-01"
    assert "jikou.readings_differ" not in codes(out["warnings"])
    assert "jikou.readings_agree" in codes(out["notes"])


# An old-law company claim completing at the end of 2020-06-01 (last payment 2015-06-01).
OLD = ("--last-payment", "2015-06-01")


def test_event_date_boundary_agreement(cli):
    # 附則10条3項: an agreement to negotiate before 2020-04-01 has no effect; from then 151条
    before = jikou(cli, *OLD, "--event", "2020-03-31:kyogi")
    on = jikou(cli, *OLD, "--event", "2020-04-01:協議合意")
    assert before["completion_date"] == "2020-06-01"
    assert "附則10条3項" in before["events"][0]["effect"]["text"]
    assert on["completion_date"] == "2021-04-01"


def test_event_date_boundary_demand(cli):
    # old 催告 (旧153条): no effect without a lawsuit within 6 months; new 催告 (150条): 6 months
    before = jikou(cli, *OLD, "--event", "2020-03-31:saikoku")
    on = jikou(cli, *OLD, "--event", "2020-04-01:saikoku")
    assert before["completion_date"] == "2020-06-01"
    assert "旧153条" in before["events"][0]["effect"]["text"]
    assert on["completion_date"] == "2020-10-01"


def test_old_demand_followed_by_lawsuit_within_six_months(cli):
    # 旧153条: period_end(2020-03-31, 6 months) = 2020-09-30 — a suit that day is in time
    inside = jikou(cli, *OLD, "--event", "2020-03-31:saikoku", "--event", "2020-09-30:teiso")
    assert inside["status"] == "suspended" and inside["completion_date"] is None
    assert inside["pending_proceedings"] == ["teiso"]
    judged = jikou(cli, *OLD, "--event", "2020-03-31:saikoku", "--event", "2020-09-30:teiso",
                   "--event", "2021-03-01:hanketsu")
    assert (judged["completion_date"], judged["period_years"]) == ("2031-03-01", 10)
    late = jikou(cli, *OLD, "--event", "2020-03-31:saikoku", "--event", "2020-10-01:teiso")
    assert late["completion_date"] == "2020-06-01" and late["status"] == "completed"
    assert "完成済み" in late["events"][1]["effect"]["text"]


def test_old_acknowledgment_interrupts_like_renewal(cli):
    out = jikou(cli, "--last-payment", "2016-01-10", "--event", "2019-12-01:承認")
    assert out["completion_date"] == "2024-12-01"
    assert "中断" in out["events"][0]["effect"]["text"]


# --- events under the new law ---------------------------------------------------------------

NEW = ("--due-date", "2021-05-01", "--contract-date", "2021-01-01")  # completes 2026-05-01
LATE = "2030-01-01"


def test_demand_suspends_six_months_from_the_demand_not_from_completion(cli):
    # §9.1: 6 months counted from the 催告
    out = jikou(cli, *NEW, "--event", "2026-03-01:saikoku", as_of=LATE)
    assert out["completion_date"] == "2026-09-01"


def test_second_demand_during_suspension_has_no_effect(cli):
    out = jikou(cli, *NEW, "--event", "2026-03-01:催告", "--event", "2026-08-01:催告", as_of=LATE)
    assert out["completion_date"] == "2026-09-01"
    assert "150条2項" in out["events"][1]["effect"]["text"]


def test_demand_after_completion_has_no_effect(cli):
    out = jikou(cli, *NEW, "--event", "2026-05-02:saikoku", as_of=LATE)
    assert out["completion_date"] == "2026-05-01"
    # on the last day itself it still counts (completion is at the end of the day)
    assert jikou(cli, *NEW, "--event", "2026-05-01:saikoku", as_of=LATE)["completion_date"] == "2026-11-01"


def test_agreement_variants(cli):
    assert jikou(cli, *NEW, "--event", "2026-04-01:kyogi", as_of=LATE)["completion_date"] == "2027-04-01"
    assert jikou(cli, *NEW, "--event", "2026-04-01:kyogi:6m", as_of=LATE)["completion_date"] == "2026-10-01"
    assert jikou(cli, *NEW, "--event", "2026-04-01:kyogi:60日", as_of=LATE)["completion_date"] == "2026-05-31"
    refused = jikou(cli, *NEW, "--event", "2026-04-01:kyogi", "--event", "2026-06-01:kyozetsu", as_of=LATE)
    assert refused["completion_date"] == "2026-12-01"
    # an agreement after a 催告 but before the would-be completion 2026-05-01 keeps its effect (the drafters'
    # reading, 一問一答 Q25 注); the literal reading (void under 151条3項) is in readings
    before_completion = jikou(cli, *NEW, "--event", "2026-03-01:saikoku", "--event", "2026-04-01:kyogi", as_of=LATE)
    assert before_completion["completion_date"] == "2027-04-01"
    assert [r["completion_date"] for r in before_completion["readings"]] == ["2026-09-01"]
    literal = jikou(cli, *NEW, "--event", "2026-03-01:saikoku", "--event", "2026-04-01:kyogi", "--suspension-reading",
                    "literal", as_of=LATE)
    assert literal["completion_date"] == "2026-09-01"
    assert "151条3項" in literal["events"][1]["effect"]["text"]
    during_demand = jikou(cli, *NEW, "--event", "2026-03-01:saikoku", "--event", "2026-05-02:kyogi", as_of=LATE)
    assert during_demand["completion_date"] == "2026-09-01"
    assert "151条3項" in during_demand["events"][1]["effect"]["text"]


def test_agreements_capped_at_five_years(cli):
    # 151条2項: renewed agreements may not reach past 5 years from the would-be completion 2026-05-01
    events = ["2026-04-01", "2027-03-01", "2028-02-01", "2029-01-01", "2029-12-01", "2030-11-01"]
    args = [a for d in events for a in ("--event", f"{d}:kyogi")]
    out = jikou(cli, *NEW, *args, as_of="2032-01-01")
    assert out["completion_date"] == "2031-05-01"
    assert "151条2項" in out["events"][-1]["effect"]["text"]


def test_lawsuit_pending_withdrawn_and_judged(cli):
    pending = jikou(cli, *NEW, "--event", "2026-04-01:teiso", as_of="2027-01-01")
    assert (pending["status"], pending["completion_date"], pending["invocable_from"]) == ("suspended", None, None)
    assert "jikou.proceeding_pending" in codes(pending["warnings"])
    withdrawn = jikou(cli, *NEW, "--event", "2026-04-01:teiso", "--event", "2026-08-10:取下げ", as_of=LATE)
    assert withdrawn["completion_date"] == "2027-02-10"  # 147条1項: 6 months after the end
    judged = jikou(cli, *NEW, "--event", "2026-04-01:teiso", "--event", "2026-12-20:hanketsu", as_of=LATE)
    assert (judged["completion_date"], judged["period_years"]) == ("2036-12-20", 10)


def test_execution_and_provisional_attachment(cli):
    ended = jikou(cli, *NEW, "--event", "2026-04-01:sashiosae", "--event", "2026-07-01:shuryo", as_of=LATE)
    assert ended["completion_date"] == "2031-07-01"  # 148条2項: renewal at the end
    withdrawn = jikou(cli, *NEW, "--event", "2026-04-01:強制執行", "--event", "2026-07-01:torisage", as_of=LATE)
    assert withdrawn["completion_date"] == "2027-01-01"
    provisional = jikou(cli, *NEW, "--event", "2026-04-01:karisashiosae", "--event", "2026-07-01:shuryo", as_of=LATE)
    assert provisional["completion_date"] == "2027-01-01"  # 149条: 6 months, no renewal


def test_judgment_after_completion_still_renews_with_a_note(cli):
    out = jikou(cli, *NEW, "--event", "2026-06-01:teiso", "--event", "2026-12-01:hanketsu", as_of=LATE)
    assert out["completion_date"] == "2036-12-01"
    assert any("既判力" in n for n in texts(out["notes"]))
    assert "完成済み" in out["events"][0]["effect"]["text"]


# --- 民法142条 --------------------------------------------------------------------------------

def test_holiday_warning_and_apply_142(cli):
    # 2024-05-03 is 憲法記念日; then 5/4 (Sat), 5/5 (Sun, こどもの日), 5/6 (振替休日) → 5/7
    r = cli("jikou", "--last-payment", "2019-05-03", "--as-of", AS_OF, "--json")
    out = r.json()
    assert out["completion_date"] == "2024-05-03"
    assert out["holiday"]["completion_day_closed"]["params"] == {"holiday_name": "憲法記念日"}
    assert any("2024-05-07" in w for w in texts(out["warnings"]))
    ext = jikou(cli, "--last-payment", "2019-05-03", "--apply-142")
    assert (ext["completion_date"], ext["invocable_from"]) == ("2024-05-07", "2024-05-08")
    assert ext["holiday"] == {"apply_142": True, "completion_day_closed": out["holiday"]["completion_day_closed"],
                              "unextended_completion_date": "2024-05-03"}


def test_weekday_completion_has_no_holiday_warning(cli):
    out = jikou(cli, "--last-payment", "2019-05-01")  # 2024-05-01 is a Wednesday
    assert out["holiday"]["completion_day_closed"] is None
    assert any("142" in n for n in texts(out["notes"]))  # "142条 not applied" always stated (§4.9)


def test_undecided_regime_prefers_the_pending_reading(cli):
    # Hypothesis regression: when one reading is still suspended (pending suit) it completes
    # later than any date, so it is the reading reported; the other goes to readings.
    out = jikou(cli, "--due-date", "2021-01-01", "--creditor", "shinkin", "--last-payment", "2021-01-02",
                "--event", "2031-01-02:teiso", as_of="2032-01-01")
    assert (out["regime"], out["status"], out["completion_date"]) == ("old", "suspended", None)
    assert [(r["regime"], r["completion_date"]) for r in out["readings"]] == [("new", "2026-01-02")]


# --- issue 11 §1 item 1: 150条2項・151条3項 「猶予されている間」 -------------------------------------

ISSUE_11 = ("--due-date", "2021-03-31", "--contract-date", "2021-01-01", "--event", "2025-11-01:saikoku")  # completes 2026-03-31


def test_ichimon_itto_q25_note_agreement_before_the_original_completion_keeps_its_effect(cli):
    """issue 11 §1 item 1; 筒井・村松『一問一答 民法(債権関係)改正』Q25 注 (51頁): 「『時効の完成が猶予されている
    間』とは，時効が本来完成すべき時が到来しているものの，完成猶予事由の効力によって時効の完成が猶予された状態を
    指す。」 Original completion 2026-03-31; 催告 2025-11-01 (→ 2026-05-01); 協議合意 2026-02-01, before 2026-03-31,
    effective → completes at the end of 2027-02-01. The literal reading (2026-05-01) is in readings."""
    out = jikou(cli, *ISSUE_11, "--event", "2026-02-01:kyogi", as_of="2026-06-01")
    assert (out["completion_date"], out["invocable_from"], out["status"]) == ("2027-02-01", "2027-02-02", "running")
    assert out["suspension_reading"] == "drafters"
    (other,) = out["readings"]
    assert (other["suspension_reading"], other["completion_date"], other["status"]) == ("literal", "2026-05-01", "completed")
    assert any("一問一答" in (c.get("document") or "") for c in out["citations"])
    assert any(w["code"] == "jikou.suspension_readings_differ" and "2026-05-01" in w["text"] for w in out["warnings"])


@pytest.mark.parametrize(
    "event, completion, literal",
    [
        ("2026-03-31:kyogi", "2027-03-31", "2026-05-01"),  # on the original completion date: not yet "during"
        ("2026-04-01:kyogi", "2026-05-01", None),  # the day after: during the suspension, void in both readings
        ("2026-03-31:saikoku", "2026-09-30", "2026-05-01"),  # a second 催告 before the completion: its own 6 months
        ("2026-04-01:saikoku", "2026-05-01", None),  # 150条2項 in both readings
    ],
)
def test_ichimon_itto_q25_note_both_sides_of_the_original_completion_date(cli, event, completion, literal):
    out = jikou(cli, *ISSUE_11, "--event", event, as_of="2026-06-01")
    assert out["completion_date"] == completion
    assert [r["completion_date"] for r in out["readings"]] == ([literal] if literal else [])


def test_suspension_reading_is_an_option_with_its_errors(cli):
    r = cli("jikou", *ISSUE_11, "--event", "2026-02-01:kyogi", "--as-of", "2026-06-01", "--suspension-reading", "loose", "--json")
    assert r.exit_code == 2 and "--suspension-reading" in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "contract, due, completion, years",
    [
        ("2010-04-01", "2015-04-25", "2025-04-25", 10),  # old law: civil, 10 years (旧民法167条1項)
        ("2020-03-31", "2021-04-27", "2031-04-27", 10),  # contract the day before 2020-04-01: still old law (附則10条1項)
        ("2020-04-01", "2021-04-27", "2026-04-27", 5),  # new law: 5 years from the known due date (166条1項1号)
    ],
)
def test_jasso_scholarship_each_installment_on_its_own(cli, contract, due, completion, years):
    """issue 11 §1 item 9: 日本学生支援機構 (奨学金) as a creditor type — not a merchant (inage-zimusyo.com;
    jikou.naiyoushoumei.net): 10 years under the old law, 5 under the new; each 割賦金 from its own due date."""
    out = jikou(cli, "--due-date", due, "--contract-date", contract, "--creditor", "日本学生支援機構", as_of="2026-01-01")
    assert (out["creditor"], out["completion_date"], out["period_years"]) == ("jasso", completion, years)
    assert any(n["code"] == "jikou.jasso_each_installment" and "割賦金ごと" in n["text"] for n in out["notes"])
