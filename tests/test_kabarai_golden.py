"""`saiken kabarai`: the worked ledgers of rules-reference §8.4, each row to the yen and the day."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from saiken_cli.schemas.kabarai import Output

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "kabarai"


def run(cli, *args):
    r = cli("kabarai", *args, "--json")
    assert r.exit_code == 0, r.stderr
    return r.json()


def write(tmp_path, text, name="h.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return str(p)


def test_ref_8_1_public_example_every_row(cli):
    """ref 8-1 (yomi.tokyo/agate/life9/debt/1216076045/16, 5ch 過払い thread): 22,230 + 7,133 = 29,363."""
    d = run(cli, str(EXAMPLES / "ref-8-1.csv"), "--as-of", "2008-01-16")
    rows = d["ledger"]
    assert [r["days"] for r in rows] == [0, 14, 28, 32, 26, 0, 32, 34, 27, 29, 36, 2299]
    interest = [r["interest_yen"] for r in rows[1:9]]
    assert interest == [3452, 6261, 6465, 4695, 0, 7667, 3245, 622]
    assert [r["balance_yen"] for r in rows] == [
        500000, 453452, 409713, 366178, 320873, 485873, 193540, 46785, -12593, -17593, -22230, -22230,
    ]
    assert [r["overpayment_interest_yen"] for r in rows[9:]] == [50, 86, 6997]
    assert [r["overpayment_interest_total_yen"] for r in rows[8:]] == [0, 50, 136, 7133]
    # the 6,997 needs the calendar split 92/365 + 2002…2007 + 16/366 (2004 and 2008 leap)
    assert rows[-1]["day_parts"] == [
        {"days": 92, "denominator": 365}, {"days": 365, "denominator": 365}, {"days": 365, "denominator": 365},
        {"days": 366, "denominator": 366}, {"days": 365, "denominator": 365}, {"days": 365, "denominator": 365},
        {"days": 365, "denominator": 365}, {"days": 16, "denominator": 366},
    ]
    assert rows[-1]["kind"] == "as_of"
    assert d["overpayment_yen"] == 22230
    assert d["overpayment_interest_yen"] == 7133
    assert d["claim_total_yen"] == 29363
    assert d["balance_yen"] == 0
    assert all(r["rate_percent"] in (None, "18.00") for r in rows[:9])
    # 10 years from the end of the series (最判平成21年1月22日): last transaction 2001-09-30
    assert d["prescription_date"] == "2011-09-30"
    assert any("時効完成の可能性" in w for w in (m["text"] for m in d["warnings"])) is False  # as of 2008 it is not yet barred


def test_ref_8_1_as_of_last_is_the_last_transaction(cli):
    d = run(cli, str(EXAMPLES / "ref-8-1.csv"), "--as-of", "last")
    assert d["as_of"] == "2001-09-30" and d["overpayment_interest_yen"] == 136
    assert d["ledger"][-1]["kind"] == "repay"
    assert "today" not in d


def test_ref_8_1_as_jsonl_same_result(cli, tmp_path):
    import json

    rows = [("2001-01-15", 500000, 0), ("2001-01-29", 0, 50000), ("2001-02-26", 0, 50000), ("2001-03-30", 0, 50000),
            ("2001-04-25", 0, 50000), ("2001-04-25", 165000, 0), ("2001-05-27", 0, 300000), ("2001-06-30", 0, 150000),
            ("2001-07-27", 0, 60000), ("2001-08-25", 0, 5000), ("2001-09-30", 0, 4637)]
    text = "\n".join(json.dumps({"date": d, "borrow": b, "repay": r}) for d, b, r in rows) + "\n"
    d = run(cli, write(tmp_path, text, "h.jsonl"), "--as-of", "H20.1.16")
    assert (d["overpayment_yen"], d["overpayment_interest_yen"], d["claim_total_yen"]) == (22230, 7133, 29363)


def test_ref_8_1_in_shift_jis_with_japanese_headers(cli, tmp_path):
    text = (EXAMPLES / "ref-8-1.csv").read_text(encoding="utf-8")
    d = run(cli, write(tmp_path, text, encoding="cp932"), "--as-of", "2008-01-16")
    assert d["claim_total_yen"] == 29363


def test_ref_8_3_leap_year_and_cap_never_rises(cli):
    """ref 8-3 (COMPUTED): 2008 ÷366; the cap stays 18% below 10万 (最判平成22年4月20日); −20,738 and 665."""
    d = run(cli, str(EXAMPLES / "ref-8-3.csv"), "--as-of", "2008-12-31")
    rows = d["ledger"]
    assert [r["interest_yen"] for r in rows[1:5]] == [4573, 2917, 1638, 134]
    assert [r["balance_yen"] for r in rows] == [300000, 204573, 107490, 9128, -20738, -20738]
    assert rows[4]["rate_percent"] == "18.00"  # 9,128 is under 10万 but the cap does not go back to 20%
    assert rows[-1]["days"] == 235 and rows[-1]["overpayment_interest_yen"] == 665
    assert d["overpayment_yen"] == 20738 and d["overpayment_interest_yen"] == 665
    assert [c["rate_percent"] for c in d["cap_changes"]] == ["18.00"]


def test_ref_8_5_unpaid_interest_is_not_compounded(cli):
    """ref 8-5 (COMPUTED): 849 → unpaid 349; 767 on 50,000 only → principal 41,116."""
    d = run(cli, str(EXAMPLES / "ref-8-5.jsonl"), "--as-of", "last")
    rows = d["ledger"]
    assert rows[0]["rate_percent"] is None and d["cap_changes"][0]["rate_percent"] == "20.00"
    assert (rows[1]["interest_yen"], rows[1]["unpaid_interest_yen"], rows[1]["balance_yen"]) == (849, 349, 50000)
    assert (rows[2]["interest_yen"], rows[2]["to_interest_yen"], rows[2]["to_principal_yen"]) == (767, 1116, 8884)
    assert d["balance_yen"] == 41116 and d["unpaid_interest_yen"] == 0 and d["overpayment_yen"] == 0


def tranche_file(tmp_path, day, name):
    return write(tmp_path, f"date,borrow,repay\n{day},100000,\n{day},,110000\n", name)


def test_ref_8_6_tranche_5_percent_before_2020_04_01(cli, tmp_path):
    """ref 8-6 (INTERPRETATION, 附則15条1項): 10,000 overpaid 2020-03-01 → 5% to 2020-12-31 = 416."""
    d = run(cli, tranche_file(tmp_path, "2020-03-01", "a.csv"), "--as-of", "2020-12-31")
    assert d["overpayment_yen"] == 10000 and d["overpayment_interest_yen"] == 416
    assert d["series"][0]["overpayment_tranches"] == [{"arose_on": "2020-03-01", "rate_percent": "5.00", "amount_yen": 10000}]


def test_ref_8_6_tranche_3_percent_from_2020_04_01(cli, tmp_path):
    """ref 8-6: 10,000 overpaid 2020-05-01 → 3% to 2020-12-31 = 200."""
    d = run(cli, tranche_file(tmp_path, "2020-05-01", "b.csv"), "--as-of", "2020-12-31")
    assert d["overpayment_interest_yen"] == 200
    assert any("INTERPRETATION" in n for n in (m["text"] for m in d["notes"]))


def test_2020_boundary_both_sides(cli, tmp_path):
    before = run(cli, tranche_file(tmp_path, "2020-03-31", "c.csv"), "--as-of", "2020-12-31")
    after = run(cli, tranche_file(tmp_path, "2020-04-01", "d.csv"), "--as-of", "2020-12-31")
    assert before["series"][0]["overpayment_tranches"][0]["rate_percent"] == "5.00"
    assert after["series"][0]["overpayment_tranches"][0]["rate_percent"] == "3.00"
    assert before["overpayment_interest_yen"] == 10000 * 5 * 275 // (100 * 366)  # 375
    assert after["overpayment_interest_yen"] == 10000 * 3 * 274 // (100 * 366)  # 224


def test_ref_8_6_combined_file_two_pools(cli):
    d = run(cli, str(EXAMPLES / "ref-8-6-tranches.csv"), "--as-of", "2020-12-31")
    assert [r["overpayment_interest_yen"] for r in d["ledger"][2:]] == [83, 533]
    assert d["overpayment_interest_yen"] == 616  # = 416 + 200
    assert d["ledger"][-1]["overpay_rates"] == [
        {"rate_percent": "5.00", "principal_yen": 10000}, {"rate_percent": "3.00", "principal_yen": 10000},
    ]


@pytest.mark.parametrize("choice, expected, warned", [("split", 616, False), ("5", 749, True), ("3", 450, True)])
def test_overpay_interest_option_is_echoed_and_applied(cli, choice, expected, warned):
    d = run(cli, str(EXAMPLES / "ref-8-6-tranches.csv"), "--as-of", "2020-12-31", "--overpay-interest", choice)
    assert d["options"]["overpay_interest"] == choice
    assert d["overpayment_interest_yen"] == expected
    assert bool(d["warnings"]) is warned


def test_overpay_interest_3_on_pre_2020_overpayments_warns(cli):
    d = run(cli, str(EXAMPLES / "ref-8-1.csv"), "--as-of", "2008-01-16", "--overpay-interest", "3")
    assert d["overpayment_interest_yen"] < 7133
    assert any("附則15条" in w for w in (m["text"] for m in d["warnings"]))


def test_options_defaults_echoed(cli):
    d = run(cli, str(EXAMPLES / "ref-8-1.csv"))
    assert d["options"] == {"overpay_interest": "split", "first_day": "one-end", "leap": "calendar", "split_at": [], "series": "one"}


def test_leap_365_changes_the_leap_year_figures(cli):
    d = run(cli, str(EXAMPLES / "ref-8-3.csv"), "--as-of", "2008-12-31", "--leap", "365")
    assert d["options"]["leap"] == "365"
    assert d["ledger"][1]["interest_yen"] == 300000 * 18 * 31 // (100 * 365)  # 4,586 instead of 4,573
    assert any("366" in w for w in (m["text"] for m in d["warnings"]))


def test_first_day_both_ends_counts_the_borrowing_day(cli):
    d = run(cli, str(EXAMPLES / "ref-8-1.csv"), "--first-day", "both-ends")
    assert d["options"]["first_day"] == "both-ends"
    assert d["ledger"][1]["days"] == 15  # 2001-01-15 … 01-29 both counted
    assert d["ledger"][2]["days"] == 28  # after a repayment: one end
    assert d["ledger"][6]["days"] == 33  # after the 04-25 borrowing


def test_minpo_589_2_both_ends_counts_a_borrowing_day_once_at_the_new_balance(cli):
    """issue 11 §1 item 2; 民法589条2項 (interest from the day the money is received); rules-reference §13:
    every day counted once, at the balance in force that day. In ref 8-1 the 2001-04-25 repayment row is
    followed by a borrowing on the same day: the interval up to it ends 04-24 (03-31 … 04-24 = 25 days),
    and 04-25 opens the next interval at the new balance (04-25 … 05-27 = 33 days). Before the fix
    04-25 was counted twice (26 + 33)."""
    d = run(cli, str(EXAMPLES / "ref-8-1.csv"), "--first-day", "both-ends", "--as-of", "last")
    rows = d["ledger"]
    assert [r["days"] for r in rows[3:7]] == [32, 25, 0, 33]
    # 2001-01-15 … 2001-09-30 inclusive: every day once
    assert sum(r["days"] for r in rows) == 259


def test_minpo_589_2_both_ends_interval_ending_on_a_borrowing_day_ends_the_day_before(cli, tmp_path):
    """issue 11 §1 item 2 (民法589条2項), COMPUTED: 100,000 borrowed 2021-01-10, 100,000 more 2021-02-10,
    10,000 repaid 2021-03-10, cap 18%. Both ends: 01-10 … 02-09 = 31 days at 100,000 → 1,528;
    02-10 … 03-10 = 29 days at 200,000 → 2,860; the repayment pays 4,388 interest and 5,612 principal.
    (One end for comparison: 31 days → 1,528 and 28 days → 2,761.)"""
    path = write(tmp_path, "date,borrow,repay\n2021-01-10,100000,\n2021-02-10,100000,\n2021-03-10,,10000\n")
    both = run(cli, path, "--first-day", "both-ends", "--as-of", "last")["ledger"]
    assert [(r["days"], r["interest_yen"]) for r in both] == [(0, 0), (31, 1528), (29, 2860)]
    assert both[2]["to_interest_yen"] == 4388 and both[2]["balance_yen"] == 194388
    one = run(cli, path, "--as-of", "last")["ledger"]
    assert [(r["days"], r["interest_yen"]) for r in one] == [(0, 0), (31, 1528), (28, 2761)]


def test_leap_court_whole_years_at_the_annual_rate_then_calendar_days(cli, tmp_path):
    """issue 11 §1 item 7; the court method of rules-reference §1.2 (岡山地裁 「年に満つる期間は，年利計算」;
    東京地裁民事21部), COMPUTED: 500,000 borrowed 2003-02-28 (18%), 100,000 repaid 2004-03-31.
    The interval 2003-03-01 … 2004-03-31 is one whole year (to 2004-02-29, 民法143条) + 31/366:
    90,000 + 7,622.95 → 97,622. --leap calendar: 306/365 + 91/366 → 97,829."""
    path = write(tmp_path, "date,borrow,repay\n2003-02-28,500000,\n2004-03-31,,100000\n")
    court = run(cli, path, "--leap", "court")
    row = court["ledger"][1]
    assert (row["days"], row["whole_years"], row["day_parts"]) == (397, 1, [{"days": 31, "denominator": 366}])
    assert row["interest_yen"] == 97622
    assert court["options"]["leap"] == "court"
    assert any("年に満つる期間" in a for a in (m["text"] for m in court["assumptions"]))
    cal = run(cli, path)["ledger"][1]
    assert (cal["whole_years"], cal["interest_yen"]) == (0, 97829)
    # the same span by `saiken damages --method court` (one part: sum, then floor)
    dmg = cli("damages", "--principal", "500000", "--rate", "18%", "--from", "2003-03-01", "--to", "2004-03-31",
              "--method", "court", "--json").json()
    assert dmg["total_yen"] == 97622


def test_leap_court_under_a_year_is_the_calendar_split(cli):
    """issue 11 §1 item 7: below one year the court method is the calendar split (ref 8-1 unchanged to the
    yen, its 2,299-day last interval is 6 whole years + 92/365 + 16/366 = the same 6,997)."""
    d = run(cli, str(EXAMPLES / "ref-8-1.csv"), "--as-of", "2008-01-16", "--leap", "court")
    rows = d["ledger"]
    assert [r["whole_years"] for r in rows] == [0] * 11 + [6]
    assert rows[-1]["day_parts"] == [{"days": 92, "denominator": 365}, {"days": 16, "denominator": 366}]
    assert rows[-1]["overpayment_interest_yen"] == 6997 and d["claim_total_yen"] == 29363


def test_new_borrowing_absorbs_overpayment_interest_first_then_overpayment(cli, tmp_path):
    """最判平成25年4月11日 / 平成25年7月18日: pool first, then the overpayment; bracket on what is left."""
    text = "date,borrow,repay\n2001-01-15,500000,\n2001-07-27,,600000\n2003-07-27,1000000,\n"
    d = run(cli, write(tmp_path, text))
    rows = d["ledger"]
    over = -rows[1]["balance_yen"]
    pool = rows[2]["overpayment_interest_total_yen"] + rows[2]["absorbed_interest_yen"]
    assert rows[2]["absorbed_interest_yen"] == pool and rows[2]["absorbed_overpayment_yen"] == over
    assert rows[2]["balance_yen"] == 1000000 - pool - over
    assert rows[2]["overpayment_interest_total_yen"] == 0
    assert d["cap_changes"][-1]["rate_percent"] == "18.00"  # under 100万 after absorption (H25.7.18)


def test_cap_falls_when_a_borrowing_crosses_a_bracket(cli, tmp_path):
    text = "date,borrow,repay\n2005-01-01,50000,\n2005-02-01,60000,\n2005-03-01,,100000\n2005-04-01,,5000\n"
    d = run(cli, write(tmp_path, text))
    assert [c["rate_percent"] for c in d["cap_changes"]] == ["20.00", "18.00"]
    assert d["ledger"][3]["rate_percent"] == "18.00"  # balance under 10万 again, still 18%


def test_split_at_makes_two_series(cli, tmp_path):
    text = (
        "date,borrow,repay\n2001-01-15,100000,\n2001-06-15,,150000\n"
        "2005-01-10,100000,\n2005-02-10,,10000\n"
    )
    one = run(cli, write(tmp_path, text))
    two = run(cli, write(tmp_path, text, "s.csv"), "--split-at", "2004-12-31", "--as-of", "2016-01-01")
    assert one["options"]["series"] == "one" and len(one["series"]) == 1
    assert one["overpayment_yen"] == 0  # the overpayment was absorbed by the 2005 borrowing
    assert two["options"]["split_at"] == ["2004-12-31"] and len(two["series"]) == 2
    s1, s2 = two["series"]
    assert s1["overpayment_yen"] > 0 and s2["balance_yen"] > 0
    assert s1["prescription_date"] == "2011-06-15" and s2["prescription_date"] == "2015-02-10"
    assert two["prescription_date"] == "2011-06-15"
    assert any("時効完成の可能性" in w for w in (m["text"] for m in two["warnings"]))
    assert {r["series"] for r in two["ledger"]} == {1, 2}


def test_same_date_rows_keep_file_order(cli, tmp_path):
    a = run(cli, write(tmp_path, "date,borrow,repay\n2010-01-01,100000,\n2010-02-01,,50000\n2010-02-01,50000,\n", "a.csv"), "--as-of", "last")
    b = run(cli, write(tmp_path, "date,borrow,repay\n2010-01-01,100000,\n2010-02-01,50000,\n2010-02-01,,50000\n", "b.csv"), "--as-of", "last")
    assert [r["kind"] for r in a["ledger"]] == ["borrow", "repay", "borrow"]
    assert [r["kind"] for r in b["ledger"]] == ["borrow", "borrow", "repay"]
    assert a["ledger"][1]["repay_yen"] == 50000 and b["ledger"][1]["borrow_yen"] == 50000


def test_row_with_both_amounts_repays_first(cli, tmp_path):
    d = run(cli, write(tmp_path, "date,borrow,repay\n2010-01-01,100000,\n2010-02-01,50000,20000\n"))
    row = d["ledger"][1]
    assert row["kind"] == "borrow+repay"
    assert row["balance_yen"] == 100000 - (20000 - row["interest_yen"]) + 50000


def test_json_matches_schema_and_has_required_keys(cli):
    schema = Output.model_json_schema()
    for args in ((str(EXAMPLES / "ref-8-1.csv"), "--as-of", "2008-01-16"), (str(EXAMPLES / "ref-8-5.jsonl"),),
                 (str(EXAMPLES / "two-contracts.csv"), "--split-at", "2004-12-31", "--as-of", "2030-01-01")):
        d = run(cli, *args)
        jsonschema.validate(d, schema)
        for key in ("balance_yen", "overpayment_yen", "overpayment_interest_yen", "claim_total_yen", "ledger",
                    "prescription_date", "options", "citations", "schema_version", "assumptions", "notes", "warnings"):
            assert key in d


def test_format_json_equals_json_flag(cli):
    a = cli("kabarai", str(EXAMPLES / "ref-8-1.csv"), "--format", "json")
    b = cli("kabarai", str(EXAMPLES / "ref-8-1.csv"), "--json")
    assert a.exit_code == 0 and a.stdout == b.stdout


def test_format_csv_ledger(cli):
    r = cli("kabarai", str(EXAMPLES / "ref-8-1.csv"), "--as-of", "2008-01-16", "--format", "csv")
    assert r.exit_code == 0
    lines = r.stdout.strip().splitlines()
    assert lines[0].startswith("取引,日付,借入,返済,日数")
    assert lines[-1] == "1,2008-01-16,0,0,2299,5.00,0,0,-22230,6997,7133"
    assert len(lines) == 13
    r = cli("kabarai", str(EXAMPLES / "ref-8-1.csv"), "--format", "csv", "--lang", "en")
    assert r.stdout.startswith("Series,Date,Borrowed,Repaid,Days")


def test_format_md_statement(cli):
    r = cli("kabarai", str(EXAMPLES / "ref-8-1.csv"), "--as-of", "2008-01-16", "--format", "md")
    assert r.exit_code == 0
    assert r.stdout.startswith("# 過払い金 引き直し計算書")
    assert "29,363円" in r.stdout and "| 1 | 2008-01-16 (H20.1.16) * |" in r.stdout
    assert "最判平成22年4月20日" in r.stdout


def test_human_output(cli):
    r = cli("kabarai", str(EXAMPLES / "ref-8-1.csv"), "--as-of", "2008-01-16")
    assert r.exit_code == 0 and "29,363円" in r.stdout and "-22,230" in r.stdout
    r = cli("kabarai", str(EXAMPLES / "ref-8-1.csv"), "--lang", "en")
    assert r.exit_code == 0 and "Overpayment" in r.stdout


# --- issue 11 §1 item 8: the 基準日 and the time bar ------------------------------------------


def test_as_of_defaults_to_today_in_japan_and_says_so(cli, monkeypatch):
    """issue 11 §1 item 8: without --as-of, 過払利息 runs to today in Japan (saiken_cli.today), not to the
    last transaction. ref 8-1 (5ch example) to 2026-12-01: 22,230 × 5% × (92/365 + 24 years + 335/365)
    = 27,976 for the last interval; pool 50 + 86 + 27,976 = 28,112; claim 50,342 (COMPUTED)."""
    monkeypatch.setenv("SAIKEN_TODAY", "2026-12-01")
    d = run(cli, str(EXAMPLES / "ref-8-1.csv"))
    assert d["as_of"] == "2026-12-01"
    assert d["today"] == {"date": "2026-12-01", "zone": "Asia/Tokyo", "source": "SAIKEN_TODAY"}
    assert "日本時間" in d["assumptions"][0]["text"]
    last = d["ledger"][-1]
    assert last["kind"] == "as_of" and last["overpayment_interest_yen"] == 27976
    assert d["overpayment_interest_yen"] == 28112 and d["claim_total_yen"] == 50342


def test_ref_8_1_time_barred_is_the_headline(cli, monkeypatch):
    """issue 11 §1 item 8; 最判平成21年1月22日 (10 years from the end of the series, 2011-09-30): as of the
    default today the claim is barred, and the first line of the output says so."""
    monkeypatch.setenv("SAIKEN_TODAY", "2026-12-01")
    d = run(cli, str(EXAMPLES / "ref-8-1.csv"))
    assert d["time_bar"] == "barred" and d["series"][0]["time_bar"] == "barred"
    assert d["headline"]["text"].startswith("時効完成の可能性 (2026-12-01 現在)") and "2011-09-30" in d["headline"]["text"]
    human = cli("kabarai", str(EXAMPLES / "ref-8-1.csv"))
    lines = [ln.strip() for ln in human.stdout.splitlines() if ln.strip()]
    assert lines[1].startswith("時効") and "時効完成の可能性" in lines[1]  # right under the title
    md = cli("kabarai", str(EXAMPLES / "ref-8-1.csv"), "--format", "md").stdout
    assert md.split("\n- ")[1].startswith("**時効**: 時効完成の可能性")


@pytest.mark.parametrize("as_of, state", [("2011-09-30", "not_barred"), ("2011-10-01", "barred")])
def test_ref_8_1_ten_years_both_sides(cli, as_of, state):
    """最判平成21年1月22日; 民法140条・143条: the 10 years end at the end of 2011-09-30."""
    d = run(cli, str(EXAMPLES / "ref-8-1.csv"), "--as-of", as_of)
    assert d["time_bar"] == state
    assert d["headline"]["text"].startswith("時効未完成" if state == "not_barred" else "時効完成の可能性")


NEW_LAW = "date,borrow,repay\n2019-01-10,100000,\n2020-05-01,,130000\n"


@pytest.mark.parametrize(
    "args, as_of, state",
    [
        ((), "2025-05-01", "not_barred"),  # knowledge assumed at the series end 2020-05-01 → 5 years end 2025-05-01
        ((), "2025-05-02", "barred"),
        (("--knew-on", "2021-03-01"), "2026-03-01", "not_barred"),
        (("--knew-on", "2021-03-01"), "2026-03-02", "barred"),
        (("--knew-on", "2020-01-01"), "2025-05-02", "barred"),  # not before the series end (最判平成21年1月22日)
    ],
)
def test_minpo_166_1_1_five_years_from_knowledge_for_overpayments_from_2020_04_01(cli, tmp_path, args, as_of, state):
    """issue 11 §1 item 8; 民法166条1項1号 (5 years from knowledge), 附則10条1項: the overpayment arose on
    2020-05-01, a new-law claim; the 10 years (2030-05-01) are not yet over, the 5 years may be."""
    d = run(cli, write(tmp_path, NEW_LAW), "--as-of", as_of, *args)
    s = d["series"][0]
    assert s["new_law_overpayment_yen"] == d["overpayment_yen"] > 0
    assert s["prescription_date"] == "2030-05-01"
    assert s["knowledge_date"] == ("2021-03-01" if "2021-03-01" in args else "2020-05-01")
    assert d["time_bar"] == state
    if state == "barred":
        assert "知った時から5年" in d["headline"]["text"] and "166条1項1号" in d["headline"]["text"]
    assert any(c.get("article") == "166" and c.get("item") == "1" for c in d["citations"])
    assert any("附則10条1項括弧書" in n for n in (m["text"] for m in d["notes"]))  # the other reading (old law, 10 years)


def test_minpo_166_1_1_only_the_part_from_2020_04_01(cli, tmp_path):
    """issue 11 §1 item 8: an overpayment partly before 2020-04-01 (old law: 10 years) and partly after
    (new law: also 5 years from knowledge): after the 5 years only the later part is barred."""
    text = "date,borrow,repay\n2019-01-10,100000,\n2020-03-01,,130000\n2020-05-01,,10000\n"
    d = run(cli, write(tmp_path, text), "--as-of", "2025-05-02")
    s = d["series"][0]
    assert s["new_law_overpayment_yen"] == 10000 < d["overpayment_yen"]
    assert d["time_bar"] == "new_law_part_barred"
    assert "10,000円" in d["headline"]["text"]
    assert run(cli, write(tmp_path, text, "b.csv"), "--as-of", "2025-05-01")["time_bar"] == "not_barred"


def test_knew_on_bad_date_is_exit_2(cli):
    r = cli("kabarai", str(EXAMPLES / "ref-8-1.csv"), "--as-of", "last", "--knew-on", "1999-01-01")
    assert r.exit_code == 2 and "--knew-on" in r.stderr and len(r.stderr.strip().splitlines()) == 1
