"""Phrasings of calc/jikou/ (消滅時効): see catalogue/__init__.py.

Dates inside an event's effect (a table cell) are ISO only (``:iso``); notes and warnings
give them with their 和暦.
"""

from saiken_cli.calc.jikou.events import KINDS

#: Short English names of the event kinds (the Japanese is the calculator's own label, KINDS).
_KIND_EN = {
    "shounin": "acknowledgment [承認]",
    "saikoku": "demand [催告]",
    "kyogi": "agreement to negotiate [協議の合意]",
    "kyozetsu": "refusal to negotiate [協議の拒絶]",
    "teiso": "lawsuit [訴え提起]",
    "tokusoku": "payment order [支払督促]",
    "hanketsu": "final judgment [判決確定]",
    "torisage": "withdrawal [取下げ]",
    "sashiosae": "compulsory execution [強制執行]",
    "karisashiosae": "provisional attachment [仮差押え]",
    "shuryo": "end of the proceeding [手続終了]",
}

MESSAGES = {
    **{f"jikou.kind_{kind}": (ja, _KIND_EN[kind]) for kind, (ja, _) in KINDS.items()},
    # --- the facts a period starts from -------------------------------------------------
    "jikou.fact_due": ("期限 (弁済期)", "the due date [弁済期]"),
    "jikou.fact_acceleration": ("期限の利益喪失日", "the acceleration date [期限の利益喪失日]"),
    "jikou.fact_subrogation": ("代位弁済日", "the subrogation date [代位弁済日]"),
    "jikou.fact_judgment": ("判決確定日", "the date the judgment became final [判決確定日]"),
    "jikou.fact_last_payment": ("最終返済日", "the last payment [最終返済日]"),
    "jikou.fact_tort": ("不法行為の時", "the tortious act [不法行為の時]"),
    "jikou.fact_knew_damage": ("損害及び加害者を知った時", "knowledge of the damage and the tortfeasor [損害及び加害者を知った時]"),
    "jikou.fact_event": ("{kind_msg}", "the {kind_msg}"),
    "jikou.regime_old": ("旧法", "old law"),
    "jikou.regime_new": ("新法", "new law"),
    # --- regime (附則10条) ---------------------------------------------------------------
    "jikou.regime_old_contract_before_reform": (
        "契約日 (原因である法律行為) {contract_on:iso} が施行日 {reform_on:iso} より前 → 旧法 (附則10条1項括弧書・4項)",
        "the contract [原因である法律行為] of {contract_on:iso} predates {reform_on:iso}: old law (附則10条1項括弧書・4項)",
    ),
    "jikou.regime_new_if_guarantee_contract_not_the_cause": (
        "代位弁済 (求償権の発生) は施行日 {reform_on:iso} 以後: 保証委託契約を原因行為と見なければ新法",
        "the right of reimbursement arose on or after {reform_on:iso}: new law if the guarantee contract is not its cause",
    ),
    "jikou.reimbursement_old_law_interpretation": (
        "求償権: 施行日 {reform_on:iso} 前の保証委託契約を附則10条1項の「原因である法律行為」とみて旧法を適用 (saikenの解釈: INTERPRETATION)。"
        "新法による読みを「別の読み」に表示",
        "right of reimbursement: the guarantee contract made before {reform_on:iso} is read as its cause under 附則10条1項, "
        "so the old law applies (saiken's reading: INTERPRETATION); the new-law reading is shown as the other reading",
    ),
    "jikou.revolving_draws_after_reform_unverified": (
        "リボ・カードローン等で施行日 {reform_on:iso} 前の基本契約に基づき施行日以後に借入れた部分は、個々の借入れが"
        "「原因である法律行為」として新法になるとの見解がある (附則10条1項; UNVERIFIED)",
        "revolving draws on or after {reform_on:iso} under an older framework contract may fall under the new law, each "
        "draw being its own cause (附則10条1項; UNVERIFIED)",
    ),
    "jikou.regime_new_contract_after_reform": (
        "契約日 {contract_on:iso} が施行日 {reform_on:iso} 以後 → 債権も施行日以後に発生: 新法",
        "the contract of {contract_on:iso} is on or after {reform_on:iso}, and so is the claim: new law",
    ),
    "jikou.regime_old_fact_before_reform": (
        "{fact_msg} {fact_on:iso} が施行日 {reform_on:iso} より前 → 債権は施行日前に発生: 旧法 (附則10条1項・4項)",
        "{fact_msg} ({fact_on:iso}) predates {reform_on:iso}, so the claim arose before it: old law (附則10条1項・4項)",
    ),
    "jikou.claim_arose_before_reform_assumed": (
        "契約日不明: {fact_msg} {fact_on:iso} から債権が施行日 {reform_on:iso} 前に生じていたと推定",
        "contract date not given: from {fact_msg} ({fact_on:iso}) the claim is taken to have existed before {reform_on:iso}",
    ),
    "jikou.regime_new_facts_after_reform": (
        "すべての事実が施行日 {reform_on:iso} 以後で契約日不明: 契約も施行日以後なら新法",
        "every fact is on or after {reform_on:iso} and the contract date is unknown: new law if the contract is too",
    ),
    "jikou.regime_old_if_contract_before_reform": (
        "契約 (原因である法律行為) が施行日 {reform_on:iso} より前なら旧法 (附則10条1項括弧書)",
        "old law if the contract [原因である法律行為] predates {reform_on:iso} (附則10条1項括弧書)",
    ),
    "jikou.regime_undecided_later_reading_shown": (
        "契約日不明のため新旧いずれの法が適用されるか推定できない: 満了の遅い読みを表示し、他方を「別の読み」に表示",
        "the contract date decides the regime and is unknown: the later-completing reading is shown, the other as the "
        "other reading",
    ),
    # --- period ------------------------------------------------------------------------
    "jikou.period_old_judgment": ("{period_label}", "right fixed by a judgment: {period_years} years (旧174条の2) [{period_label}]"),
    "jikou.period_old_short": ("{period_label}", "old short period: {period_years} years [{period_label}]"),
    "jikou.short_period_starting_point": (
        "短期消滅時効の起算点は各号の定める時 (例: 工事終了時・事件終了時): その日を期限 (弁済期) として入力",
        "the short period runs from the point its article names (e.g. the end of the works or of the case): give that "
        "day as the due date (--due-date)",
    ),
    "jikou.short_period_check_the_text": (
        "旧法の短期消滅時効 ({period_label}) を適用 — 確認状況 {status}: 条文の原文で確認を",
        "old short period applied ({period_label}; status {status}): confirm against the original text",
    ),
    "jikou.period_old_lender_commercial": (
        "{period_label}: 債権者 {creditor_label} の貸付は商行為",
        "commercial claim, {period_years} years: the lender's loan is a commercial act [{period_label}; {creditor_label}]",
    ),
    "jikou.period_old_borrower_merchant": (
        "{period_label}: 借主が商人 (商法3条1項) — 債権者 {creditor_label} は商人でないが商事",
        "commercial claim, {period_years} years: the borrower is a merchant (商法3条1項), though the lender "
        "{creditor_label} is not [{period_label}]",
    ),
    "jikou.period_old_civil": (
        "{period_label}: 債権者 {creditor_label} は商人でなく借主も商人でない",
        "civil claim, {period_years} years: neither the lender ({creditor_label}) nor the borrower is a merchant [{period_label}]",
    ),
    "jikou.creditor_type_not_verified": (
        "債権者の種別 {creditor_label}: {status} — {note}",
        "the creditor classification {creditor_label} is {status} [{note}]",
    ),
    "jikou.old_commercial_transitional_unverified": (
        "旧商法522条 (商事5年) を施行日前の債権に引き続き適用する整備法 (平成29年法律第45号) の経過措置は原文未確認 (UNVERIFIED)",
        "the transitional rule of the 整備法 (平成29年法律第45号) keeping old Commercial Code art. 522 (5 years) for claims "
        "before the reform was not read (UNVERIFIED)",
    ),
    "jikou.period_new_judgment": ("{period_label} (169条1項)", "{period_years} years after a final judgment (169条1項) [{period_label}]"),
    "jikou.new_law_two_starting_points": (
        "166条1項: 主観的起算点から{subjective_years}年、客観的起算点から{objective_years}年のいずれか早い方。"
        "貸金では債権者は弁済期を知っているので両起算点は一致し{subjective_years}年が先に満了する",
        "166条1項: {subjective_years} years from knowledge or {objective_years} years from exercisability, whichever ends "
        "first; for a loan the creditor knows the due date, so both start together and the {subjective_years}-year limb ends first",
    ),
    "jikou.short_periods_abolished": (
        "新法では短期消滅時効 (旧170–174条) は廃止: 債権の種類 (短期消滅時効の区分) の指定は新法の債権には適用されない",
        "the old short periods (旧170–174条) were abolished: --claim-type does not apply to a new-law claim",
    ),
    "jikou.period_new_objective": ("{period_label} (166条1項2号)", "{period_years} years from when the right could be exercised (166条1項2号) [{period_label}]"),
    "jikou.new_law_knowledge_given": (
        "166条1項: 債権者が権利を行使することができることを知った時から{subjective_years}年 (1号)、権利を行使することができる時から"
        "{objective_years}年 (2号) のいずれか早い方。知った日が入力されたので、両方の起算点から計算した",
        "166条1項: {subjective_years} years from when the creditor knew it could exercise the right (1号) or "
        "{objective_years} years from when it could be exercised (2号), whichever ends first; the knowledge date was "
        "given, so both were counted",
    ),
    "jikou.limb_subjective": ("知った時から{period_years}年 (166条1項1号)", "{period_years} years from knowledge (166条1項1号)"),
    "jikou.limb_objective": ("行使できる時から{period_years}年 (166条1項2号)", "{period_years} years from exercisability (166条1項2号)"),
    "jikou.knowledge_limbs": (
        "債権者が知った日 {knew_on}: 主観的起算点による満了 {subjective_on}、客観的起算点による満了 {objective_on} → "
        "早い方の{governing_msg}が適用される",
        "the creditor knew on {knew_on}: the knowledge limb ends {subjective_on}, the exercisability limb ends "
        "{objective_on}; the earlier governs: {governing_msg}",
    ),
    "jikou.knew_on_no_effect_old_law": (
        "債権者が知った日 ({knew_on}) は考慮していない: 旧法には主観的起算点がなく、権利を行使することができる時から進行する (旧166条1項、附則10条4項)",
        "the creditor's knowledge date ({knew_on}) has no effect: the old law has no subjective starting point; "
        "the period runs from when the right could be exercised (旧166条1項; 附則10条4項)",
    ),
    "jikou.knew_on_no_effect_judgment": (
        "債権者が知った日 ({knew_on}) は考慮していない: 確定判決等で確定した権利は確定の時から{period_years}年 (169条1項)",
        "the creditor's knowledge date ({knew_on}) has no effect: a right fixed by a final judgment prescribes {period_years} years "
        "from then (169条1項)",
    ),
    "jikou.period_new_subjective": ("{period_label} (166条1項1号)", "{period_years} years from knowledge (166条1項1号) [{period_label}]"),
    "jikou.period_after_judgment": (
        "{basis_msg} → 判決確定等により{period_years}年",
        "{basis_msg} → {period_years} years after a final judgment",
    ),
    # --- the effect of each event (a table cell) --------------------------------------
    "jikou.completed_before_judgment": (
        "{judgment_on} の判決確定前に時効は {completed_on} に完成していた: 援用は訴訟内で主張すべきで、確定後は既判力により主張できない",
        "prescription had completed on {completed_on}, before the judgment became final on {judgment_on}: it had to be "
        "invoked in the proceeding; after the judgment, res judicata bars it",
    ),
    "jikou.effect_judgment_renewal": (
        "更新: 判決確定から新たに{period_years}年",
        "renewal: a new {period_years}-year period from the final judgment",
    ),
    "jikou.effect_judgment_interruption_renewal": (
        "中断→更新: 判決確定から新たに{period_years}年",
        "interruption, then renewal: a new {period_years}-year period from the final judgment",
    ),
    "jikou.effect_proceeding_began_after_completion": (
        "効力なし: 時効完成後に開始された手続",
        "no effect: the proceeding began after completion",
    ),
    "jikou.effect_proceeding_end_new_period": (
        "{kind_msg}の終了 → 新たな期間が進行 (更新)",
        "end of the {kind_msg}: a new period runs (renewal)",
    ),
    "jikou.effect_proceeding_end_new_period_old_law": (
        "{kind_msg}の終了 → 中断後の新たな期間が進行 (更新)",
        "end of the {kind_msg}: after the interruption a new period runs",
    ),
    "jikou.effect_proceeding_end_suspends": (
        "{kind_msg}の終了から{suspension_months}か月 {until_on:iso} まで完成猶予",
        "suspended until {until_on:iso}, {suspension_months} months after the end of the {kind_msg}",
    ),
    "jikou.effect_interruption_void": (
        "中断の効力なし ({article}): 手続がなかったものとして時効は進行",
        "no interruption ({article}): prescription ran as if the proceeding had not been started",
    ),
    "jikou.withdrawn_claim_judicial_demand_unverified": (
        "{withdrawn_on} 旧法の{kind_msg}の取下げ等: 判例上の「裁判上の催告」として終了後6か月内に他の中断事由があれば"
        "中断が認められる余地があるが、計算には反映していない (UNVERIFIED)",
        "the old-law {kind_msg} withdrawn on {withdrawn_on} may still act as a judicial demand [裁判上の催告] (case law) "
        "if another interruption follows within 6 months; not modelled (UNVERIFIED)",
    ),
    "jikou.effect_acknowledgment_after_completion": (
        "時効完成 ({completed_on:iso}) 後の承認: その時効の援用は信義則上許されない (最大判昭和41年4月20日)。"
        "新たな時効がこの承認から進行 (最判昭和45年5月21日)",
        "acknowledgment after completion ({completed_on:iso}): invoking that completion is barred (最大判昭和41年4月20日); "
        "a new period runs from it (最判昭和45年5月21日)",
    ),
    "jikou.effect_completed_invoke_in_proceeding": (
        "効力なし: 時効は {completed_on:iso} に完成済み — 手続内で援用を主張",
        "no effect: prescription completed on {completed_on:iso}; invoke it in the proceeding",
    ),
    "jikou.effect_completed_no_effect": (
        "効力なし: 時効は {completed_on:iso} に完成済み",
        "no effect: prescription completed on {completed_on:iso}",
    ),
    "jikou.effect_renewal": ("更新: この日から新たに{period_years}年", "renewal: a new {period_years}-year period from this day"),
    "jikou.effect_interruption_old_law": (
        "中断 (旧法): この日から新たに{period_years}年",
        "interruption (old law): a new {period_years}-year period from this day",
    ),
    # --- 150条2項・151条3項: the readings of 「猶予されている間」 (issue 11 §1 item 1) --------------
    "jikou.suspension_reading_drafters": (
        "立案担当者の読み (一問一答 Q25 注): 本来の時効完成日の後の猶予期間中のみ「猶予されている間」",
        "the drafters' reading (一問一答 Q25 注): 'during the suspension' only once the period would have completed",
    ),
    "jikou.suspension_reading_literal": (
        "文言どおりの読み: 催告 (又は協議の合意) の時から猶予期間の終わりまで",
        "the literal reading: from the demand (or agreement) itself to the end of the suspension",
    ),
    "jikou.suspension_readings_differ": (
        "150条2項・151条3項「時効の完成が猶予されている間」の読み方で結果が異なる: {reading_msg} → {completion_on}、"
        "{other_msg} → {other_completion_on} (別の読みに表示)",
        "arts. 150(2) and 151(3), 'during the suspension', read two ways give different dates: {reading_msg} → "
        "{completion_on}; {other_msg} → {other_completion_on} (shown as the other reading)",
    ),
    "jikou.jasso_each_installment": (
        "日本学生支援機構の奨学金: 割賦金ごとに、その弁済期の翌日から個別に時効が進行する (期限の利益を喪失し残額全部の弁済期が"
        "到来した場合を除く)。この計算は入力した一つの弁済期についてのもの",
        "JASSO scholarship loans [日本学生支援機構]: each installment prescribes on its own from the day after its due date "
        "(unless the whole balance fell due); this result is for the one due date given",
    ),
    "jikou.saikoku_repeat_no_effect": (
        "効力なし: 催告による猶予中 ({suspended_until_on:iso} まで) の再度の催告 (150条2項)",
        "no effect: a second demand during a demand's suspension (until {suspended_until_on:iso}; 150条2項)",
    ),
    "jikou.saikoku_during_agreement_no_effect": (
        "効力なし: 協議の合意による猶予中の催告 (151条3項)",
        "no effect: a demand during an agreement's suspension (151条3項)",
    ),
    "jikou.effect_demand_suspends": (
        "完成猶予: {until_on:iso} まで (催告から{suspension_months}か月)",
        "suspended until {until_on:iso} ({suspension_months} months from the demand)",
    ),
    "jikou.effect_old_demand_not_followed": (
        "効力なし: {limit_on:iso} までに裁判上の請求等がない (旧153条)",
        "no effect: no lawsuit etc. within {suspension_months} months, by {limit_on:iso} (旧153条)",
    ),
    "jikou.effect_old_demand_followed": (
        "中断 (旧153条): {followed_on:iso} の{kind_msg}が{suspension_months}か月以内",
        "interruption (旧153条): followed within {suspension_months} months by the {kind_msg} on {followed_on:iso}",
    ),
    "jikou.agreement_during_saikoku_no_effect": (
        "効力なし: 催告による猶予中の協議の合意 (151条3項)",
        "no effect: an agreement during a demand's suspension (151条3項)",
    ),
    "jikou.effect_agreement_suspends": ("完成猶予: {until_on:iso} まで", "suspended until {until_on:iso}"),
    "jikou.effect_agreement_suspends_capped": (
        "完成猶予: {until_on:iso} まで (通算{cap_years}年の上限, 151条2項)",
        "suspended until {until_on:iso} (the {cap_years}-year cap, 151条2項)",
    ),
    "jikou.effect_refusal_ends_suspension": (
        "協議による猶予は {until_on:iso} まで (151条1項3号)",
        "the agreement's suspension ends on {until_on:iso} (151条1項3号)",
    ),
    "jikou.refusal_without_agreement_no_effect": (
        "効力なし: 協議の合意による猶予中ではない",
        "no effect: no agreement's suspension is running",
    ),
    "jikou.effect_proceeding_interrupts_old_law": ("中断 (旧法): 手続の終了まで", "interruption (old law) until the proceeding ends"),
    "jikou.effect_proceeding_suspends": ("完成猶予: 手続の係属中", "suspended while the proceeding is pending"),
    "jikou.effect_none": ("効力なし ({article})", "no effect ({article})"),
    # --- the result ----------------------------------------------------------------------
    "jikou.last_payment_is_acknowledgment": (
        "最終返済日 {last_payment_on} は起算点後の一部弁済 = 承認として扱う (152条)",
        "the last payment on {last_payment_on}, after the starting point, is treated as an acknowledgment [承認] (152条)",
    ),
    "jikou.last_payment_before_starting_point": (
        "最終返済日 {last_payment_on} は起算点 {start_on} 以前のため計算に影響しない",
        "the last payment on {last_payment_on} precedes the starting point {start_on} and does not affect it",
    ),
    "jikou.last_payment_shortcut": (
        "最終返済日からの計算は実務上の目安: 厳密な起算点は最終返済後の次の弁済期、または期限の利益喪失日 (請求喪失型では"
        "喪失の意思表示の日、{case_article})。最終返済日から数えると最も早い満了日になる (期限 (弁済期)・期限の利益喪失日を"
        "入力すれば厳密に)",
        "counting from the last payment is the practitioners' shortcut and gives the earliest possible date; the strict "
        "starting point is the next due date or the acceleration date (on request: the day of the declaration, "
        "{case_article}) — give --due-date or --acceleration-date",
    ),
    "jikou.debt_not_due_at_judgment": (
        "{fact_msg}が判決確定日より後: 確定時に弁済期の到来していない債権には判決の10年は適用されない (169条2項・旧174条の2第2項)",
        "{fact_msg} is after the judgment became final: a debt not yet due then keeps its ordinary period (169条2項; 旧174条の2第2項)",
    ),
    "jikou.reimbursement_belongs_to_guarantor": (
        "求償権の債権者は保証人: 債権者の種別を保証会社 (信用保証協会ならその種別) とする",
        "the right of reimbursement belongs to the guarantor: --creditor guarantor (or hoshou-kyokai for a 信用保証協会)",
    ),
    "jikou.readings_differ": (
        "新旧いずれの法かで結果が異なる: {shown_msg} → {shown_completion_on:iso}、{other_msg} → {other_completion_on:iso}。契約日の入力で確定を",
        "the readings differ ({shown_msg}: {shown_completion_on:iso}; {other_msg}: {other_completion_on:iso}): give the "
        "contract date (--contract-date)",
    ),
    "jikou.readings_agree": (
        "新旧いずれの読みでも満了日は同じ ({completion_on:iso})",
        "both readings give the same completion date ({completion_on:iso})",
    ),
    "jikou.acknowledged_after_completion": (
        "時効完成 ({completed_on}) 後の {acknowledged_on} の承認: その完成した時効の援用は信義則上許されない "
        "(最大判昭和41年4月20日)。新たな時効は承認から進行し (最判昭和45年5月21日)、表示の時効完成日はその満了日",
        "acknowledgment on {acknowledged_on} after completion on {completed_on}: invoking that completion is barred "
        "(最大判昭和41年4月20日); the completion date shown is that of the new period from the acknowledgment (最判昭和45年5月21日)",
    ),
    "jikou.proceeding_pending": (
        "手続が係属中のため時効は完成しない: その終了 (判決確定・取下げ・手続終了) を時効の事由として入力",
        "a proceeding is pending, so prescription cannot complete: enter its end (hanketsu, torisage, shuryo) as an --event",
    ),
    "jikou.art142_applied_extended": (
        "{article}を適用: 末日 {last_day_on} は{closed_msg}のため {extended_on} まで延長。時効への142条の適用は争いがあり"
        "通説・実務は否定 (UNVERIFIED)",
        "{article} applied on request (--apply-142): the last day {last_day_on} is a {closed_msg}, so it moves to "
        "{extended_on}; applying 142条 to prescription is contested (UNVERIFIED)",
    ),
    "jikou.art142_applied_no_extension": (
        "{article}を適用: 末日は休日でないため延長なし",
        "{article} applied on request (--apply-142): the last day is not a holiday, no extension",
    ),
    "jikou.art142_not_applied": (
        "{article} (末日が日曜・祝日等の場合の延長) は時効に適用しない (争いあり、実務は否定: UNVERIFIED)。"
        "民法142条の適用を指定すれば延長後の日を表示",
        "the holiday extension of {article} is not applied to prescription (contested; UNVERIFIED); --apply-142 shows the "
        "extended date",
    ),
    "jikou.completion_on_closed_day": (
        "満了日 {completion_on} は{closed_msg}: 142条を適用する見解では {extended_on} まで延長され、援用は {invocable_on} から。"
        "安全側では延長後の日を基準に",
        "the completion date {completion_on} is a {closed_msg}: if 142条 applied it would move to {extended_on}, and "
        "invoking from {invocable_on}; the safe side counts from the extended date",
    ),
    "jikou.holidays_projected": (
        "{holiday_year}年の祝日は推定 (春分・秋分の日は前年に官報で公表、臨時の祝日は法律で追加)",
        "the holidays of {holiday_year} are projected (春分・秋分 are published a year ahead; one-off holidays are added by statute)",
    ),
    "jikou.invocation_needed": (
        "時効の効果は援用 ({article}) により生じる: 内容証明郵便 (配達証明付) で援用の意思表示をするのが通例。裁判所は援用なしに時効を適用しない",
        "prescription takes effect only when invoked [援用] ({article}), usually by 内容証明 mail with proof of delivery; "
        "a court does not apply it unasked",
    ),
    "jikou.completes_at_end_of_day": (
        "時効は満了日の終了 (24時) に完成し、援用はその翌日から (140条・141条・143条)",
        "prescription completes at the end (24:00) of the completion date; it may be invoked [援用] from the next day "
        "(140条・141条・143条)",
    ),
    # --- 不法行為 (724条・724条の2, old 724条, 附則35条; calc/jikou/tort.py) -------------------
    "jikou.period_tort": ("{period_label}", "{period_years} years [{period_label}]"),
    "jikou.tort_limb_subjective": ("知った時から{period_years}年", "{period_years} years from knowledge"),
    "jikou.tort_limb_objective": ("不法行為の時から{period_years}年", "{period_years} years from the tortious act"),
    "jikou.tort_objective_old_exclusion": (
        "不法行為の時 {tort_on:iso} から20年 (末日 {end_on:iso}) が施行日 {reform_on:iso} の前に経過 → 旧法724条後段 "
        "(除斥期間) による (附則35条1項)",
        "the 20 years from the tortious act of {tort_on:iso} (last day {end_on:iso}) had elapsed before {reform_on:iso}: "
        "old 724条後段, a fixed limit [除斥期間] (附則35条1項)",
    ),
    "jikou.tort_objective_new_not_elapsed": (
        "不法行為の時 {tort_on:iso} から20年 (末日 {end_on:iso}) は施行日 {reform_on:iso} の際に経過していない → 新法724条2号 "
        "(消滅時効: 更新・完成猶予あり) (附則35条1項)",
        "the 20 years from the tortious act of {tort_on:iso} (last day {end_on:iso}) had not elapsed on {reform_on:iso}: "
        "new 724条2号, a prescription period (renewal and suspension apply) (附則35条1項)",
    ),
    "jikou.tort_objective_new": (
        "不法行為 {tort_on:iso} が施行日 {reform_on:iso} 以後 → 新法724条2号 (消滅時効)",
        "the tortious act of {tort_on:iso} is on or after {reform_on:iso}: new 724条2号 (prescription)",
    ),
    "jikou.tort_subjective_new": (
        "不法行為 {tort_on:iso} が施行日 {reform_on:iso} 以後 → 新法 (724条1号・724条の2)",
        "the tortious act of {tort_on:iso} is on or after {reform_on:iso}: new law (724条1号・724条の2)",
    ),
    "jikou.tort_subjective_old": (
        "不法行為 {tort_on:iso} が施行日 {reform_on:iso} より前 → 知った時から3年は旧法724条前段 (附則10条4項; 新法724条1号と同じ3年)",
        "the tortious act of {tort_on:iso} predates {reform_on:iso}: the 3 years from knowledge are old 724条前段 "
        "(附則10条4項; the same 3 years as new 724条1号)",
    ),
    "jikou.tort_life_body_old_completed": (
        "生命・身体の侵害であるが、旧法724条前段の3年が施行日 {reform_on:iso} の前 ({completed_on:iso}) に完成しているので"
        "5年 (724条の2) は適用されない (附則35条2項)",
        "damage to life or body, but the old 3 years (old 724条前段) had completed on {completed_on:iso}, before "
        "{reform_on:iso}: the 5 years of 724条の2 do not apply (附則35条2項)",
    ),
    "jikou.tort_life_body_not_completed": (
        "生命・身体の侵害: 旧法724条前段の3年は施行日 {reform_on:iso} の際に完成していない → 知った時から5年 (724条の2、附則35条2項)",
        "damage to life or body: the old 3 years (old 724条前段) had not completed on {reform_on:iso}, so 5 years from "
        "knowledge apply (724条の2, 附則35条2項)",
    ),
    "jikou.tort_exclusion": (
        "旧法724条後段の20年 (末日 {end_on}) は除斥期間 ({case_article}): 中断・停止 (更新・完成猶予) の事由によって延びず、"
        "援用がなくても権利は消滅する。ただし例外として、158条の法意により消滅しないとされた場合 ({exception_article}) があり、"
        "除斥期間の経過を主張することが信義則違反・権利の濫用として許されない場合がある ({abuse_article})",
        "the 20 years of old 724条後段 (last day {end_on}) are a fixed limit [除斥期間] ({case_article}): no event "
        "(interruption, suspension; 更新・完成猶予) extends them, and the right ends without being invoked; exceptions: the "
        "purpose of 158条 may keep the claim alive ({exception_article}), and relying on the limit may be refused as contrary "
        "to good faith or an abuse of right ({abuse_article})",
    ),
    "jikou.tort_exclusion_event_no_effect": (
        "除斥期間 (旧724条後段、末日 {end_on:iso}) はこの事由によって延びない",
        "the 除斥期間 (old 724条後段, last day {end_on:iso}) is not extended by this event",
    ),
    "jikou.tort_event_before_reform_not_on_20_years": (
        "施行日 {reform_on:iso} 前の事由: 不法行為の時から20年の期間 (当時は除斥期間) には及ばない",
        "before {reform_on:iso}: no effect on the 20 years from the tortious act (then a 除斥期間)",
    ),
    "jikou.tort_events_before_reform_20_years": (
        "施行日 {reform_on} 前の事由は、不法行為の時から20年の期間には及ばないものとして計算: 施行日前この期間は除斥期間で"
        "中断・停止しなかった (附則10条2項「なお従前の例による」; saikenの解釈: INTERPRETATION)。知った時からの期間には"
        "旧法の中断・停止として適用",
        "events before {reform_on} are not applied to the 20 years from the tortious act: before the reform that period was a "
        "除斥期間, which no interruption or suspension touched (附則10条2項, 従前の例; saiken's reading: INTERPRETATION); "
        "they apply to the period from knowledge as old-law interruptions and suspensions",
    ),
    "jikou.tort_transition_reading": (
        "附則35条「この法律の施行の際既に経過していた」(2項は「完成していた」) は、期間の末日が施行日の前日 {last_day_on} "
        "以前であることと読む: 期間は末日の終了で満了し (141条)、施行日 {reform_on} に満了する期間は施行の際にはまだ経過して"
        "いない (saikenの解釈: INTERPRETATION)",
        "附則35条 「had already elapsed (completed) when this Act took effect」 is read as: the period's last day was "
        "{last_day_on} or earlier; a period ends at the end of its last day (141条), so one whose last day is {reform_on} had "
        "not yet elapsed when the reform took effect (saiken's reading: INTERPRETATION)",
    ),
    "jikou.tort_subjective_unknown": (
        "損害及び加害者を知った日が不明: 知った時から{subjective_years}年の期間は判定できない。表示の満了日は不法行為の時から"
        "20年 ({objective_on}) で、時効はこれより早く完成しうる",
        "the day the victim knew of the damage and the tortfeasor is not given (--knew-damage-on): the {subjective_years} "
        "years from knowledge cannot be determined; the date shown is the 20 years from the tortious act ({objective_on}), "
        "and prescription may complete earlier",
    ),
    "jikou.tort_life_body_needs_knowledge": (
        "生命・身体の侵害: 知った時からの期間が5年 (724条の2) か3年かは、旧法の3年が施行日 {reform_on} の際に完成していたか"
        "による (附則35条2項)。知った日が分かれば判定できる",
        "damage to life or body: whether the period from knowledge is 5 years (724条の2) or 3 depends on whether the old "
        "3 years had completed on {reform_on} (附則35条2項); give the knowledge date to decide",
    ),
    "jikou.tort_limbs": (
        "知った時 ({knew_on}) から: {subjective_on}、不法行為の時から: {objective_on} — 早い方 ({governing_msg}) が適用",
        "from knowledge ({knew_on}): {subjective_on}; from the tortious act: {objective_on} — the earlier ({governing_msg}) "
        "governs",
    ),
}
