"""消滅時効援用通知書 (documents/enyou.py, rules/templates/enyou.toml): golden letters on each
内容証明 grid, a Hypothesis test that long names and addresses never leave the grid, and
the checks that refuse a letter while prescription is still running.

Golden files: tests/golden/documents/enyou-<layout>.txt (regenerate with
``SAIKEN_REGEN=1 pytest tests/test_documents_letter.py`` and read the diff before committing).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saiken_cli.documents import enyou, grid, jtext, templates
from saiken_cli.errors import ConflictError, RuleDataError

GOLDEN = Path(__file__).parent / "golden" / "documents"
ON = date(2026, 12, 1)
FACTS = enyou.LetterFacts(
    letter_date=ON,
    debtor="佐藤一郎",
    debtor_address="東京都千代田区霞が関一丁目1番1号　霞が関マンション101号室",
    creditor="株式会社Aサービサー",
    creditor_address="東京都港区芝公園四丁目2番8号",
    original_creditor="株式会社B銀行",
    contract_date=date(2015, 9, 1),
    account_number="1234-5678-9012",
    principal_yen=650000,
)
LAYOUTS = enyou.layouts(ON)


@pytest.mark.parametrize("key", sorted(LAYOUTS))
def test_golden_letter(key):
    letter = enyou.compose(FACTS, LAYOUTS[key])
    path = GOLDEN / f"enyou-{key}.txt"
    if os.environ.get("SAIKEN_REGEN"):
        path.write_text(letter.text, encoding="utf-8")
    assert letter.text == path.read_text(encoding="utf-8")
    layout = LAYOUTS[key]
    for page in letter.text.split("\f"):
        lines = page.splitlines()
        assert len(lines) <= layout.height
        assert all(grid.fits(line, layout.width) for line in lines)


def test_the_letter_says_what_a_lawyer_expects():
    text = enyou.compose(FACTS, LAYOUTS["yoko-26x20"]).text.replace("\n", "").replace("\f", "")
    for fact in ("消滅時効援用通知書", "令和8年12月1日", "株式会社Aサービサー　御中", "佐藤一郎", "民法第145条",
                 "時効を援用します", "株式会社B銀行", "平成27年9月1日", "金65万円"):
        assert fact in text
    assert not any("a" <= ch.lower() <= "z" for ch in text.replace("A", "").replace("B", ""))  # no English
    assert "--" not in text and "UNVERIFIED" not in text


def test_missing_optional_facts_leave_their_lines_out():
    facts = FACTS._replace(original_creditor=None, account_number=None)
    text = enyou.compose(facts, LAYOUTS["yoko-20x26"]).text
    assert "原債権者" not in text and "契約番号" not in text and "譲渡" not in text
    assert "１　契約日" in text and "２　請求されている元本" in text  # numbered in order


def test_vertical_letters_use_kanji_numerals():
    text = enyou.compose(FACTS, LAYOUTS["tate-20x26"]).text
    assert "令和八年十二月一日" in text and "金六十五万円" in text and "民法第百四十五条" in text
    assert not any(ch.isascii() and ch.isalnum() for ch in text)


_NAME = st.text(alphabet=st.sampled_from(list("山田太郎花子株式会社サービスファイナンスＡＢＣabc・ー－（）()　 ")), min_size=1, max_size=80)
_ADDRESS = st.text(alphabet=st.sampled_from(list("東京都千代田区霞が関一二三丁目番地号0123456789-－ビルマンション階号室①⑩㎡　、")), min_size=1, max_size=160)


@settings(max_examples=60, deadline=None)
@given(_NAME, _ADDRESS, _NAME, _ADDRESS, st.sampled_from(sorted(LAYOUTS)))
def test_long_names_and_addresses_never_leave_the_grid(debtor, debtor_address, creditor, creditor_address, key):
    facts = FACTS._replace(debtor=debtor, debtor_address=debtor_address, creditor=creditor, creditor_address=creditor_address)
    layout = LAYOUTS[key]
    letter = enyou.compose(facts, layout)
    for page in letter.text.split("\f"):
        lines = page.splitlines()
        assert 0 < len(lines) <= layout.height
        for line in lines:
            assert grid.line_count(line) <= layout.width and len(line) <= layout.width, line
    flat = letter.text.replace("\n", "").replace("\f", "").replace("　", "").replace(" ", "")
    for value in (debtor, creditor_address):
        want = (jtext.vertical(value) if layout.direction == "tate" else value).replace("　", "").replace(" ", "")
        assert want in flat


# --- the checks before a letter is written ------------------------------------------------


def _jikou(**over):
    base = {
        "status": "completed", "completion_date": "2022-07-27", "invocable_from": "2022-07-28", "events": [],
        "pending_proceedings": [], "barred_completions": [], "invocation_barred": False, "readings": [],
        "holiday": {"apply_142": False, "completion_day_closed": False},
    }
    base.update(over)
    return base


def test_a_completed_prescription_gives_a_letter_without_notes():
    assert enyou.check(_jikou(), ON) == []


def test_refused_while_prescription_is_running():
    with pytest.raises(ConflictError, match="完成していない: 援用は 2027-05-02 から"):
        enyou.check(_jikou(status="running", completion_date="2027-05-01", invocable_from="2027-05-02"), ON)


def test_refused_on_the_completion_day_itself_and_allowed_the_day_after():
    j = _jikou(completion_date="2026-12-01", invocable_from="2026-12-02")
    with pytest.raises(ConflictError):
        enyou.check(j | {"status": "running"}, date(2026, 12, 1))
    assert enyou.check(j, date(2026, 12, 2)) == []


def test_refused_after_a_judgment_renewed_the_period():
    j = _jikou(status="running", completion_date="2031-03-01", invocable_from="2031-03-02",
               events=[{"date": "2021-03-01", "kind": "hanketsu"}])
    with pytest.raises(ConflictError, match="判決確定"):
        enyou.check(j, ON)


def test_readings_that_disagree_use_the_later_date():
    j = _jikou(readings=[{"invocable_from": "2027-01-10", "status": "running"}])
    with pytest.raises(ConflictError, match="2027-01-10"):
        enyou.check(j, ON)
    notes = enyou.check(j | {"readings": [{"invocable_from": "2024-01-10", "status": "completed"}]}, ON)
    assert len(notes) == 1 and "読みが分かれて" in notes[0]


def test_an_acknowledgement_after_completion_is_a_note_not_a_refusal():
    j = _jikou(invocation_barred=True, barred_completions=[{"completed_on": "2022-07-27", "acknowledged_on": "2023-01-05"}])
    (note,) = enyou.check(j, ON)
    assert "承認" in note and "最判昭和41年4月20日" in note


def test_a_pending_proceeding_is_a_note():
    (note,) = enyou.check(_jikou(pending_proceedings=[{"kind": "teiso"}]), ON)
    assert "係属中" in note


# --- templates are data -------------------------------------------------------------------


def test_every_template_loads_and_every_version_is_cited():
    for tid in templates.template_ids():
        tpl = templates.load(tid)
        for v in tpl.versions:
            assert v.citations


def test_a_template_with_an_undeclared_placeholder_is_broken_rule_data():
    doc = {"id": "x", "title_ja": "x", "kind": "letter", "fields": ["a"],
           "versions": [{"effective_from": date(2020, 4, 1), "status": "COMPUTED", "citations": [{"law": "民法", "article": "145"}],
                         "blocks": [{"text": "{a}{b}"}]}]}
    with pytest.raises(RuleDataError, match="'b'"):
        templates.parse_template(doc, "x.toml")
    doc["versions"][0]["blocks"] = [{"txt": "{a}"}]
    with pytest.raises(RuleDataError, match="unknown key"):
        templates.parse_template(doc, "x.toml")
