"""`saiken fees`: golden values from rules-reference §6.3 / §10 (6-1 … 6-18), each with its source,
and both sides of every tier boundary and threshold."""

from __future__ import annotations

import pytest

from saiken_cli.commands import fees as fees_cmd


def run(cli, *args):
    r = cli("fees", *args, "--json")
    assert r.exit_code == 0, r.stderr
    return r.json()


# (訴額, 訴え, 支払督促, 調停, source)
REFERENCE = [
    (100_000, 1_000, 500, 500, "ref 6-1 jibundesaiban.com / yoichi.net table"),
    (150_000, 2_000, 1_000, 1_000, "ref 6-2 COMPUTED (part thereof)"),
    (300_000, 3_000, 1_500, 1_500, "ref 6-3 courts.go.jp Q&A (調停 1,500)"),
    (600_000, 6_000, 3_000, 3_000, "ref 6-4 早見表"),
    (1_000_000, 10_000, 5_000, 5_000, "ref 6-5 早見表; courts.go.jp (調停 5,000)"),
    (1_400_000, 12_000, 6_000, 6_000, "ref 6-6 早見表"),
    (3_000_000, 20_000, 10_000, 10_000, "ref 6-8 早見表"),
    (5_000_000, 30_000, 15_000, 15_000, "ref 6-9 早見表"),
    (6_300_000, 36_000, 18_000, 18_000, "ref 6-10 shomin-law.com (36,000)"),
    (10_000_000, 50_000, 25_000, 25_000, "ref 6-11 Wikipedia (50,000); ac-choutei.jp (調停 25,000)"),
]


@pytest.mark.parametrize("amount, filing, order, mediation, source", REFERENCE, ids=[r[4] for r in REFERENCE])
def test_reference_fees(cli, amount, filing, order, mediation, source):
    d = run(cli, "--amount", str(amount))
    assert (d["filing_fee_yen"], d["payment_order_fee_yen"], d["mediation_fee_yen"]) == (filing, order, mediation)
    assert d["amount_yen"] == amount
    assert d["warnings"] == []


def test_unassessable_is_160man_13000(cli):
    """ref 6-7 早見表: 訴額算定不能 → 160万円 → 13,000 / 6,500 / 6,500 (民訴費用法4条2項・7項)."""
    d = run(cli, "--unassessable")
    assert d["unassessable"] is True and d["amount_yen"] == 1_600_000
    assert (d["filing_fee_yen"], d["payment_order_fee_yen"], d["mediation_fee_yen"]) == (13_000, 6_500, 6_500)
    # 民訴法8条2項: deemed above 140万 → 地裁; no 少額訴訟, no 認定司法書士
    assert d["court"] == "district" and not d["small_claims_eligible"] and not d["shihoshoshi_eligible"]
    labels = [c["label"] for c in d["citations"]]
    assert "民事訴訟費用等に関する法律4条2項" in labels and "民事訴訟法8条2項" in labels


def test_1600000_as_amount_equals_unassessable_fees(cli):
    a, u = run(cli, "--amount", "160万"), run(cli, "--unassessable")
    assert a["filing_fee_yen"] == u["filing_fee_yen"] == 13_000


def test_appeal_1000000_is_15000(cli):
    """ref 6-16: 控訴, 訴額 1,000,000 → 15,000 (×1.5); 上告 ×2 → 20,000."""
    d = run(cli, "--amount", "1000000")
    assert d["appeal_fee_yen"] == 15_000 and d["final_appeal_fee_yen"] == 20_000
    assert d["multipliers"] == {"payment_order": "0.5", "appeal": "1.5", "final_appeal": "2"}


@pytest.mark.parametrize(
    "amount, eligible",
    [(600_000, True), (600_001, False), (1, True)],
)
def test_small_claims_limit_inclusive(cli, amount, eligible):
    """ref 6-17 民訴法368条1項: 600,000 → 少額訴訟 yes; 600,001 → no."""
    assert run(cli, "--amount", str(amount))["small_claims_eligible"] is eligible


@pytest.mark.parametrize(
    "amount, court, shiho",
    [(1_400_000, "summary", True), (1_400_001, "district", False)],
)
def test_summary_court_and_shihoshoshi_limit_inclusive(cli, amount, court, shiho):
    """ref 6-18 裁判所法33条1項1号 (SECONDARY): 1,400,000 簡裁 / 1,400,001 地裁; 司法書士法3条1項6号・7号."""
    d = run(cli, "--amount", str(amount))
    assert d["court"] == court and d["shihoshoshi_eligible"] is shiho
    assert d["court_ja"] == ("簡易裁判所" if court == "summary" else "地方裁判所")


def test_1400000_is_12000_summary(cli):
    """Issue requirement: 1,400,000 → 12,000, 簡裁."""
    d = run(cli, "--amount", "140万円")
    assert d["filing_fee_yen"] == 12_000 and d["court"] == "summary"


