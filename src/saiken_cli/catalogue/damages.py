"""Phrasings of calc/damages.py (遅延損害金): see catalogue/__init__.py."""

MESSAGES = {
    "damages.default_from_day_after_due": (
        "期限 {due_on} の翌日 {first_on} から遅滞 ({article})",
        "in default [遅滞] from {first_on}, the day after the due date {due_on} ({article})",
    ),
    "damages.legal_rate_on_default": (
        "法定利率 {rate}: 遅滞の始まった {first_on} の利率 ({article}・{transition_article})",
        "statutory rate [法定利率] {rate}: the rate on {first_on}, the day default began ({article}; {transition_article})",
    ),
    "damages.payments_applied_costs_damages_principal": (
        "一部弁済は費用→損害金→元本の順に充当 ({article}; 費用は0円として計算)",
        "partial payments go to costs (taken as 0) → damages → principal ({article})",
    ),
    "damages.payment_exceeds_debt": (
        "{paid_on} の弁済 {amount_yen} は残債務を {excess_yen} 超える",
        "the payment of {amount_yen} on {paid_on} exceeds what was owed by {excess_yen}",
    ),
    "damages.rate_below_legal_rate": (
        "指定利率 {rate} は遅滞開始日の法定利率 {legal_rate} を下回る: 損害賠償額の予定(民法420条)がなければ法定利率による ({article})",
        "the rate given, {rate}, is below the statutory rate of {legal_rate} on the day default began: without a "
        "liquidated-damages agreement [損害賠償額の予定, 民法420条] the statutory rate applies ({article})",
    ),
    "damages.rate_above_damages_caps": (
        "年{rate} は元本 {principal_yen} の貸付の損害金の上限を超える (貸金業者 {business_cap_rate}: {business_article}、"
        "その他 {other_cap_rate}: {other_article})。金銭消費貸借なら超過部分は無効 (saiken seigen で確認)",
        "{rate} a year exceeds the damages caps of the Interest Rate Restriction Act [利息制限法] for a loan of "
        "{principal_yen} ({business_cap_rate} for a money-lending business, {business_article}; {other_cap_rate} "
        "otherwise, {other_article}): for a loan the excess is void (check with saiken seigen)",
    ),
    "damages.rate_above_business_damages_cap": (
        "年{rate} は貸金業者の損害金の上限 {business_cap_rate} ({business_article}) を超える (貸金業者以外の上限 "
        "{other_cap_rate} ({other_article}) の範囲内)。金銭消費貸借なら超過部分は無効 (saiken seigen で確認)",
        "{rate} a year exceeds the {business_cap_rate} damages cap for a money-lending business ({business_article}); "
        "it is within the {other_cap_rate} cap for other lenders ({other_article}): for a loan the excess is void "
        "(check with saiken seigen)",
    ),
    "damages.court_method_differs": (
        "裁判所方式 (年単位+暦年日割, 閏年366日) では {court_total_yen} (差 {difference_yen:+})。"
        "判決・債務名義に365日特約がなければ執行ではこちらが用いられる",
        "the court method (--method court: whole years, then calendar-year days, 366 in a leap year) gives "
        "{court_total_yen} ({difference_yen:+}); without a 365-day clause in the judgment or title, enforcement uses it",
    ),
    "damages.leap_day_365_clause_over_cap": (
        "年365日の日割 (計算方式 {method}) で2月29日を含む期間を計算すると、年{rate} は上限 {ceilings_msgs} を超える"
        " (閏年の1日を1/365年と数えるため、2月29日を含む期間では年利を超えて課される)。岡山地裁は上限利率の契約に閏年特約"
        " (年365日の日割) を認めない。裁判所方式 (年単位+暦年日割、閏年366日) では {court_total_yen} (差 {difference_yen:+})",
        "at {rate} a year, a 365-day clause (--method {method}) over a span with 29 February charges more than the "
        "ceiling {ceilings_msgs} (a day of a leap year counts as 1/365 of a year); the Okayama District Court does not accept "
        "such a clause [閏年特約] in a contract at a ceiling rate; the court method (--method court: whole years, then "
        "calendar-year days, 366 in a leap year) gives {court_total_yen} ({difference_yen:+})",
    ),
    "damages.ceiling_interest": ("{cap_rate} ({article}: 利息)", "{cap_rate} (interest, {article})"),
    "damages.ceiling_damages": ("{cap_rate} ({article}: 損害金)", "{cap_rate} (damages, {article})"),
    "damages.ceiling_business_damages": ("{cap_rate} ({article}: 貸金業者の損害金)", "{cap_rate} (business lending damages, {article})"),
}
