"""`saiken jikou --claim-type tort` (issue 11 §1 item 9): 不法行為による損害賠償請求権.

Sources of every expected date (e-Gov text of 民法, 法令ID 129AC0000000089, as mirrored in
31zuk1/DB4LAW, read 2026-12-01):
- 724条: 「一 被害者又はその法定代理人が損害及び加害者を知った時から三年間行使しないとき。
  二 不法行為の時から二十年間行使しないとき。」
- 724条の2: for 人の生命又は身体を害する不法行為, 「三年間」 becomes 「五年間」.
- 附則35条1項 (平成29年法律第44号): the old 724条後段 period 「がこの法律の施行の際既に経過していた
  場合」 keeps the old rule (除斥期間, 最判平成元年12月21日 民集43巻12号2209頁); 2項: 724条の2 does
  not apply where the old 724条前段 prescription 「がこの法律の施行の際既に完成していた場合」.
- 140条 (first day not counted) and 143条2項 (ends the day before the anniversary), by hand:
  an act or knowledge on D → N years end on D + N years (same month and day).
The 施行日 is 2020-04-01: a period whose last day is 2020-03-31 had elapsed at 施行; one whose
last day is 2020-04-01 had not (INTERPRETATION, tort.py).
"""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saiken_cli.calc.jikou import Event, JikouInput, compute
from saiken_cli.schemas.jikou import Output
from test_jikou_cli import one_line_error  # the one helper of jikou's CLI error tests

AS_OF = "2026-01-01"


def jikou(cli, *args, as_of=AS_OF):
    r = cli("jikou", "--claim-type", "tort", *args, "--as-of", as_of, "--json")
    assert r.exit_code == 0, r.stderr
    out = r.json()
    Output.model_validate(out)
    return out


def codes(items):
    return [m["code"] for m in items]


# --- new law (tort on or after 2020-04-01) ----------------------------------------------


def test_new_law_three_years_from_knowledge_twenty_from_the_act(cli):
    # 724条1号: knew 2021-06-01 → end of 2024-06-01; 2号: act 2021-05-10 → end of 2041-05-10
    out = jikou(cli, "--tort-date", "2021-05-10", "--knew-damage-on", "2021-06-01")
    assert out["completion_date"] == "2024-06-01" and out["invocable_from"] == "2024-06-02"
    assert out["regime"] == "new" and out["period_years"] == 3 and out["status"] == "completed"
    t = out["tort"]
    assert t["governing"] == "subjective"
    assert t["subjective"]["completion_date"] == "2024-06-01" and t["subjective"]["period_years"] == 3
    assert t["objective"]["completion_date"] == "2041-05-10" and t["objective"]["nature"] == "prescription"
    assert out["starting_point"] == {"date": "2021-06-01", "fact": "--knew-damage-on", "first_counted_day": "2021-06-02"}
    assert out["creditor"] is None and out["claim_type"] == "tort"
    assert "jikou.tort_limbs" in codes(out["notes"]) and "jikou.invocation_needed" in codes(out["notes"])


def test_new_law_life_or_body_five_years(cli):
    # 724条の2: the same facts, damage to the body → end of 2026-06-01
    out = jikou(cli, "--tort-date", "2021-05-10", "--knew-damage-on", "2021-06-01", "--life-body")
    assert out["completion_date"] == "2026-06-01" and out["period_years"] == 5
    assert out["tort"]["life_body"] is True
    labels = [c.get("article") for c in out["citations"] if c.get("law") == "民法"]
    assert "724の2" in labels


def test_knowledge_date_unknown_gives_the_twenty_years_and_says_so(cli):
    out = jikou(cli, "--tort-date", "2021-05-10")
    assert out["completion_date"] == "2041-05-10" and out["period_years"] == 20
    assert out["tort"]["subjective"] is None and out["tort"]["governing"] == "objective"
    assert out["starting_point"]["fact"] == "--tort-date"
    assert "jikou.tort_subjective_unknown" in codes(out["notes"])


@pytest.mark.parametrize(
    "knew, completion, governing",
    [
        ("2026-06-01", "2029-06-01", "subjective"),  # 3 years end before the 20 (2030-01-15)
        ("2027-01-15", "2030-01-15", "subjective"),  # both end the same day: subjective (tie)
        ("2027-01-16", "2030-01-15", "objective"),  # the 20 years cap the 3 (724条2号)
        ("2028-06-01", "2030-01-15", "objective"),
    ],
)
def test_knowledge_against_the_twenty_year_cap(cli, knew, completion, governing):
    # act 2010-01-15 (before the reform, 20 years not elapsed on 2020-04-01 → new 724条2号)
    out = jikou(cli, "--tort-date", "2010-01-15", "--knew-damage-on", knew, as_of="2031-01-01")
    assert out["completion_date"] == completion
    assert out["tort"]["governing"] == governing
    assert out["tort"]["objective"]["completion_date"] == "2030-01-15"
    assert out["tort"]["objective"]["regime"] == "new"


