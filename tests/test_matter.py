"""The matter case file (issue 12): one debtor, every creditor.

Golden md/json of examples/cases/matter-sato.toml are checked by tests/test_report.py; here:
each debt's figures are the single commands' answers for the same facts, the totals add
up, strict keys (closest key named, all errors at once), bad input, paths relative to the
case file, include-barred, and the HTML document."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from saiken_cli.commands import report as report_cmd

ROOT = Path(__file__).resolve().parent.parent
SATO = ROOT / "examples" / "cases" / "matter-sato.toml"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(report_cmd, "today_in_japan", lambda: date(2026, 12, 1))


def _argv(command: str, flags: dict) -> list[str]:
    argv = [command]
    for key, value in flags.items():
        if key == "file":  # kabarai's history is its argument, relative to the case file's folder
            argv.insert(1, str(SATO.parent / value))
            continue
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, bool) or v in ("true", "false"):
                if v is True or v == "true":
                    argv.append(f"--{key}")
            else:
                argv += [f"--{key}", str(v)]
    return argv


@pytest.fixture(scope="module")
def sato():
    from conftest import invoke

    import saiken_cli.commands.report as rc

    saved = rc.today_in_japan
    rc.today_in_japan = lambda: date(2026, 12, 1)
    try:
        r = invoke("report", str(SATO), "--format", "json")
    finally:
        rc.today_in_japan = saved
    assert r.exit_code == 0, r.stderr
    return r.json()


def test_the_example_has_what_the_issue_asks(sato):
    debts = sato["debts"]
    assert len(debts) >= 3
    assert any(d["time_barred"] for d in debts)
    assert any(d["kabarai"] is not None for d in debts)


def test_each_debt_equals_the_single_commands(cli, sato):
    checked = 0
    for d in sato["debts"]:
        for command, flags in d["inputs"].items():
            single = cli(*_argv(command, flags), "--json")
            assert single.exit_code == 0, (d["table"], command, single.stderr)
            assert single.json() == d[command], (d["table"], command)
            checked += 1
    assert checked >= 6
    if sato["garnishment"]:
        flags = {"net": "31万", "period": "monthly", "paid-on": sato["case"]["as_of"]}
        assert cli(*_argv("sashiosae", flags), "--json").json() == sato["garnishment"]["result"]


def test_golden_figures_of_the_example(sato):
    """Hand-checked figures of examples/cases/matter-sato.toml on 2026-12-01."""
    a, c, d, e = sato["debts"]
    # A: 650,000 × 18% from 2017-08-21; 50,000 paid 2019-09-30 goes to damages first (民法489条)
    assert a["damages"]["segments"][0]["amount_yen"] == 650_000 * 18 * 771 // 36500  # 2017-08-21..2019-09-30 = 771 days
    assert a["principal_yen"] == 650_000 and a["total_owed_yen"] == 1_686_657
    # old law (contract 2015), commercial 5 years from the 2019-09-30 payment (承認), 催告 2024-05-20 → +6 months
    assert a["jikou"]["completion_date"] == "2024-11-20" and a["jikou"]["status"] == "completed" and a["time_barred"]
    assert c["jikou"]["completion_date"] == "2029-02-10" and c["jikou"]["status"] == "running"
    assert c["interest_yen"] == 12_345
    # D: recalculated at 18%: overpaid, nothing owed; the claim prescribes 10 years after 2017-03-27
    assert d["basis"] == "recalculated" and d["total_owed_yen"] == 0
    assert d["overpayment"]["prescription_date"] == "2027-03-27" and d["overpayment"]["status"] == "running"
    assert e["jikou"]["completion_date"] == "2027-03-15" and e["jikou"]["period_years"] == 10
    # a judgment of 2017-03-15: the old law's 10 years (旧174条の2第1項), not 169条1項 (from 2020-04-01)
    assert [f["text"] for f in e["flags"] if f["code"].startswith("matter.judgment")] == [
        "判決確定 2017-03-15: 時効期間は10年 (旧民法174条の2第1項)。判決正本・確定証明を確認すること"]


def test_totals_add_up(sato):
    t, debts = sato["totals"], sato["debts"]
    assert t["total_owed_yen"] == sum(d["total_owed_yen"] for d in debts)
    assert t["time_barred_yen"] == sum(d["total_owed_yen"] for d in debts if d["time_barred"])
    assert t["overpayment_yen"] == sum(d["overpayment"]["overpayment_yen"] for d in debts if d["overpayment"])
    for d in debts:
        assert d["total_owed_yen"] == d["principal_yen"] + d["interest_yen"] + d["damages_yen"]
    # 個人再生 on the debts not time-barred
    s = sato["options"]["saisei"]
    assert s["debt_yen"] == t["not_time_barred_yen"] and s["minimum_repayment_yen"] == 1_000_000
    ni = sato["options"]["nin_i"]
    assert ni["monthly_total_yen"]["36"] == sum(r["schedules"]["36"]["regular_yen"] for r in ni["creditors"])
    assert {r["debt"] for r in ni["creditors"]} == {d["index"] for d in debts if d["total_owed_yen"] and not d["time_barred"]}
    assert sato["garnishment"]["garnishable_yen"] == 77_500  # 310,000 × 1/4


def test_deadlines_soonest_first(sato):
    dates = [x["date"] for x in sato["deadlines"]]
    assert dates == sorted(dates) and dates[0] >= sato["case"]["as_of"]
    assert {x["kind"] for x in sato["deadlines"]} >= {"jikou_completion", "overpayment_prescription"}


def test_messages_are_code_params_text(sato):
    item = sato["debts"][0]["notes"][0]
    assert set(item) == {"code", "params", "text"} and item["code"] == "matter.may_invoke"
    assert "援用" in item["text"]


def _write(tmp_path: Path, text: str, name: str = "m.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


BASE = """[case]
id = "T-1"
as_of = 2026-12-01
[[debt]]
creditor = "X"
principal = "10万"
acceleration-date = 2024-01-10
"""


def test_include_barred(cli, tmp_path):
    text = SATO.read_text(encoding="utf-8").replace('as_of = 2026-12-01', 'as_of = 2026-12-01\ninclude-barred = true')
    case = tmp_path / "m.toml"
    shutil.copytree(SATO.parent / "histories", tmp_path / "histories")
    case.write_text(text, encoding="utf-8")
    r = cli("report", str(case), "--format", "json")
    assert r.exit_code == 0, r.stderr
    p = r.json()
    assert p["options"]["saisei"]["debt_yen"] == p["totals"]["total_owed_yen"]
    assert any(a["code"] == "matter.barred_included" for a in p["options"]["saisei"]["assumptions"])


def test_paths_are_relative_to_the_case_file(cli, tmp_path, monkeypatch):
    shutil.copytree(SATO.parent / "histories", tmp_path / "cases" / "histories")
    case = tmp_path / "cases" / "m.toml"
    case.write_text(SATO.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # not the case file's folder
    r = cli("report", "cases/m.toml", "--format", "json")
    assert r.exit_code == 0, r.stderr
    d = r.json()["debts"][2]
    assert d["kabarai"]["source"] == "d-finance.csv"
    assert d["inputs"]["kabarai"]["file"] == "histories/d-finance.csv"  # as written: no folder of this machine
    assert str(tmp_path) not in r.stdout


@pytest.mark.parametrize(
    "table, typo, closest",
    [
        ("[case]", "debter", "debtor"),
        ("[case]", "as_off", "as-of"),
        ("[income]", "nett", "net"),
        ("[[debt]]", "evnt", "event"),
        ("[[debt]]", "principle", "principal"),
        ("[[debt]]", "acceleration_dat", "acceleration-date"),
        ("[[debt]]", "creditor-typ", "creditor-type"),
        ("[[debt]]", "transaction", "transactions"),
    ],
)
def test_a_typo_in_any_table_names_the_closest_key(cli, tmp_path, table, typo, closest):
    text = BASE + '[income]\nnet = "30万"\n'
    where = {"[case]": "[case]\n", "[income]": "[income]\n", "[[debt]]": "[[debt]]\n"}[table]
    head, _, tail = text.partition(where)
    text = head + where + f'{typo} = "x"\n' + tail
    out = tmp_path / "out.md"
    r = cli("report", str(_write(tmp_path, text)), "--output", str(out))
    assert r.exit_code == 2
    assert f"{typo}: unknown key; did you mean '{closest}'?" in r.stderr
    assert ("[[debt]] #1" if table == "[[debt]]" else table) in r.stderr and "m.toml" in r.stderr
    assert "Traceback" not in r.stderr and not out.exists()


def test_all_errors_of_a_file_in_one_run(cli, tmp_path):
    text = """[case]
