"""Phrasings of calc/seigen.py (利息制限法・出資法の判定, saiken seigen): see catalogue/__init__.py."""

MESSAGES = {
    # assumptions
    "seigen.current_law": (
        "現行法で判定 (契約日の指定なし)",
        "checked against the law in force now (no contract date [契約日] given)",
    ),
    "seigen.bracket_principal": (
        "上限利率の元本は既存残元本 {existing_yen} + 今回 {principal_yen} = {bracket_yen} (利息制限法5条)",
        "the bracket principal is the remaining principal {existing_yen} plus the new loan {principal_yen} = {bracket_yen} (利息制限法5条)",
    ),
    "seigen.period_days_counted": (
        "期間 {period_days}日: 貸付日を算入し返済日を算入しない (貸金業法施行規則11条 別表)",
        "{period_days} days: the lending day counts, the repayment day does not (貸金業法施行規則11条)",
    ),
    "seigen.lawful_interest_by_calendar_year": (
        "法定利息の日割は暦年ごとに365日または366日で除す (閏年)",
        "lawful interest divides each day by the length of its calendar year (365 or 366 days)",
    ),
    "seigen.interest_from_repaid": (
        "利息 = 返済額 {repaid_yen} − 元本 {principal_yen} = {interest_yen} (礼金・手数料等も利息とみなす: 利息制限法3条, 出資法5条の4)",
        "interest = repaid {repaid_yen} − principal {principal_yen} = {interest_yen} (fees count as interest: "
        "利息制限法3条, 出資法5条の4)",
    ),
    "seigen.per_days_annualised": (
        "{per_days}日ごとに{per_rate}: 年利 = {per_rate} × {year_days} ÷ {per_days} (単利)",
        "simple annualisation of {per_rate} per {per_days} days: {per_rate} × {year_days} ÷ {per_days}",
    ),
    "seigen.one_year_shown": (
        "期間の指定なし: 法定利息は1年分 ({year_days}日) で表示",
        "no period given: lawful interest shown for one year ({year_days} days)",
    ),
    "seigen.shusshi_min_days": (
        "出資法の判定は期間 {period_days}日 を {min_days}日 として計算 (出資法5条の4第1項)",
        "for the 出資法 the {period_days}-day period counts as {min_days} days (出資法5条の4第1項)",
    ),
    # notes and warnings
    "seigen.min_days_not_applied": (
        "貸付期間の指定なし: 出資法5条の4第1項 ({min_days}日未満は{min_days}日) は適用せず利率そのもので判定。短期の貸付けは貸付期間 (日数) を指定",
        "no loan period given: the {min_days}-day minimum [出資法5条の4第1項] is not applied; give the number of days for a short loan",
    ),
    "seigen.damages_cap_business": (
        "損害金の上限 {cap_rate} (利息制限法7条: 貸金業者は元本にかかわらず年{rate})。損害金の定めがなければ利息の上限と同じ (最判昭43.10.29)",
        "damages cap {cap_rate} (利息制限法7条: {rate} for a money lender, whatever the principal); without a damages "
        "clause it is the interest cap itself (最判昭43.10.29)",
    ),
    "seigen.damages_cap_multiplier": (
        "損害金の上限 {cap_rate} (利息制限法4条: 1条の率×{multiplier})。損害金の定めがなければ利息の上限と同じ (最判昭43.10.29)",
        "damages cap {cap_rate} (利息制限法4条: {multiplier} × the art. 1 cap); without a damages clause it is the "
        "interest cap itself (最判昭43.10.29)",
    ),
    "seigen.leap_year_ceiling": (
        "年{rate}: 2月29日を含む1年については上限が年{leap_rate} (出資法5条1項) のため、閏年を含む期間では違反とならない可能性",
        "{rate} a year: in a year containing 29 February the ceiling is {leap_rate} (出資法5条1項), so a period "
        "with a leap day may not break it",
    ),
    "seigen.rule_weak": (
        "{title_msg}: {status}",
        "{title_msg}: {status} in saiken's sources",
    ),
    "seigen.individual_lender": (
        "個人の貸主: 出資法5条2項・貸金業法42条・利息制限法7条は業として貸付けを行う者の規定のため判定対象外",
        "individual lender: the business-lender rules (出資法5条2項, 貸金業法42条, 利息制限法7条) do not apply",
    ),
    # verdict titles
    "seigen.title_risoku_1": ("利息制限法1条 上限利率", "Interest Rate Restriction Act art. 1 cap"),
    "seigen.title_shusshi_5_2": (
        "出資法5条2項 業として貸付けを行う者 年{rate}",
        "Investment Act art. 5(2): business lenders, {rate}",
    ),
    "seigen.title_shusshi_5_1": (
        "出資法5条1項 年{rate} (日{per_day_rate}) 何人も",
        "Investment Act art. 5(1): anyone, {rate} ({per_day_rate} a day)",
    ),
    "seigen.title_kashikin_42": (
        "貸金業法42条1項 年{rate}超の契約は全体が無効",
        "Money Lending Business Act art. 42(1): a contract above {rate} is void",
    ),
    "seigen.title_risoku_7": (
        "利息制限法7条 営業的金銭消費貸借の損害金 年{rate}",
        "art. 7: damages in business lending, {rate}",
    ),
    "seigen.title_risoku_4": (
        "利息制限法4条 損害金 (1条の率×{multiplier})",
        "art. 4: damages, {multiplier} × the cap",
    ),
    # verdict consequences
    "seigen.within_cap": ("上限の範囲内", "within the cap"),
    "seigen.excess_interest_void": (
        "上限を超える部分の利息は無効 (超過分は元本に充当・過払いは返還請求可)",
        "interest above the cap is void for the excess (applied to principal; any overpayment can be reclaimed)",
    ),
    "seigen.crime_business": (
        "刑事罰の対象 (業として年{rate}超)",
        "a crime for a lender in business (above {rate} a year)",
    ),
    "seigen.not_above": ("年{rate}以下", "not above {rate}"),
    "seigen.crime_anyone": ("刑事罰の対象 (個人の貸主を含む何人も)", "a crime for anyone, private lenders included"),
    "seigen.not_above_per_day": ("年{rate} (日{per_day_rate}) 以下", "not above {rate} ({per_day_rate} a day)"),
    "seigen.contract_void": (
        "貸金業者の貸付契約は全体が無効 (利息の契約だけでなく消費貸借全体)。元本の返還も否定されうる (最判平20.6.10, 民法708条)",
        "a money lender's contract is void as a whole; even the principal may be unrecoverable (最判平20.6.10, 民法708条)",
    ),
    "seigen.not_void": ("無効とはならない", "not void as a whole"),
    "seigen.damages_clause_void": ("上限を超える部分の損害金の定めは無効", "the damages clause is void above the cap"),
}
