"""`saiken seigen`: golden values of rules-reference §3.4 / §10 items 3-1…3-9, bracket edges,
verdicts, error paths, the JSON schema, and the cap-monotonicity property."""

from __future__ import annotations

from decimal import Decimal

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saiken_cli.calc.caps import interest_cap, percent_str
from saiken_cli.schemas.seigen import Output


def run(cli, *args):
    r = cli("seigen", *args, "--json")
    assert r.exit_code == 0, r.stderr
    return r.json()


def verdict(payload, vid):
    return next(v for v in payload["verdicts"] if v["id"] == vid)


# --- required cases -----------------------------------------------------------------


def test_18_percent_on_100000_is_within_the_cap(cli):
    d = run(cli, "--principal", "100000", "--rate", "18%")
    assert d["cap_rate_percent"] == "18.00"
    assert d["annual_rate_percent"] == "18.00"
    assert d["verdict"] == "within_cap" and d["lawful"] is True
    assert not any(v["exceeded"] for v in d["verdicts"])
    assert d["lawful_interest_yen"] == 18000  # one year (no period given)
    assert d["excess_interest_yen"] == 0


def test_18_point_01_percent_on_100000_is_above_the_cap(cli):
    d = run(cli, "--principal", "100000", "--rate", "18.01%")
    assert d["verdict"] == "void_excess" and verdict(d, "risoku_1")["exceeded"]
    assert not verdict(d, "shusshi_5_2")["exceeded"]


def test_toichi_is_365_percent_ref_3_1(cli):
    """ref 3-1 / §10 3-4: トイチ (10% per 10 days) = 365%/年 simple (Wikipedia トイチ)."""
    d = run(cli, "--principal", "50000", "--per-days", "10", "--percent", "10")
    assert d["annual_rate_percent"] == "365.00"
    assert d["shusshi_rate_percent"] == "365.00"  # no loan period given: no 15-day minimum
    assert d["verdict"] == "void_contract"  # business lender above 109.5%
    assert verdict(d, "shusshi_5_1")["exceeded"] and verdict(d, "kashikin_42")["exceeded"]


def test_tosan_is_1095_percent_ref_3_2(cli):
    d = run(cli, "--principal", "50000", "--per-days", "10", "--percent", "30%", "--lender", "individual")
    assert d["annual_rate_percent"] == "1095.00"
    assert d["verdict"] == "criminal"
    assert {v["id"] for v in d["verdicts"]} == {"risoku_1", "shusshi_5_1"}  # no business-lender rules


@pytest.mark.parametrize(
    "principal, cap, individual_damages",
    [("99999", "20.00", "29.20"), ("100000", "18.00", "26.28"), ("999999", "18.00", "26.28"), ("1000000", "15.00", "21.90"),
     ("50000", "20.00", "29.20"), ("500000", "18.00", "26.28"), ("2000000", "15.00", "21.90")],
)
def test_bracket_edges_ref_3_1_and_damages_caps_ref_3_2(cli, principal, cap, individual_damages):
    """§3.1 edges 99,999 → 20%, 100,000 → 18%, 999,999 → 18%, 1,000,000 → 15%; §10 3-2 (4条) and 3-3 (7条)."""
    d = run(cli, "--principal", principal, "--rate", "10%", "--lender", "individual")
    assert d["cap_rate_percent"] == cap
    assert d["damages_cap_rate_percent"] == individual_damages
    b = run(cli, "--principal", principal, "--rate", "10%")
    assert b["cap_rate_percent"] == cap
    assert b["damages_cap_rate_percent"] == "20.00"  # 7条: business lending, any principal


def test_short_loan_100000_repay_130000_after_7_days_ref_3_3_to_3_5(cli):
    """ref 3-3 (§10 3-6): 1,564.29% actual, 730% on the 出資法 basis; 3-4 (3-7): lawful 345円;
    3-5 (3-8): 5条1項 threshold 4,500円, 5条2項 threshold 821.9円."""
    d = run(cli, "--principal", "100000", "--repay", "130000", "--days", "7")
    assert d["annual_rate_percent"] == "1564.29"
    assert d["shusshi_rate_percent"] == "730.00"
    assert d["shusshi_days"] == 15 and d["days"] == 7
    assert d["cap_rate_percent"] == "18.00"
    assert d["lawful_interest_yen"] == 345
    assert d["interest_yen"] == 30000 and d["excess_interest_yen"] == 30000 - 345
    assert verdict(d, "shusshi_5_1")["limit_yen"] == "4500.00"
    assert verdict(d, "shusshi_5_1")["max_lawful_interest_yen"] == 4500
    assert verdict(d, "shusshi_5_2")["limit_yen"].startswith("821.9")
    assert verdict(d, "shusshi_5_2")["max_lawful_interest_yen"] == 821
    assert d["verdict"] == "void_contract"
    assert all(v["exceeded"] for v in d["verdicts"])
    labels = [c["label"] for c in d["citations"]]
    assert "貸金業法42条1項" in labels and "利息制限法1条" in labels
    assert any("5条の4第1項" in label for label in labels)