# Both sides of every tier boundary (COMPUTED from the tiers of §6.1; ceil within each tier).
FILING_EDGES = [
    (1, 1_000),
    (100_000, 1_000), (100_001, 2_000),
    (1_000_000, 10_000), (1_000_001, 11_000),
    (1_200_000, 11_000), (1_200_001, 12_000),
    (5_000_000, 30_000), (5_000_001, 32_000),
    (10_000_000, 50_000), (10_000_001, 53_000),
    (1_000_000_000, 3_020_000), (1_000_000_001, 3_030_000),
    (5_000_000_000, 11_020_000), (5_000_000_001, 11_030_000),
    (10_000_000_000, 16_020_000),
]
MEDIATION_EDGES = [
    (1_000_000, 5_000), (1_000_001, 5_500),
    (5_000_000, 15_000), (5_000_001, 16_000),
    (10_000_000, 25_000), (10_000_001, 26_200),
    (1_000_000_000, 1_213_000), (1_000_000_001, 1_217_000),
    (5_000_000_000, 4_413_000), (5_000_000_001, 4_417_000),
]


@pytest.mark.parametrize("amount, fee", FILING_EDGES)
def test_filing_tier_edges(cli, amount, fee):
    assert run(cli, "--amount", str(amount))["filing_fee_yen"] == fee


@pytest.mark.parametrize("amount, fee", MEDIATION_EDGES)
def test_mediation_tier_edges(cli, amount, fee):
    assert run(cli, "--amount", str(amount))["mediation_fee_yen"] == fee


def test_50oku_is_11020000_not_wikipedia_9020000(cli):
    """ref §6.1: the Wikipedia revision's 9,020,000 is an arithmetic slip; its own tiers give 11,020,000."""
    assert run(cli, "--amount", "50億")["filing_fee_yen"] == 11_020_000


def test_above_10oku_warns_unverified(cli):
    r = cli("fees", "--amount", "1000000001", "--json")
    assert r.exit_code == 0
    assert any(w["code"] == "fees.high_tiers_unverified" and "UNVERIFIED" in w["text"] for w in r.json()["warnings"])
    assert "UNVERIFIED" in r.stderr
    statuses = [p["status"] for p in r.json()["breakdown"]["filing"]]
    assert statuses[-1] == "UNVERIFIED" and statuses[:4] == ["VERIFIED-SECONDARY"] * 4


def test_exactly_10oku_does_not_warn(cli):
    r = cli("fees", "--amount", "10億", "--json")
    assert r.json()["warnings"] == [] and r.stderr == ""


def test_breakdown_6300000_matches_shomin_law(cli):
    """shomin-law.com: 630万 = 30,000 + 3 × 2,000 = 36,000."""
    parts = run(cli, "--amount", "6300000")["breakdown"]["filing"]
    assert [(p["units"], p["amount_yen"]) for p in parts] == [(10, 10_000), (20, 20_000), (3, 6_000)]
    assert parts[-1]["portion_yen"] == 1_300_000 and parts[-1]["over_yen"] == 5_000_000


def test_reminds_that_incidental_claims_are_not_added(cli):
    d = run(cli, "--amount", "100000")
    assert any(a["code"] == "fees.principal_claim_only" and "9条2項" in a["text"] for a in d["assumptions"])
    assert "民事訴訟法9条2項" in [c["label"] for c in d["citations"]]


def test_human_output_shows_fee_and_court(cli):
    r = cli("fees", "--amount", "140万")
    assert r.exit_code == 0
    assert "12,000円" in r.stdout and "簡易裁判所" in r.stdout and "9条2項" in r.stdout
    r = cli("fees", "--amount", "140万", "--lang", "en")
    assert "¥12,000" in r.stdout and "summary court" in r.stdout


def test_filed_on_selects_the_table_and_refuses_before_2004(cli):
    d = run(cli, "--amount", "100万", "--filed-on", "R6.4.1")
    assert d["filed_on"] == "2024-04-01" and d["filing_fee_yen"] == 10_000
    assert d["table_effective_from"] == "2004-01-01"
    r = cli("fees", "--amount", "100万", "--filed-on", "2003-12-31", "--json")
    assert r.exit_code == 3 and r.stdout == "" and len(r.stderr.strip().splitlines()) == 1
    assert "2004-01-01" in r.stderr


def test_filed_on_beyond_verified_warns(cli):
    r = cli("fees", "--amount", "100万", "--filed-on", "2027-01-01", "--json")
    assert r.exit_code == 0 and any(w["code"] == "rules.beyond_verified" and "確認済み" in w["text"] for w in r.json()["warnings"])


def test_record_matches_cli(cli):
    from saiken_cli.catalogue import localize

    assert localize(fees_cmd.record({"amount": "100万"}), "ja") == run(cli, "--amount", "100万")
    assert fees_cmd.record({"unassessable": "yes"})["filing_fee_yen"] == 13_000


def test_thresholds_refuse_before_2004_04_01(cli):
    """The fee table starts 2004-01-01 but the 140万/60万 limits only 2004-04-01 (date UNVERIFIED): refuse between."""
    r = cli("fees", "--amount", "100万", "--filed-on", "2004-03-31", "--json")
    assert r.exit_code == 3 and r.stdout == "" and "2004-04-01" in r.stderr
    assert run(cli, "--amount", "100万", "--filed-on", "2004-04-01")["court"] == "summary"
