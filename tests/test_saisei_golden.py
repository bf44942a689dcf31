"""`saiken saisei`: golden values from rules-reference §7.3 / §10 (7-1 … 7-9), each with its source;
both sides of every tier boundary of 民事再生法231条2項3号・4号 and of the 221条 limit."""

from __future__ import annotations

import pytest

from saiken_cli.commands import saisei as saisei_cmd


def run(cli, *args):
    r = cli("saisei", *args, "--json")
    assert r.exit_code == 0, r.stderr
    return r.json()


@pytest.mark.parametrize(
    "debt, minimum, source",
    [
        (800_000, 800_000, "ref 7-1 民再231条 (B < 100万 → B)"),
        (3_000_000, 1_000_000, "ref 7-2 民再231条"),
        (8_000_000, 1_600_000, "ref 7-4 overpaymentclaim.com (800万 → 160万)"),
        (20_000_000, 3_000_000, "ref 7-5 kojinsaiseisoudan.com (2,000万 → 300万)"),
    ],
)
def test_reference_minimum(cli, debt, minimum, source):
    d = run(cli, "--debt", str(debt))
    assert d["minimum_repayment_yen"] == minimum
    assert d["plan_total_yen"] == minimum and d["binding_test"] == "minimum_repayment"


def test_7_7_above_50_million_not_available_exit_2(cli):
    """ref 7-7 民再221条: B = 50,000,001 → 個人再生 not available: one line naming --debt, exit 2."""
    r = cli("saisei", "--debt", "50000001", "--json")
    assert r.exit_code == 2 and r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "--debt" in lines[0] and "221条" in lines[0] and "Traceback" not in r.stderr


def test_7_8_monthly_over_36_and_60(cli):
    """ref 7-8 COMPUTED: 1,000,000 / 36 ≈ 27,778; / 60 ≈ 16,667 (ceil, last adjusted)."""
    d = run(cli, "--debt", "3000000")
    assert (d["monthly_36_yen"], d["last_36_yen"]) == (27_778, 27_770)
    assert 27_778 * 35 + 27_770 == 1_000_000
    assert (d["monthly_60_yen"], d["last_60_yen"]) == (16_667, 16_647)
    assert 16_667 * 59 + 16_647 == 1_000_000


def test_7_1_monthly(cli):
    """ref 7-1: 800,000 ≈ 22,222/month over 36, ≈ 13,333 over 60 (ceil: 22,223 / 13,334, last adjusted)."""
    d = run(cli, "--debt", "80万")
    assert d["monthly_36_yen"] == 22_223 and d["monthly_36_yen"] * 35 + d["last_36_yen"] == 800_000
    assert d["monthly_60_yen"] == 13_334 and d["monthly_60_yen"] * 59 + d["last_60_yen"] == 800_000


def test_7_9_nin_i_600000_over_60_is_10000(cli):
    """ref 7-9 practice: 任意整理 balance 600,000, 60 months, future interest cut → 10,000/month."""
    d = run(cli, "--debt", "600000", "--nin-i", "60")
    assert d["nin_i"]["monthly_yen"] == 10_000 and d["nin_i"]["last_yen"] == 10_000
    assert d["nin_i"]["months"] == 60 and d["nin_i"]["future_interest"] == "cut"
    assert d["warnings"] == []


# Both sides of every boundary (COMPUTED from the formula; fractions of a yen rounded up: INTERPRETATION).
EDGES = [
    (1, 1, "all"),
    (999_999, 999_999, "all"),
    (1_000_000, 1_000_000, "floor"),
    (5_000_000, 1_000_000, "floor"),
    (5_000_001, 1_000_001, "one_fifth"),  # 1,000,000.2 → 1,000,001
    (5_000_005, 1_000_001, "one_fifth"),
    (15_000_000, 3_000_000, "one_fifth"),
    (15_000_001, 3_000_000, "cap"),
    (30_000_000, 3_000_000, "cap"),
    (30_000_001, 3_000_001, "one_tenth"),  # 3,000,000.1 → 3,000,001
    (50_000_000, 5_000_000, "one_tenth"),
]