def test_same_short_loan_from_dates_counts_lending_day_not_repayment_day(cli):
    d = run(cli, "--principal", "100000", "--repay", "130000", "--from", "2023-06-01", "--to", "2023-06-08")
    assert d["days"] == 7 and d["annual_rate_percent"] == "1564.29" and d["lawful_interest_yen"] == 345


def test_short_loan_in_a_leap_year_divides_by_366(cli):
    d = run(cli, "--principal", "100000", "--repay", "130000", "--from", "2024-06-01", "--to", "2024-06-08")
    assert d["lawful_interest_yen"] == 344  # 100,000 × 18% × 7/366 = 344.26


def test_individual_lender_same_loan_is_criminal_not_void_contract(cli):
    d = run(cli, "--principal", "100000", "--repay", "130000", "--days", "7", "--lender", "individual")
    assert d["verdict"] == "criminal"
    assert "kashikin_42" not in {v["id"] for v in d["verdicts"]}


def test_50000_repay_55000_after_30_days_ref_3_6(cli):
    """ref 3-6 (§10 3-9): 121.67% (> 109.5%, 0.333%/day)."""
    d = run(cli, "--principal", "50000", "--repay", "55000", "--days", "30", "--lender", "individual")
    assert d["annual_rate_percent"] == "121.67"
    assert d["per_day_percent"] == "0.3333"
    assert verdict(d, "shusshi_5_1")["exceeded"]


def test_principal_1000000_ref_3_7(cli):
    d = run(cli, "--principal", "100万", "--rate", "15%", "--damages-rate", "21.9%", "--lender", "individual")
    assert d["cap_rate_percent"] == "15.00" and d["damages_cap_rate_percent"] == "21.90"
    assert not verdict(d, "risoku_4")["exceeded"]
    b = run(cli, "--principal", "100万", "--rate", "15%", "--damages-rate", "21.9%")
    assert verdict(b, "risoku_7")["exceeded"] and b["verdict"] == "void_excess_damages"


def test_principal_99999_ref_3_8(cli):
    d = run(cli, "--principal", "99999", "--rate", "20%", "--damages-rate", "29.2%", "--lender", "individual")
    assert d["cap_rate_percent"] == "20.00" and d["verdict"] == "within_cap"
    d = run(cli, "--principal", "99999", "--rate", "20%", "--damages-rate", "29.21%", "--lender", "individual")
    assert d["verdict"] == "void_excess_damages"


def test_business_between_cap_and_20_percent_is_void_excess_not_criminal(cli):
    d = run(cli, "--principal", "500000", "--rate", "19%")
    assert d["verdict"] == "void_excess" and not verdict(d, "shusshi_5_2")["exceeded"]
    d = run(cli, "--principal", "500000", "--rate", "20.01%")
    assert d["verdict"] == "criminal_business"


def test_109_5_boundary_is_not_above(cli):
    d = run(cli, "--principal", "100000", "--rate", "109.5%", "--lender", "individual")
    assert not verdict(d, "shusshi_5_1")["exceeded"]
    d = run(cli, "--principal", "100000", "--rate", "109.51%", "--lender", "individual")
    assert verdict(d, "shusshi_5_1")["exceeded"]
    assert d["warnings"]  # leap-year 109.8% note


def test_existing_principal_sets_the_bracket_art_5(cli):
    d = run(cli, "--principal", "50000", "--existing-principal", "60000", "--rate", "19%")
    assert d["bracket_principal_yen"] == 110000 and d["cap_rate_percent"] == "18.00"
    assert d["verdict"] == "void_excess"


def test_contract_date_before_2010_06_18_refuses_exit_3(cli):
    r = cli("seigen", "--principal", "100000", "--rate", "18%", "--contract-date", "2010-06-17")
    assert r.exit_code == 3 and r.stdout == "" and len(r.stderr.strip().splitlines()) == 1
    assert run(cli, "--principal", "100000", "--rate", "18%", "--contract-date", "2010-06-18")["law_as_of"] == "2010-06-18"