# --- 附則35条1項: the 20 years, elapsed on 2020-04-01 or not ------------------------------


def test_twenty_years_elapsed_on_2020_03_31_old_exclusion_period(cli):
    # act 2000-03-31 → first counted day 2000-04-01 → last day 2020-03-31: elapsed at 施行
    out = jikou(cli, "--tort-date", "2000-03-31")
    assert out["completion_date"] == "2020-03-31"
    assert out["regime"] == "old" and out["status"] == "completed"
    assert out["invocable_from"] is None  # 除斥期間: no 援用
    obj = out["tort"]["objective"]
    assert obj["nature"] == "exclusion" and obj["regime"] == "old"
    assert out["reason"]["code"] == "jikou.tort_objective_old_exclusion"
    assert "jikou.tort_exclusion" in codes(out["warnings"])
    assert "jikou.invocation_needed" not in codes(out["notes"])
    cases = {c.get("case"): c.get("reporter") for c in out["citations"] if c.get("case")}
    assert cases["最判平成元年12月21日"] == "民集43巻12号2209頁" and "最大判令和6年7月3日" in cases
    assert "最判平成10年6月12日" in cases  # the 158条 exception


def test_twenty_years_not_elapsed_on_2020_04_01_new_prescription(cli):
    # act 2000-04-01 → last day 2020-04-01: not elapsed at 施行 (the day had not ended) → 724条2号
    out = jikou(cli, "--tort-date", "2000-04-01")
    assert out["completion_date"] == "2020-04-01" and out["invocable_from"] == "2020-04-02"
    obj = out["tort"]["objective"]
    assert obj["nature"] == "prescription" and obj["regime"] == "new"
    assert out["reason"]["code"] == "jikou.tort_objective_new_not_elapsed"
    assert "jikou.tort_exclusion" not in codes(out["warnings"])
    assert "jikou.tort_transition_reading" in codes(out["notes"])


def test_old_exclusion_period_not_extended_by_acknowledgment_or_demand(cli):
    # 承認 and 催告 before the end of the 除斥期間 (2020-03-31): no effect (最判平成元年12月21日)
    out = jikou(cli, "--tort-date", "2000-03-31", "--event", "2019-06-01:承認", "--event", "2020-01-10:催告")
    assert out["completion_date"] == "2020-03-31"
    assert [e["effect"]["code"] for e in out["events"]] == ["jikou.tort_exclusion_event_no_effect"] * 2


def test_new_twenty_year_prescription_extended_by_acknowledgment_and_demand(cli):
    # act 2000-04-01, 20 years end 2020-04-01: a 承認 on that day renews (152条) → 2040-04-01
    out = jikou(cli, "--tort-date", "2000-04-01", "--event", "2020-04-01:承認")
    assert out["completion_date"] == "2040-04-01" and out["period_years"] == 20
    assert out["events"][0]["effect"]["code"] == "jikou.effect_renewal"
    # a 催告 on 2020-04-01 suspends 6 months (150条1項) → end of 2020-10-01
    out = jikou(cli, "--tort-date", "2000-04-01", "--event", "2020-04-01:催告")
    assert out["completion_date"] == "2020-10-01"


def test_event_before_the_reform_not_applied_to_the_new_twenty_years(cli):
    # act 2001-01-10 (20 years end 2021-01-10, new 724条2号): a 承認 of 2019 is not applied to
    # them (then a 除斥期間; INTERPRETATION); one of 2020-05-01 is.
    out = jikou(cli, "--tort-date", "2001-01-10", "--event", "2019-06-01:承認")
    assert out["completion_date"] == "2021-01-10"
    assert out["events"][0]["effect"]["code"] == "jikou.tort_event_before_reform_not_on_20_years"
    assert "jikou.tort_events_before_reform_20_years" in codes(out["warnings"])
    out = jikou(cli, "--tort-date", "2001-01-10", "--event", "2020-05-01:承認")
    assert out["completion_date"] == "2040-05-01"