@pytest.mark.parametrize("debt, minimum, rule", EDGES)
def test_tier_edges(cli, debt, minimum, rule):
    d = run(cli, "--debt", str(debt))
    assert (d["minimum_repayment_yen"], d["minimum_rule"]) == (minimum, rule)


def test_fraction_rounded_up_is_stated(cli):
    d = run(cli, "--debt", "5000001")
    assert any(n["code"] == "saisei.minimum_rounded_up" and "INTERPRETATION" in n["text"] and "1000000.2" in n["text"] for n in d["notes"])


def test_liquidation_value_binds(cli):
    d = run(cli, "--debt", "300万", "--liquidation-value", "150万")
    assert d["minimum_repayment_yen"] == 1_000_000
    assert d["plan_total_yen"] == 1_500_000 and d["binding_test"] == "liquidation_value"
    assert d["monthly_36_yen"] == 41_667 and d["procedure"] == "shokibo"


def test_disposable_income_binds_and_means_kyuyo(cli):
    d = run(cli, "--debt", "800万", "--liquidation-value", "100万", "--disposable-income", "240万")
    assert d["procedure"] == "kyuyo"
    assert d["plan_total_yen"] == 2_400_000 and d["binding_test"] == "disposable_income"
    assert [t["test"] for t in d["tests"]] == ["minimum_repayment", "liquidation_value", "disposable_income"]
    assert "民事再生法241条2項7号" in [c["label"] for c in d["citations"]]


def test_minimum_binds_when_larger_and_ties_go_to_the_minimum(cli):
    d = run(cli, "--debt", "800万", "--liquidation-value", "160万", "--disposable-income", "0")
    assert d["plan_total_yen"] == 1_600_000 and d["binding_test"] == "minimum_repayment"


def test_test_above_the_debt_is_capped_with_a_warning(cli):
    r = cli("saisei", "--debt", "200万", "--liquidation-value", "300万", "--json")
    d = r.json()
    assert d["plan_total_yen"] == 2_000_000 and d["capped_at_debt"] is True
    assert d["binding_test"] == "liquidation_value" and d["warnings"] and "warning" in r.stderr


def test_office_rounding_100_and_1000(cli):
    d = run(cli, "--debt", "300万", "--rounding", "1000")
    s36 = d["installments"]["schedules"][0]
    assert (s36["regular_yen"], s36["last_yen"]) == (28_000, 20_000)
    # 17,000 × 59 = 1,003,000 > 1,000,000: the last would be negative, so the regular installment
    # is floored to 16,000 and the last takes 56,000 — with a warning saying so
    assert (d["monthly_60_yen"], d["last_60_yen"]) == (16_000, 56_000)
    assert d["installments"]["schedules"][1]["method"] == "floor"
    assert any(w["code"] == "saisei.installment_floored" and "60回" in w["text"] and "1,000円" in w["text"] for w in d["warnings"])
    d = run(cli, "--debt", "300万", "--rounding", "100")
    assert (d["monthly_36_yen"], d["last_36_yen"]) == (27_800, 1_000_000 - 27_800 * 35)


def test_nin_i_balance_and_long_plan_warning(cli):
    d = run(cli, "--debt", "100万", "--nin-i", "36", "--nin-i-balance", "72万")
    assert d["nin_i"]["balance_yen"] == 720_000 and d["nin_i"]["monthly_yen"] == 20_000
    r = cli("saisei", "--debt", "100万", "--nin-i", "72", "--json")
    assert r.exit_code == 0 and any(w["code"] == "saisei.nin_i_over_norm" and "UNVERIFIED" in w["text"] for w in r.json()["warnings"])


def test_human_output(cli):
    r = cli("saisei", "--debt", "800万")
    assert r.exit_code == 0 and "1,600,000円" in r.stdout and "231条" in r.stdout
    r = cli("saisei", "--debt", "800万", "--nin-i", "60", "--lang", "en")
    assert r.exit_code == 0 and "¥1,600,000" in r.stdout and "Voluntary restructuring" in r.stdout


def test_record_matches_cli(cli):
    from saiken_cli.catalogue import localize

    assert localize(saisei_cmd.record({"debt": "800万", "nin-i": "60"}), "ja") == run(cli, "--debt", "800万", "--nin-i", "60")
