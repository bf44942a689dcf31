"""`saiken jikou --knew-on` (issue 11 §1 item 9): 民法166条1項 — 5 years from when the creditor
knew it could exercise the right (1号), 10 years from when it could be exercised (2号), whichever
ends first; both dates shown. Old law (附則10条4項): no subjective period, so no effect.

Source of every expected date: 民法166条1項1号・2号 (e-Gov 法令ID 129AC0000000089) with 140条
(first day not counted) and 143条2項 (ends the day before the anniversary), computed by hand:
due 2020-06-30 → first counted day 2020-07-01 → 10 years end 2030-06-30; knowledge on D →
5 years end on D + 5 years (same month and day).
"""

import pytest

AS_OF = "2026-01-01"
NEW = ("--due-date", "2020-06-30", "--contract-date", "2020-05-01")


def jikou(cli, *args, as_of=AS_OF):
    r = cli("jikou", *args, "--as-of", as_of, "--json")
    assert r.exit_code == 0, r.stderr
    return r.json()


@pytest.mark.parametrize(
    "knew_on, completion, governing, years",
    [
        ("2025-06-29", "2030-06-29", "subjective", 5),  # 5 years end one day before the 10 years
        ("2025-06-30", "2030-06-30", "subjective", 5),  # both end the same day
        ("2025-07-01", "2030-06-30", "objective", 10),  # the 10 years cap the 5 (166条1項2号)
    ],
)
def test_knowledge_five_years_capped_by_ten_years_from_exercisability(cli, knew_on, completion, governing, years):
    out = jikou(cli, *NEW, "--knew-on", knew_on)
    assert out["regime"] == "new"
    assert out["completion_date"] == completion
    assert out["period_years"] == years
    k = out["knowledge"]
    assert k["knew_on"] == knew_on and k["applies"] is True
    assert k["governing"] == governing
    assert k["objective"]["completion_date"] == "2030-06-30"
    assert k["objective"]["starting_date"] == "2020-06-30" and k["objective"]["period_years"] == 10
    assert k["subjective"]["starting_date"] == knew_on and k["subjective"]["period_years"] == 5
    codes = [n["code"] for n in out["notes"]]
    assert "jikou.knowledge_limbs" in codes and "jikou.new_law_knowledge_given" in codes
    assert "jikou.new_law_two_starting_points" not in codes


def test_knowledge_later_than_due_date_moves_completion_later(cli):
    # due 2021-03-31, knew 2023-10-15 → 5 years end 2028-10-15 (before 2031-03-31)
    out = jikou(cli, "--due-date", "2021-03-31", "--contract-date", "2021-01-10", "--knew-on", "2023-10-15")
    assert out["completion_date"] == "2028-10-15"
    assert out["knowledge"]["objective"]["completion_date"] == "2031-03-31"
    assert out["knowledge"]["governing"] == "subjective"


def test_without_knew_on_behaviour_unchanged(cli):
    out = jikou(cli, *NEW)
    assert out["completion_date"] == "2025-06-30" and out["period_years"] == 5
    assert out["knowledge"] is None
    assert "jikou.new_law_two_starting_points" in [n["code"] for n in out["notes"]]


def test_old_law_knew_on_has_no_effect_and_says_so(cli):
    base = ("--last-payment", "2019-05-01")
    plain = jikou(cli, *base)
    out = jikou(cli, *base, "--knew-on", "2022-01-01")
    assert out["regime"] == "old"
    assert out["completion_date"] == plain["completion_date"] == "2024-05-01"
    assert out["knowledge"] == {"knew_on": "2022-01-01", "applies": False}
    assert "jikou.knew_on_no_effect_old_law" in [n["code"] for n in out["notes"]]


def test_events_run_in_both_limbs(cli):
    # an acknowledgment 2027-01-15 renews both limbs: each new period runs from it
    # (5 years → 2032-01-15; 10 years → 2037-01-15): the 5-year one governs
    out = jikou(cli, *NEW, "--knew-on", "2025-07-01", "--event", "2027-01-15:shounin", as_of="2027-02-01")
    assert out["completion_date"] == "2032-01-15"
    assert out["knowledge"]["governing"] == "subjective"


def test_knew_on_before_the_right_could_be_exercised_is_refused(cli):
    r = cli("jikou", *NEW, "--knew-on", "2020-06-01", "--as-of", AS_OF, "--json")
    assert r.exit_code == 2
    assert "--knew-on" in r.stderr and "2020-06-01" in r.stderr and "Traceback" not in r.stderr


def test_knew_on_after_as_of_is_refused(cli):
    r = cli("jikou", *NEW, "--knew-on", "2026-02-01", "--as-of", AS_OF, "--json")
    assert r.exit_code == 2 and "--knew-on" in r.stderr


def test_event_before_knew_on_is_refused(cli):
    r = cli("jikou", *NEW, "--knew-on", "2023-01-01", "--event", "2022-01-01:shounin", "--as-of", AS_OF, "--json")
    assert r.exit_code == 2 and "--event" in r.stderr and "--knew-on" in r.stderr


def test_human_output_shows_both_dates_and_the_governing_one(cli):
    r = cli("jikou", *NEW, "--knew-on", "2025-07-01", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    assert "166条1項1号" in r.stdout and "166条1項2号" in r.stdout
    assert "2030-07-01" in r.stdout and "2030-06-30" in r.stdout and "← 適用" in r.stdout


def test_judgment_knew_on_has_no_effect_and_says_so(cli):
    out = jikou(cli, "--judgment-date", "2021-05-10", "--knew-on", "2022-01-01")
    assert out["period_years"] == 10 and out["completion_date"] == "2031-05-10"
    assert out["knowledge"] == {"knew_on": "2022-01-01", "applies": False}
    assert "jikou.knew_on_no_effect_judgment" in [n["code"] for n in out["notes"]]