# --- 附則35条2項: life or body, the old 3 years completed on 2020-04-01 or not ------------


def test_life_body_old_three_years_completed_before_reform_stays_three(cli):
    # knew 2017-03-31 → old 3 years end 2020-03-31: completed at 施行 → no 5 years
    out = jikou(cli, "--tort-date", "2017-03-31", "--knew-damage-on", "2017-03-31", "--life-body")
    assert out["completion_date"] == "2020-03-31" and out["period_years"] == 3
    assert out["regime"] == "old" and out["status"] == "completed"
    assert out["reason"]["code"] == "jikou.tort_life_body_old_completed"
    assert out["reason"]["params"]["completed_on"] == "2020-03-31"


def test_life_body_old_three_years_not_completed_on_reform_becomes_five(cli):
    # knew 2017-04-01 → old 3 years would end 2020-04-01: not completed at 施行 → 5 years, 2022-04-01
    out = jikou(cli, "--tort-date", "2017-04-01", "--knew-damage-on", "2017-04-01", "--life-body")
    assert out["completion_date"] == "2022-04-01" and out["period_years"] == 5
    assert out["regime"] == "new"
    assert out["reason"]["code"] == "jikou.tort_life_body_not_completed"
    # without --life-body: old 724条前段, 3 years → 2020-04-01
    out = jikou(cli, "--tort-date", "2017-04-01", "--knew-damage-on", "2017-04-01")
    assert out["completion_date"] == "2020-04-01" and out["period_years"] == 3 and out["regime"] == "old"


def test_life_body_old_interruption_keeps_the_three_years_from_completing(cli):
    # knew 2016-05-01 (3 years end 2019-05-01); 承認 2019-03-01 (旧147条3号) → new 3 years end
    # 2022-03-01: not completed on 2020-04-01 → 5 years from the 承認: 2024-03-01
    out = jikou(cli, "--tort-date", "2016-05-01", "--knew-damage-on", "2016-05-01", "--life-body",
                "--event", "2019-03-01:承認")
    assert out["completion_date"] == "2024-03-01" and out["period_years"] == 5


def test_life_body_old_three_years_completed_then_acknowledged_stays_three(cli):
    # knew 2016-01-10 → old 3 years end 2019-01-10 (completed before 施行); a payment 2019-06-01
    # bars invoking it (最大判昭和41年4月20日) and a new period runs (最判昭和45年5月21日): the
    # prescription had completed at 施行 all the same (附則35条2項), so 3 years → 2022-06-01
    out = jikou(cli, "--tort-date", "2016-01-10", "--knew-damage-on", "2016-01-10", "--life-body",
                "--event", "2019-06-01:承認")
    assert out["completion_date"] == "2022-06-01" and out["period_years"] == 3
    assert out["invocation_barred"] is True
    assert out["reason"]["code"] == "jikou.tort_life_body_old_completed"
    assert out["reason"]["params"]["completed_on"] == "2019-01-10"


def test_life_body_without_knowledge_before_reform_says_it_decides(cli):
    out = jikou(cli, "--tort-date", "2015-01-01", "--life-body")
    assert out["completion_date"] == "2035-01-01"
    assert "jikou.tort_life_body_needs_knowledge" in codes(out["notes"])


# --- the human output ---------------------------------------------------------------------