debter = "Y"
[cases]
[[debt]]
creditor = "A"
principal = true
acceleration-date = 2024-01-10
[[debt]]
creditor = "B"
principal = "10万"
evnt = ["2024-01-01:承認"]
due-date = 2023-01-01
[[debt]]
[[debt]]
creditor = "D"
principal = "10万"
due-date = 2024-01-10
payment = ["2023-05-01:1万"]
"""
    r = cli("report", str(_write(tmp_path, text)))
    assert r.exit_code == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 6, r.stderr
    joined = r.stderr
    assert "[case] debter: unknown key; did you mean 'debtor'?" in joined
    assert "[cases]: unknown section; did you mean [case]?" in joined
    assert "[[debt]] #1 principal: true is not accepted" in joined
    assert "[[debt]] #2 evnt: unknown key; did you mean 'event'?" in joined
    assert "[[debt]] #3: empty table" in joined
    # found by the command itself (a payment before the delay began), in the same run
    assert "[[debt]] #4 payment: '2023-05-01:10000' is not accepted" in joined
    assert all(line.startswith("saiken: error: ") for line in lines)


@pytest.mark.parametrize(
    "body, needle",
    [
        ('creditor = "X"\nprincipal = true\nacceleration-date = 2024-01-10\n', "[[debt]] #1 principal: true is not accepted"),
        ('creditor = "X"\nprincipal = 1.5\nacceleration-date = 2024-01-10\n', "[[debt]] #1 principal: 1.5 is not accepted: whole yen"),
        ('creditor = "X"\nprincipal = "10万"\ndamages-rate = 0.18\nacceleration-date = 2024-01-10\n', "damages-rate: 0.18 is not accepted"),
        ('creditor = "X"\nprincipal = "10万"\n', "[[debt]] #1: missing: when the debt fell due"),
        ('principal = "10万"\ndue-date = 2024-01-10\n', "[[debt]] #1 creditor: missing"),
        ('creditor = "X"\nprincipal = "10万"\ndue-date = 2024-01-10\ntransactions = "nope.csv"\n', "[[debt]] #1 transactions: 'nope.csv' is not accepted: no such file"),
        ('creditor = "X"\nprincipal = "10万"\ndue-date = "2024-02-30"\n', "[[debt]] #1 due-date: '2024-02-30' is not accepted"),
        ('creditor = "X"\nprincipal = "10万"\ndue-date = 2024-01-10\nevent = ["2024-05-01:evnt"]\n', "[[debt]] #1 event: '2024-05-01:evnt' is not accepted"),
        ('creditor = "X"\nprincipal = "10万"\ndue-date = 2024-01-10\npayment = ["2023-05-01:1万"]\n', "[[debt]] #1 payment:"),
        ('creditor = "X"\nprincipal = "10万"\ndue-date = 2024-01-10\ncreditor-type = "bankk"\n', "[[debt]] #1 creditor-type: 'bankk' is not accepted"),
    ],
)
def test_bad_debts_are_exit_2_naming_table_and_key(cli, tmp_path, body, needle):
    out = tmp_path / "out.md"
    r = cli("report", str(_write(tmp_path, "[case]\nas_of = 2026-12-01\n[[debt]]\n" + body)), "--output", str(out))
    assert r.exit_code == 2, r.stderr
    assert needle in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and not out.exists()


def test_duplicate_account_numbers_warn(cli, tmp_path):
    debt = '[[debt]]\ncreditor = "{c}"\nprincipal = "10万"\ndue-date = 2024-01-10\naccount-number = "K-1"\n'
    text = "[case]\nas_of = 2026-12-01\n" + debt.format(c="A") + debt.format(c="B")
    r = cli("report", str(_write(tmp_path, text)))
    assert r.exit_code == 0
    assert "債権者1と債権者2の契約番号が同じ" in r.stderr and "債権者1と債権者2の契約番号が同じ" in r.stdout


def test_a_debt_with_only_a_last_payment_is_counted_from_it_and_says_so(cli, tmp_path):
    text = "[case]\nas_of = 2026-12-01\n[[debt]]\ncreditor = \"A\"\nprincipal = \"10万\"\nlast-payment = 2019-01-10\n"
    r = cli("report", str(_write(tmp_path, text)), "--format", "json")
    assert r.exit_code == 0, r.stderr
    d = r.json()["debts"][0]
    assert d["damages"] is None and {w["code"] for w in d["warnings"]} >= {"matter.damages_not_computed", "matter.start_from_last_payment"}


def test_report_refuses_to_overwrite_its_case_file(cli, tmp_path):
    case = _write(tmp_path, BASE)
    r = cli("report", str(case), "--output", str(case))
    assert r.exit_code == 2 and case.read_text(encoding="utf-8") == BASE


def test_warnings_appear_in_the_md_and_html_next_to_their_figure(cli, tmp_path):
    md = cli("report", str(SATO)).stdout
    # the 142条 reading of C信用金庫 sits in C's own detail, before the next creditor
    c = md.index("### 2. C信用金庫")
    d = md.index("### 3. Dファイナンス株式会社")
    assert c < md.index("満了日 2029-02-10 (令和11年2月10日) は土曜日", c) < d
    out = tmp_path / "r.html"
    assert cli("report", str(SATO), "--format", "html", "--output", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "満了日 2029-02-10 (令和11年2月10日) は土曜日" in html


def test_html_is_a_document(cli, tmp_path):
    out = tmp_path / "r.html"
    r = cli("report", str(SATO), "--format", "html", "--output", str(out))
    assert r.exit_code == 0 and r.stdout == ""
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="ja">' in html
    assert "<pre" not in html and "<table" in html and "<h1>" in html and "<h2>" in html
    assert 'class="num"' in html and ".num { text-align: right" in html
    assert "@page { size: A4" in html and "break-before: page" in html
    for label in ("事件番号", "債務者", "基準日", "作成日", "saiken 0.1.0", "法令データ sha256:"):
        assert label in html
    assert "1,686,657円" in html and "法的助言ではありません" in html


def test_case_fields_are_escaped_in_html_and_md(cli, tmp_path):
    text = BASE.replace('creditor = "X"', 'creditor = "<script>x</script> | A"')
    out = tmp_path / "r.html"
    assert cli("report", str(_write(tmp_path, text)), "--format", "html", "--output", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    md = cli("report", str(_write(tmp_path, text))).stdout
    assert "\\| A" in md


def test_english_matter_report(cli):
    r = cli("report", str(SATO), "--lang", "en")
    assert r.exit_code == 0
    assert "# Creditors and the state of the debts" in r.stdout and "¥1,686,657" in r.stdout


def test_a_recalculated_balance_still_owed_carries_the_damages(cli, tmp_path):
    """A history that is not overpaid: its balance replaces the claimed principal and the
    damages run on it (the same as `saiken damages --principal BALANCE`)."""
    (tmp_path / "h.csv").write_text("日付,借入,返済\n2015-01-10,500000,\n2015-02-10,,20000\n2015-03-10,,20000\n", encoding="utf-8")
    text = ('[case]\nas_of = 2026-12-01\n[[debt]]\ncreditor = "X"\nprincipal = "60万"\ninterest = "5万"\n'
            'damages-rate = "20%"\nacceleration-date = 2015-04-10\ncontract-date = 2015-01-10\ntransactions = "h.csv"\n')
    r = cli("report", str(_write(tmp_path, text)), "--format", "json")
    assert r.exit_code == 0, r.stderr
    d = r.json()["debts"][0]
    balance = d["kabarai"]["balance_yen"]
    assert 0 < balance < 600_000 and d["basis"] == "recalculated"
    assert d["inputs"]["damages"]["principal"] == str(balance)
    assert d["damages"]["principal_yen"] == balance and d["interest_yen"] == d["kabarai"]["unpaid_interest_yen"]
    codes = {a["code"] for a in d["assumptions"]}
    assert {"matter.recalculated_balance", "matter.claimed_interest_replaced"} <= codes


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_debt = st.fixed_dictionaries({
    "principal": st.integers(1, 5_000_000),
    "interest": st.integers(0, 300_000),
    "rate": st.sampled_from(["legal", "5%", "14.6%", "18%", "20%"]),
    "accel": st.dates(date(2005, 1, 1), date(2026, 9, 30)),  # payments (30 days apart) stay before the 基準日
    "paid": st.lists(st.integers(1, 200_000), max_size=2),
    "creditor_type": st.sampled_from(["company", "shinkin", "individual"]),
})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(debts=st.lists(_debt, min_size=1, max_size=5), include_barred=st.booleans())
def test_property_totals_and_options_are_consistent(tmp_path, debts, include_barred):
    from saiken_cli.matter import analyse, load_matter

    parts = [f"[case]\nas_of = 2026-12-01\ninclude-barred = {'true' if include_barred else 'false'}\n"]
    for i, d in enumerate(debts, 1):
        pays = [f'"{date.fromordinal(d["accel"].toordinal() + 1 + 30 * k).isoformat()}:{a}"' for k, a in enumerate(d["paid"])]
        parts.append(
            f'[[debt]]\ncreditor = "C{i}"\nprincipal = {d["principal"]}\ninterest = {d["interest"]}\n'
            f'damages-rate = "{d["rate"]}"\nacceleration-date = {d["accel"].isoformat()}\ncontract-date = {d["accel"].isoformat()}\n'
            f'creditor-type = "{d["creditor_type"]}"\npayment = [{", ".join(pays)}]\n'
        )
    case = tmp_path / "p.toml"
    case.write_text("\n".join(parts), encoding="utf-8")
    p = analyse(load_matter(str(case)), date(2026, 12, 1))
    t = p["totals"]
    assert t["total_owed_yen"] == sum(x["total_owed_yen"] for x in p["debts"])
    assert 0 <= t["time_barred_yen"] <= t["total_owed_yen"]
    for x in p["debts"]:
        assert x["total_owed_yen"] == x["principal_yen"] + x["interest_yen"] + x["damages_yen"]
        assert x["principal_yen"] <= x["claimed_principal_yen"]  # payments only reduce the principal
        assert x["time_barred"] == (x["jikou"]["status"] == "completed" and not x["jikou"]["invocation_barred"]
                                    and x["total_owed_yen"] > 0)
    base = t["total_owed_yen"] if include_barred else t["not_time_barred_yen"]
    assert p["options"]["saisei"]["debt_yen"] == base
    ni = p["options"]["nin_i"]
    assert ni["balance_yen"] == base  # nin-i-base = total
    for r in ni["creditors"]:
        for months in ("36", "60"):
            s = r["schedules"][months]
            assert s["regular_yen"] * (int(months) - 1) + s["last_yen"] == r["balance_yen"]
    dates = [x["date"] for x in p["deadlines"]]
    assert dates == sorted(dates) and all(x >= "2026-12-01" for x in dates)


def test_liquidation_value_sets_the_saisei_plan_total(cli, tmp_path):
    text = BASE.replace('as_of = 2026-12-01', 'as_of = 2026-12-01\nliquidation-value = "150万"').replace('"10万"', '"300万"')
    r = cli("report", str(_write(tmp_path, text)), "--format", "json")
    assert r.exit_code == 0, r.stderr
    s = r.json()["options"]["saisei"]
    assert s["minimum_repayment_yen"] == 1_000_000 and s["plan_total_yen"] == 1_500_000  # 清算価値 binds
    assert s["result"]["binding_test"] == "liquidation_value"
    md = cli("report", str(_write(tmp_path, text))).stdout
    assert "| 計画弁済総額 (下限) | 1,500,000円 (清算価値) |" in md


def test_the_keys_the_japanese_assumptions_name_are_accepted(cli, tmp_path):
    """matter.barred_excluded and matter.nin_i.base_total tell the lawyer, in Japanese, which
    key of the case file changes them ("時効完成債権を含める" = "はい", "任意整理の基準額" = "元本"):
    those keys and values are accepted and do what the sentences say."""
    plain = cli("report", str(_write(tmp_path, BASE, "plain.toml")), "--format", "json").json()
    ni = plain["options"]["nin_i"]
    said = " ".join(a["text"] for a in ni["assumptions"])
    assert '"時効完成債権を含める" = "はい"' in said and '"任意整理の基準額" = "元本"' in said
    text = BASE.replace('as_of = 2026-12-01', 'as_of = 2026-12-01\n"時効完成債権を含める" = "はい"\n"任意整理の基準額" = "元本"')
    r = cli("report", str(_write(tmp_path, text)), "--format", "json")
    assert r.exit_code == 0, r.stderr
    p = r.json()
    assert p["include_barred"] is True and p["options"]["nin_i"]["base"] == "principal"
    assert any(a["code"] == "matter.nin_i.base_principal" for a in p["options"]["nin_i"]["assumptions"])


@pytest.mark.parametrize("judged, due, code, article", [
    ("2021-06-15", "2020-05-01", "matter.judgment", "民法169条1項"),
    ("2017-03-15", "2016-05-01", "matter.judgment_old_law", "旧民法174条の2第1項"),
    ("2017-03-15", "2020-03-01", "matter.judgment_debt_not_due", "民法169条2項"),
])
def test_the_judgment_flag_cites_the_article_that_set_the_period(cli, tmp_path, judged, due, code, article):
    # fault: every judgment was flagged "10年 (民法169条1項)", for a judgment under the old law
    # (旧174条の2) and for a debt not yet due at the judgment (whose own period runs, 169条2項)
    text = BASE.replace("acceleration-date = 2024-01-10", f"due-date = {due}\njudgment-date = {judged}")
    r = cli("report", str(_write(tmp_path, text)), "--format", "json")
    assert r.exit_code == 0, r.stderr
    d = r.json()["debts"][0]
    flag = next(f for f in d["flags"] if f["code"].startswith("matter.judgment"))
    assert flag["code"] == code and article in flag["text"]
    assert f"{d['jikou']['period_years']}年" in flag["text"]
