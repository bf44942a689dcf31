"""Phrasings of calc/fees.py (訴訟費用・収入印紙, saiken fees): see catalogue/__init__.py."""

MESSAGES = {
    "fees.payment_order": ("支払督促", "payment order"),
    "fees.appeal": ("控訴", "appeal"),
    "fees.final_appeal": ("上告", "final appeal"),
    "fees.fraction_floored": (
        "{what_msg}: {fee_yen} × {multiplier} に円未満が生じたため切り捨てた (INTERPRETATION)",
        "{what_msg}: {fee_yen} × {multiplier} gave a fraction of a yen, floored (INTERPRETATION)",
    ),
    "fees.unassessable": (
        "訴額算定不能: {amount_yen}とみなす (民訴費用法4条2項, 調停は4条7項)。管轄は140万円を超えるものとみなす (民訴法8条2項)",
        "value cannot be assessed [訴額算定不能]: deemed {amount_yen} (民訴費用法4条2項; mediation 4条7項); deemed above "
        "the summary-court limit (民訴法8条2項)",
    ),
    "fees.high_tiers_unverified": (
        "10億円を超える部分の手数料段階は裁判所の手数料額早見表と未照合 (UNVERIFIED): 申立て前に早見表で確認すること",
        "the tiers above 1 billion yen are UNVERIFIED against the courts' fee table: check before filing",
    ),
    "fees.table_on_filing_date": (
        "申立日 {filed_on:iso} に施行中の表 ({table_from_on:iso}施行)",
        "the table in force on the filing date {filed_on:iso} (in force since {table_from_on:iso})",
    ),
    "fees.current_table": (
        "現行の手数料表 ({table_from_on:iso}施行。{verified_through_on:iso}時点で確認) を適用。過去の申立ては申立日を指定",
        "the current table (in force since {table_from_on:iso}, checked as of {verified_through_on:iso}); give the "
        "filing date [申立日] for a past filing",
    ),
    "fees.principal_claim_only": (
        "訴額は元本等の主たる請求のみ: 利息・遅延損害金・違約金・費用 (附帯請求) は加算しない (民訴法9条2項)",
        "the value is the principal claim only: interest, damages, penalties and costs [附帯請求] are not added (民訴法9条2項)",
    ),
    "fees.whole_value_appealed": (
        "控訴・上告は訴額全部を不服とする場合の額",
        "appeal fees assume the whole value is appealed",
    ),
    "fees.multiples_whole_yen": (
        "1項の各段は1,000円の倍数のため、支払督促 (½)・控訴 (1.5倍)・上告 (2倍) は常に円単位で割り切れる (端数処理不要)",
        "every item-1 tier is a multiple of 1,000 yen, so ½, 1.5× and 2× are always whole yen",
    ),
    "fees.summary_court": (
        "訴額 {amount_yen} ≤ {limit_yen}: 簡易裁判所 (裁判所法33条1項1号)。不動産に関する訴えは地裁にも提起できる (同法24条1号)",
        "value {amount_yen} within the summary-court limit of {limit_yen} [簡易裁判所, 裁判所法33条1項1号]; real-property "
        "claims may also go to the district court (24条1号)",
    ),
    "fees.district_court": (
        "訴額 {amount_yen} > {limit_yen}: 地方裁判所 (裁判所法24条1号・33条1項1号)",
        "value {amount_yen} above the summary-court limit of {limit_yen}: district court [地方裁判所]",
    ),
    "fees.small_claims": (
        "少額訴訟可 (金銭請求・{limit_yen}以下, 民訴法368条1項)。同一簡裁で年10回まで (民訴規則223条: UNVERIFIED)",
        "small-claims action [少額訴訟] available (money claims up to {limit_yen}); 10 uses per court per year (UNVERIFIED)",
    ),
    "fees.shihoshoshi_may_act": (
        "認定司法書士が代理可 (1件{limit_yen}以下。債務整理では債権者ごとの請求額で判断, 最判平成28年6月27日)",
        "a certified judicial scrivener [認定司法書士] may act (up to {limit_yen} per claim, by the claimed amount; "
        "最判平成28年6月27日)",
    ),
    "fees.shihoshoshi_may_not_act": (
        "認定司法書士は代理不可 (1件{limit_yen}超。最判平成28年6月27日は債権者ごとの請求額で判断)",
        "a certified judicial scrivener [認定司法書士] may not act (above {limit_yen} per claim; 最判平成28年6月27日)",
    ),
    "fees.objection_top_up": (
        "支払督促に督促異議があれば訴え提起とみなされ (民訴法395条)、訴えの手数料との差額を追納する (UNVERIFIED)",
        "after an objection to a payment order the plaintiff tops the fee up to the action fee (民訴法395条; UNVERIFIED)",
    ),
}
