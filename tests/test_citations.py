"""Citations a court accepts (issue 11 §2).

- every statute citation carries its official e-Gov 法令検索 link, built from the one 法令ID of
  its law in rules/data/laws.toml (with the article anchor #Mp-At_<n> where e-Gov has one);
- 判例 are cited by court, date and reporter, with a courts.go.jp link where one exists;
- law-firm pages, blogs and Q&A mirrors are ``"kind": "secondary"``: further reading (参考),
  never the basis of a rule row and never under 根拠;
- user output never points at the internal rules reference.

Checked on the rule data, on every Citation constant in calc/, and on the ``--json`` of every
example that runs a calculator (the same examples tests/test_schema_examples.py validates).
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

from conftest import invoke
from saiken_cli import rules
from saiken_cli.errors import RuleDataError
from saiken_cli.rules import Citation, parse_table

EGOV = "https://laws.e-gov.go.jp/law/"
OFFICIAL_URL = re.compile(
    r"^https?://(([a-z0-9-]+\.)*(go\.jp|lg\.jp|post\.japanpost\.jp)|(www\.)?(city|town|vill|pref)\.[a-z0-9-]+(\.[a-z0-9-]+)?\.jp)/"
)


def law_rows() -> dict[str, rules.Row]:
    return {row.key: row for row in rules.load("laws").rows}


def rule_citations() -> list[tuple[str, Citation]]:
    return [
        (f"{t.id} {row.key or row.effective_from}", c)
        for t in rules.all_tables()
        for row in t.rows
        for c in row.citations
    ]


def code_citations() -> list[tuple[str, Citation]]:
    import saiken_cli.calc as calc

    found = []
    for mod in pkgutil.iter_modules(calc.__path__):
        m = importlib.import_module(f"saiken_cli.calc.{mod.name}")
        for name, value in vars(m).items():
            if isinstance(value, Citation):
                found.append((f"calc.{mod.name}.{name}", value))
    return found


ALL = rule_citations() + code_citations()


def test_there_are_citations_of_both_kinds():
    assert len(rule_citations()) > 100 and len(code_citations()) > 10


@pytest.mark.parametrize("where, c", [x for x in ALL if x[1].law], ids=[w for w, c in ALL if c.law])
def test_every_cited_law_has_its_law_id_and_every_statute_citation_its_egov_url(where, c):
    rows = law_rows()
    row = rows.get(f"{c.law} ({c.law_no})") or rows.get(c.law)
    assert row is not None, f"{where}: {c.law} has no 法令ID in laws.toml"
    assert re.fullmatch(r"[0-9]{3}[A-Z0-9]{12}", row["law_id"]), row["law_id"]
    page = row.values.get("page_law_id") or row["law_id"]
    d = c.to_dict()
    assert d["kind"] == "statute"
    assert d["url"].startswith(EGOV + page), (where, d)


def test_each_law_id_lives_once():
    ids = [row["law_id"] for row in rules.load("laws").rows]
    assert len(ids) == len(set(ids))
    # and no rule file repeats an e-Gov id by hand: statute links come only from laws.toml
    for path in [*rules.DATA_DIR.glob("*.toml"), *(rules.DATA_DIR.parent / "templates").glob("*.toml")]:
        if path.name != "laws.toml":
            assert "laws.e-gov.go.jp" not in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize(
    "citation, url",
    [
        (Citation(law="民法", article="419", paragraph="1"), EGOV + "129AC0000000089#Mp-At_419"),
        (Citation(law="利息制限法", article="5の4"), EGOV + "329AC0000000100#Mp-At_5_4"),
        # a 議員立法: AC1 (the AC0 id that some unofficial pages give does not exist)
        (Citation(law="貸金業法", article="42", paragraph="1"), EGOV + "358AC1000000032#Mp-At_42"),
        # an amending law's 附則 are on the amended law's page; no anchor for 附則
        (Citation(law="民法の一部を改正する法律", article="附則17条", paragraph="3"), EGOV + "129AC0000000089"),
        # old text: the page, not today's article of that number
        (Citation(law="民法", article="167", paragraph="1", version="平成29年法律第44号による改正前"), EGOV + "129AC0000000089"),
        (Citation(law="民事訴訟費用等に関する法律", article="別表第一"), EGOV + "346AC0000000040"),
        (Citation(law="元号を改める政令", law_no="平成31年政令第143号", article="本則"), EGOV + "431CO0000000143"),
        (Citation(law="元号を改める政令", law_no="昭和64年政令第1号", article="本則"), EGOV + "364CO0000000001"),
    ],
)
def test_statute_urls_and_anchors(citation, url):
    assert citation.href() == url == citation.to_dict()["url"]


def test_labels_of_cases_interpretations_and_laws_without_articles():
    assert Citation(case="最判平成22年4月20日", reporter="民集64巻3号921頁").label() == "最判平成22年4月20日 民集64巻3号921頁"
    assert Citation(kind="interpretation", authority="saiken", document="X").label() == "saiken「X」（解釈）"
    assert Citation(law="元号法", article="本則", paragraph="1").label() == "元号法1項"


def test_rule_rows_rest_on_no_secondary_page_and_official_urls_are_official():
    for where, c in rule_citations():
        if c.kind_of() != "secondary" and c.url:
            assert OFFICIAL_URL.match(c.url), f"{where}: {c.url} is not an official page: mark it secondary"
    for t in rules.all_tables():
        for row in t.rows:
            assert row.citation.kind_of() != "secondary", f"{t.id} {row.key}"


def test_code_citations_are_statutes_or_cases():
    for where, c in code_citations():
        assert c.kind_of() in ("statute", "case", "official", "interpretation"), where


DOC = {"id": "t", "title_ja": "t", "title_en": "t", "keyed_on": "none", "unit": "yen"}


def _table(citation: dict, also: list | None = None):
    row = {"effective_from": __import__("datetime").date(2020, 1, 1), "value": "1", "status": "UNVERIFIED", "citation": citation}
    if also is not None:
        row["also"] = also
    return parse_table({**DOC, "rows": [row]}, "t.toml")


@pytest.mark.parametrize(
    "citation, message",
    [
        ({"kind": "secondary", "authority": "blog.example", "url": "https://blog.example/x"}, "never a row's basis"),
        ({"authority": "blog.example"}, "declares its kind"),
        ({"law": "民法", "article": "1", "url": "https://ja.wikibooks.org/wiki/x"}, "carries no url"),
        ({"kind": "official", "authority": "x", "url": "https://iuris.jp/x"}, "official citation's url"),
        ({"case": "最判", "url": "https://example.com/x"}, "courts.go.jp"),
        ({"kind": "bogus", "authority": "x"}, "not one of"),
    ],
)
def test_rule_data_refuses_non_official_bases(citation, message):
    with pytest.raises(RuleDataError, match=message):
        _table(citation)


def test_a_secondary_page_may_support_a_row_in_also():
    t = _table(
        {"kind": "interpretation", "authority": "saiken", "document": "reading"},
        [{"kind": "secondary", "authority": "blog.example", "url": "https://blog.example/x"}],
    )
    assert [c.kind_of() for c in t.rows[0].citations] == ["interpretation", "secondary"]


# --- the --json of every calculator example ------------------------------------------


def _payloads():
    import test_schema_examples as ex

    return [(src, p) for src, name, p in ex.PAYLOADS if name != "rules"]


def _citations_in(obj):
    if isinstance(obj, dict):
        if "label" in obj and "kind" in obj:
            yield obj
        for v in obj.values():
            yield from _citations_in(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _citations_in(v)


def _strings_in(obj):
    if isinstance(obj, dict):
        for v in obj.values():
            yield from _strings_in(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings_in(v)
    elif isinstance(obj, str):
        yield obj


def test_json_of_every_calculator_example_links_statutes_to_egov_and_gives_no_unofficial_basis():
    payloads = _payloads()
    commands = {p["command"] for _, p in payloads}
    assert {"damages", "jikou", "sashiosae", "seigen", "kabarai", "fees", "saisei"} <= commands, commands
    seen = 0
    for src, payload in payloads:
        cites = list(_citations_in(payload))
        if payload.get("citations"):
            assert any(c["kind"] != "secondary" for c in payload["citations"]), f"{src}: only secondary pages"
        for c in cites:
            seen += 1
            if c.get("law") and c.get("article"):
                assert c.get("url", "").startswith(EGOV), f"{src}: {c['label']} has no e-Gov link"
            if c["kind"] != "secondary" and c.get("url"):
                assert OFFICIAL_URL.match(c["url"]), f"{src}: {c['label']} <{c['url']}> given as basis"
    assert seen > 50


def test_no_output_points_at_the_internal_rules_reference():
    for src, payload in _payloads():
        for s in _strings_in(payload):
            assert "rules-reference" not in s and "reference §" not in s, f"{src}: {s[:120]}"


def test_secondary_pages_are_shown_under_sankou_not_konkyo(cli):
    r = cli("fees", "--amount", "630万")
    assert r.exit_code == 0, r.stderr
    basis, sankou = r.stdout.split("根拠", 1)[1].split("参考 (二次資料)", 1)
    assert "shomin-law.com" in sankou and "shomin-law.com" not in basis
    assert "民事訴訟費用等に関する法律別表第一1項 <https://laws.e-gov.go.jp/law/346AC0000000040>" in basis
    j = cli("fees", "--amount", "630万", "--json").json()
    kinds = {c["label"]: c["kind"] for c in j["citations"]}
    assert "secondary" in kinds.values() and kinds["民事訴訟費用等に関する法律別表第一1項"] == "statute"


# --- stale verification dates (issue 11 §1 item 11) ---------------------------------


def test_stale_verification_is_warned_once_per_batch_run_in_japanese(cli, tmp_path):
    f = tmp_path / "pays.csv"
    f.write_text("net,paid-on\n300000,2026-12-01\n310000,2026-12-01\n320000,2026-12-01\n", encoding="utf-8")
    r = cli("batch", "sashiosae", str(f))
    assert r.exit_code == 0, r.stderr
    stale = [line for line in r.stderr.splitlines() if "確認済み" in line]
    assert len(stale) == 1, r.stderr
    assert "verified through" not in stale[0] and "2026-11-01 まで確認済み" in stale[0]
    # each record still carries it (a record read alone says what it rests on)
    assert all(any("2026-11-01 まで確認済み" in w["text"] for w in __import__("json").loads(l)["result"]["warnings"]) for l in r.stdout.splitlines())


def test_stale_verification_warning_has_both_languages(cli):
    r = cli("sashiosae", "--net", "300000", "--paid-on", "2026-12-01", "--lang", "en")
    assert "verified through 2026-11-01" in r.stderr and "確認済み" not in r.stderr


def test_cases_carry_their_reporter_and_courts_go_jp_link_where_known():
    import saiken_cli.calc.kabarai as K

    assert K.H22_0420.label() == "最判平成22年4月20日 民集64巻3号921頁"  # the brief's example
    assert K.S39_1118.label() == "最大判昭和39年11月18日 民集18巻9号1868頁"  # a 大法廷 judgment: 最大判
    assert K.H25_0411.href() == "https://www.courts.go.jp/app/hanrei_jp/detail2?id=83181"
    row = rules.load("overpayment_interest").only("prescription_old") if "prescription_old" in rules.load("overpayment_interest").by_key else None
    cases = [c for _, c in rule_citations() if c.case == "最判平成21年1月22日"]
    assert cases and all(c.reporter == "民集63巻1号247頁" and c.href().endswith("id=37212") for c in cases)
    del row


# --- 国税・地方税: the tax offices' 1,000-yen practice (issue 11 §1 item 10) -----------------

NAKANO = ["sashiosae", "--tax", "--paid-on", "2026-10-01"]


def test_tax_1000_practice_golden_nakano_city_procedure(cli):
    """中野市「給与等の差押に係る取立て事務について」 (2022-10-24): ① pay floored to 1,000円, items
    1-5 each rounded up (5号 = (① − 1〜4号) × 0.2, up, at most 2 × 4号). By hand: ① 312,000;
    1〜3号 8,000 + 13,000 + 46,000; 4号 145,000 (1 dependant); 5号 20,000 → ③ 80,000."""
    args = [*NAKANO, "--gross", "312345", "--income-tax", "7210", "--resident-tax", "12300",
            "--social-insurance", "45678", "--commute", "0", "--dependents", "1"]
    practice = cli(*args, "--rounding", "tax-1000", "--json").json()
    assert practice["garnishable_yen"] == 80000
    assert practice["tax"]["practice"]["items_1_3_yen"] == [8000, 13000, 46000]
    assert practice["rounding"] == {**practice["rounding"], "direction": "tax-1000", "status": "VERIFIED-OFFICIAL"}
    cited = {c["label"]: c for c in practice["citations"]}
    nakano = next(c for c in cited.values() if c.get("authority") == "中野市")
    assert nakano["kind"] == "official" and nakano["url"].startswith("https://www.city.nakano.nagano.jp/")
    # the statute works to the yen: the default stays exact (247,157 − 145,000 − 20,431.4 → 81,725)
    assert cli(*args, "--json").json()["garnishable_yen"] == 81725


@pytest.mark.parametrize(
    "net, dependents, practice, exact",
    [
        (300000, 0, 160000, 160000),  # reference 5-13: both ways
        (300500, 0, 160000, 160400),  # the net floored to 1,000円
        (301000, 0, 160000, 160800),  # 5号 40,200 rounded up to 41,000
        (2000000, 0, 1700000, 1700000),  # the cap of 5号 (2 × 4号 = 200,000) decides
        (100999, 0, 0, 799),  # floored to the base: nothing
    ],
)
def test_tax_1000_practice_with_net_only(cli, net, dependents, practice, exact):
    r = cli(*NAKANO, "--net", str(net), "--dependents", str(dependents), "--rounding", "tax-1000", "--json")
    assert r.exit_code == 0, r.stderr
    d = r.json()
    assert d["garnishable_yen"] == practice and d["garnishable_yen"] + d["protected_yen"] == net
    assert any(a["code"] == "garnishment.tax_practice_net_only" and "総支給額" in a["text"] for a in d["assumptions"])  # says how to get the office's own figure
    assert cli(*NAKANO, "--net", str(net), "--dependents", str(dependents), "--json").json()["garnishable_yen"] == exact


def test_tax_1000_goes_with_tax_only(cli):
    r = cli("sashiosae", "--net", "300000", "--rounding", "tax-1000", "--paid-on", "2026-10-01")
    assert r.exit_code == 2 and r.stdout == "" and len(r.stderr.strip().splitlines()) == 1
    assert "--rounding tax-1000" in r.stderr