def test_contract_date_past_verified_through_warns(cli):
    d = run(cli, "--principal", "100000", "--rate", "18%", "--contract-date", "2025-06-01")
    assert [w["code"] for w in d["warnings"]] == ["rules.beyond_verified"] and "確認済み" in d["warnings"][0]["text"]


def test_json_matches_schema(cli):
    schema = Output.model_json_schema(by_alias=True)
    for args in (
        ("--principal", "100000", "--rate", "18%"),
        ("--principal", "100000", "--repay", "130000", "--from", "2023-06-01", "--to", "2023-06-08"),
        ("--principal", "5万", "--per-days", "10", "--percent", "10", "--lender", "individual", "--damages-rate", "30%"),
    ):
        payload = run(cli, *args)
        jsonschema.validate(payload, schema)
        for key in ("annual_rate_percent", "cap_rate_percent", "lawful_interest_yen", "verdicts", "citations",
                    "schema_version", "assumptions", "notes", "warnings"):
            assert key in payload


def test_human_output_ja_and_en(cli):
    r = cli("seigen", "--principal", "100000", "--repay", "130000", "--days", "7")
    assert r.exit_code == 0 and "貸金業法42条" in r.stdout and "1564.29%" in r.stdout
    r = cli("seigen", "--principal", "100000", "--rate", "18%", "--lang", "en")
    assert r.exit_code == 0 and "within the Interest Rate Restriction Act cap" in r.stdout


@pytest.mark.parametrize(
    "args, flag",
    [
        (["--principal", "abc", "--rate", "18%"], "--principal"),
        (["--principal", "100000", "--rate", "18"], "--rate"),
        (["--principal", "100000"], "--rate"),
        (["--principal", "100000", "--rate", "18%", "--repay", "130000", "--days", "7"], "--repay"),
        (["--principal", "100000", "--repay", "130000"], "--repay"),
        (["--principal", "100000", "--repay", "90000", "--days", "7"], "--repay"),
        (["--principal", "100000", "--per-days", "10"], "--percent"),
        (["--principal", "100000", "--per-days", "10", "--percent", "abc"], "--percent"),
        (["--principal", "100000", "--per-days", "0", "--percent", "10"], "--per-days"),
        (["--principal", "100000", "--repay", "130000", "--from", "2024-01-08", "--to", "2024-01-01"], "--to"),
        (["--principal", "100000", "--repay", "130000", "--from", "2024-01-01"], "--from"),
        (["--principal", "100000", "--repay", "130000", "--days", "7", "--from", "2024-01-01", "--to", "2024-01-08"], "--days"),
        (["--principal", "100000", "--rate", "18%", "--lender", "bank"], "--lender"),
        (["--principal", "100000", "--rate", "18%", "--damages-rate", "x"], "--damages-rate"),
        (["--principal", "100000", "--rate", "18%", "--existing-principal", "1", "--lender", "individual"], "--existing-principal"),
        (["--principal", "100000", "--rate", "18%", "--contract-date", "2024-02-30"], "--contract-date"),
        (["--principal", "100000", "--rate", "18%", "--lang", "fr"], "--lang"),
    ],
)
def test_bad_input_is_one_line_exit_2(cli, args, flag):
    r = cli("seigen", *args)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and flag in lines[0] and "Traceback" not in r.stderr


# --- properties -----------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**10), st.integers(min_value=0, max_value=10**10))
def test_cap_never_increases_with_principal(a, b):
    lo, hi = sorted((a, b))
    assert interest_cap(hi).rate <= interest_cap(lo).rate
    assert interest_cap(lo).min_principal_yen <= lo


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=10**9))
def test_cap_bracket_contains_its_principal(p):
    cap = interest_cap(p)
    assert cap.min_principal_yen <= p and (cap.max_principal_yen is None or p <= cap.max_principal_yen)


def test_percent_rounding_is_half_up_to_two_places():
    from fractions import Fraction

    assert percent_str(Fraction(3, 10) * 365 / 7) == "1564.29"
    assert percent_str(Fraction(1, 10) * 365 / 30) == "121.67"
    assert percent_str(Fraction(12345, 1000000)) == "1.23"
    assert percent_str(Fraction(12350, 1000000)) == "1.24"  # .5 rounds up
    assert percent_str(Decimal("0.18")) == "18.00"