def test_japanese_output_names_both_dates_without_flags(cli):
    r = cli("jikou", "--claim-type", "不法行為", "--tort-date", "2000-03-31", "--event", "2019-06-01:承認", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    assert "除斥期間の満了日" in r.stdout and "除斥期間経過 (権利消滅・援用不要)" in r.stdout
    assert "最判平成元年12月21日" in r.stdout and "最大判令和6年7月3日" in r.stdout
    assert "--" not in r.stdout.replace("──", "")
    r = cli("jikou", "--claim-type", "tort", "--tort-date", "2021-05-10", "--knew-damage-on", "2021-06-01", "--as-of", AS_OF)
    assert "満了日 知った時から" in r.stdout and "満了日 不法行為の時から" in r.stdout and "← 適用" in r.stdout
    assert "除斥期間" not in r.stdout


# --- bad input: exit 2, one line naming the flag ------------------------------------------------


@pytest.mark.parametrize(
    "args, flag",
    [
        (("--tort-date", "2021-01-01", "--due-date", "2021-01-01"), "--tort-date"),  # no --claim-type tort
        (("--claim-type", "tort"), "--tort-date"),
        (("--claim-type", "tort", "--tort-date", "2021-05-10", "--knew-damage-on", "2021-05-09"), "--knew-damage-on"),
        (("--claim-type", "tort", "--tort-date", "2021-05-10", "--due-date", "2021-05-10"), "--due-date"),
        (("--claim-type", "tort", "--tort-date", "2021-05-10", "--knew-on", "2021-06-01"), "--knew-on"),
        (("--claim-type", "tort", "--tort-date", "2021-05-10", "--creditor", "shinkin"), "--creditor"),
        (("--claim-type", "tort", "--tort-date", "2021-05-10", "--debtor-merchant"), "--debtor-merchant"),
        (("--due-date", "2021-05-10", "--life-body"), "--life-body"),
        (("--claim-type", "tort", "--tort-date", "2027-01-01"), "--tort-date"),  # after --as-of
        (("--claim-type", "tort", "--tort-date", "2021-05-10", "--event", "2021-05-01:承認"), "--event"),
        (("--claim-type", "tort", "--tort-date", "1999-01-01", "--event", "2010-01-01:teiso"), "--event"),
        (("--claim-type", "tortt", "--tort-date", "2021-05-10"), "--claim-type"),
    ],
)
def test_bad_tort_input_exits_2_naming_the_flag(cli, args, flag):
    one_line_error(cli("jikou", *args, "--as-of", AS_OF), flag)


# --- properties ---------------------------------------------------------------------------

DAY = timedelta(days=1)
dates = st.dates(min_value=date(1975, 1, 1), max_value=date(2025, 12, 31))


@settings(max_examples=150, deadline=None)
@given(tort_on=dates, lag=st.integers(min_value=0, max_value=9000), life=st.booleans())
def test_result_never_later_than_the_twenty_years_and_five_not_before_three(tort_on, lag, life):
    as_of = date(2046, 1, 1)
    knew = min(tort_on + lag * DAY, date(2045, 12, 31))
    base = dict(as_of=as_of, claim_type="tort", tort_on=tort_on, knew_damage_on=knew)
    r = compute(JikouInput(**base, life_body=life)).to_dict()
    t = r["tort"]
    completion = date.fromisoformat(r["completion_date"])
    assert completion <= date.fromisoformat(t["objective"]["completion_date"])
    assert completion == min(date.fromisoformat(t[k]["completion_date"]) for k in ("subjective", "objective"))
    if t["objective"]["nature"] == "exclusion":
        # old 724条後段: elapsed before 2020-04-01, 20 years from the act to the day
        assert completion <= date(2020, 3, 31)
        if (tort_on.month, tort_on.day) != (2, 29):
            assert t["objective"]["completion_date"] == tort_on.replace(year=tort_on.year + 20).isoformat()
    three = compute(JikouInput(**base)).to_dict()
    five = compute(JikouInput(**base, life_body=True)).to_dict()
    assert five["completion_date"] >= three["completion_date"]


@settings(max_examples=80, deadline=None)
@given(tort_on=st.dates(min_value=date(1975, 1, 1), max_value=date(2000, 3, 31)),
       ack=st.integers(min_value=1, max_value=7000))
def test_old_exclusion_period_ignores_every_acknowledgment(tort_on, ack):
    ev_on = tort_on + ack * DAY
    inp = JikouInput(as_of=date(2026, 1, 1), claim_type="tort", tort_on=tort_on,
                     events=(Event(ev_on, "shounin"),))
    out = compute(inp).to_dict()
    assert out["tort"]["objective"]["nature"] == "exclusion"
    plain = compute(JikouInput(as_of=date(2026, 1, 1), claim_type="tort", tort_on=tort_on)).to_dict()
    assert out["completion_date"] == plain["completion_date"]


def test_report_summary_says_the_exclusion_period_elapsed(cli, tmp_path):
    # the report's 概要 takes the status text of the jikou view: not 「時効完成 (援用可能)」 for a 除斥期間
    case = tmp_path / "tort.toml"
    case.write_text(
        '[case]\nid = "T-1"\ntitle = "損害賠償"\nas_of = 2026-01-01\n\n'
        '[jikou]\nclaim-type = "tort"\ntort-date = 2000-03-31\n',
        encoding="utf-8",
    )
    r = cli("report", str(case))
    assert r.exit_code == 0, r.stderr
    summary = r.stdout.split("## 消滅時効の計算")[0]
    assert "| 消滅時効 | 2020-03-31 (令和2年3月31日) 除斥期間経過 (権利消滅・援用不要) |" in summary
    assert "援用可能" not in r.stdout
