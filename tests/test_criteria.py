"""Every efficiency criterion on the Birštonas example, against a computation done by hand here.

The figures are those of examples/birstonas-2021/plan.yaml; each expected value
is written out as the arithmetic a planner would do, so that a change in the
example or in the formulas shows up as a difference in one place.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from planas.criteria import SERVICE_USES, CriteriaTable, evaluate_criteria
from planas.model import Plan
from planas.reference import load_reference
from planas.validation import validate_bytes, validate_file

from .conftest import EXAMPLE

REF = load_reference()
RESULT = validate_file(EXAMPLE)
assert RESULT.plan is not None and RESULT.criteria is not None
TABLE: CriteriaTable = RESULT.criteria
TEXT = EXAMPLE.read_text(encoding="utf-8")

# The example's inputs, by hand.
POPULATION = {2019: 4521, 2020: 4468, 2021: 4422}
AGE_65 = {2019: 1062, 2020: 1078, 2021: 1090}
# Recipients per service and group (2021: planned), service uses: a person using two services counts twice.
RECIPIENTS = {
    2019: 31 + 6 + 8 + 96 + 22 + 21 + 18 + 12 + 4,  # home help (elderly, adults), day care at home, transport,
    2020: 34 + 7 + 9 + 88 + 27 + 19 + 17 + 1 + 2 + 13 + 5,  # meals, social skills, children's day centre,
    2021: 38 + 8 + 10 + 95 + 25 + 20 + 20 + 4 + 5 + 13 + 5,  # (respite, personal help,) long- and short-term care
}
WAITING = {2019: 3 + 0 + 1 + 0 + 2 + 2, 2020: 5 + 1 + 2 + 0 + 3 + 2 + 3 + 2}
# Funds of every service: 2020 facts, 2021 plan (all sources).
FUNDS = {
    2020: (98200 + 8000) + (20200 + 1650) + (21300 + 38900 + 3100) + (14200 + 1900) + (6200 + 4800) + 24500
    + (9800 + 12400) + 1200 + 6100 + (98500 + 31200 + 61800) + (9800 + 7400),
    2021: (104100 + 8430) + (21900 + 1770) + (23000 + 41500 + 3400) + (15000 + 2000) + (6500 + 5000) + 25800
    + (10500 + 13200) + (3600 + 2400) + (15800 + 1700) + (101000 + 32000 + 63000) + (10200 + 7600),
}
MUNICIPAL = {2020: 98200 + 20200 + 21300 + 14200 + 6200 + 24500 + 9800 + 1200 + 98500 + 9800,
             2021: 104100 + 21900 + 23000 + 15000 + 6500 + 25800 + 10500 + 3600 + 1700 + 101000 + 10200}
PAYMENTS = {2020: 8000 + 1650 + 3100 + 1900 + 4800 + 61800 + 7400, 2021: 8430 + 1770 + 3400 + 2000 + 5000 + 63000 + 7600}
BUDGET = {2020: Decimal("8813771.35"), 2021: Decimal("9120000.00")}


def _round(value: Decimal | float, decimals: int) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _ratio(numerator: float, denominator: float, multiplier: int, decimals: int) -> Decimal:
    return (Decimal(numerator) / Decimal(denominator) * multiplier).quantize(
        Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _values(criterion: str, service: str | None = None, group: str | None = None,
            table: CriteriaTable = TABLE) -> dict[int, Decimal | None]:
    row = next(r for r in table.rows
               if r.criterion.id == criterion and r.service == service and r.target_group == group)
    return {cell.year: cell.value for cell in row.values}


def test_the_hand_computed_inputs_match_the_example() -> None:
    assert RECIPIENTS == {2019: 218, 2020: 222, 2021: 243}
    assert FUNDS == {2020: 481150, 2021: 519400}


def test_k1_recipients_per_1000_inhabitants_counts_service_uses_and_says_so() -> None:
    expected = {year: _ratio(RECIPIENTS[year], POPULATION[year], 1000, 1) for year in (2019, 2020, 2021)}
    assert _values("K1") == expected == {2019: Decimal("48.2"), 2020: Decimal("49.7"), 2021: Decimal("55.0")}
    row = next(r for r in TABLE.rows if r.criterion.id == "K1")
    assert row.basis == SERVICE_USES  # no distinct persons given: labelled as service uses, not persons


def test_k2_change_in_recipients() -> None:
    assert _values("K2") == {2019: None,  # 2018 is not in the plan
                             2020: _ratio(RECIPIENTS[2020] - RECIPIENTS[2019], RECIPIENTS[2019], 100, 1),
                             2021: _ratio(RECIPIENTS[2021] - RECIPIENTS[2020], RECIPIENTS[2020], 100, 1)}
    assert _values("K2")[2021] == Decimal("9.5")


def test_k3_need_satisfaction() -> None:
    assert _values("K3") == {2019: _ratio(RECIPIENTS[2019], RECIPIENTS[2019] + WAITING[2019], 100, 1),
                             2020: _ratio(RECIPIENTS[2020], RECIPIENTS[2020] + WAITING[2020], 100, 1),
                             2021: None}  # no 2021 waiting list
    assert _values("K3")[2020] == Decimal("92.5")


def test_k4_waiting_at_year_end() -> None:
    assert _values("K4") == {2019: Decimal(WAITING[2019]), 2020: Decimal(WAITING[2020]), 2021: None}
    assert WAITING == {2019: 8, 2020: 18}


def test_k5_share_of_the_municipal_budget() -> None:
    assert _values("K5") == {2019: None, 2020: _ratio(MUNICIPAL[2020], BUDGET[2020], 100, 1),
                             2021: _ratio(MUNICIPAL[2021], BUDGET[2021], 100, 1)}
    assert _values("K5")[2020] == Decimal("3.4")


def test_k6_spending_per_inhabitant_uses_every_services_funds() -> None:
    assert _values("K6") == {2019: None, 2020: _ratio(FUNDS[2020], POPULATION[2020], 1, 2),
                             2021: _ratio(FUNDS[2021], POPULATION[2021], 1, 2)}
    assert _values("K6")[2020] == Decimal("107.69")


def test_k7_cost_per_recipient_per_service_and_group() -> None:
    by_hand = {
        ("asmenine_pagalba", "suauge_su_negalia"): (6100 / 2, 17500 / 5),
        ("dienos_socialine_globa_namuose", "senyvo_amziaus"): ((21300 + 38900 + 3100) / 9, (23000 + 41500 + 3400) / 10),
        ("ilgalaike_socialine_globa", "senyvo_amziaus"): ((98500 + 31200 + 61800) / 13, (101000 + 32000 + 63000) / 13),
        ("laikino_atokvepio_paslauga", "suauge_su_negalia"): (1200 / 1, (3600 + 2400) / 4),
        ("maitinimo_organizavimas", "socialine_rizika_suauge"): ((6200 + 4800) / 27, (6500 + 5000) / 25),
        ("pagalba_i_namus", "senyvo_amziaus"): ((98200 + 8000) / 34, (104100 + 8430) / 38),
        ("pagalba_i_namus", "suauge_su_negalia"): ((20200 + 1650) / 7, (21900 + 1770) / 8),
        ("socialiniu_igudziu_ugdymas", "socialine_rizika_seimos"): (24500 / 19, 25800 / 20),
        ("transporto_organizavimas", "senyvo_amziaus"): ((14200 + 1900) / 88, (15000 + 2000) / 95),
        ("trumpalaike_socialine_globa", "senyvo_amziaus"): ((9800 + 7400) / 5, (10200 + 7600) / 5),
        ("vaiku_dienos_socialine_prieziura", "socialine_rizika_vaikai"): ((9800 + 12400) / 17, (10500 + 13200) / 20),
    }
    rows = {(r.service, r.target_group) for r in TABLE.rows if r.criterion.id == "K7"}
    assert rows == set(by_hand)
    for (service, group), (last_year, plan_year) in by_hand.items():
        assert _values("K7", service, group) == {2019: None, 2020: _round(round(last_year, 6), 2),
                                                 2021: _round(round(plan_year, 6), 2)}, service
    assert _values("K7", "pagalba_i_namus", "senyvo_amziaus")[2020] == Decimal("3123.53")


def test_k8_recipients_payments_share() -> None:
    assert _values("K8") == {2019: None, 2020: _ratio(PAYMENTS[2020], FUNDS[2020], 100, 1),
                             2021: _ratio(PAYMENTS[2021], FUNDS[2021], 100, 1)}
    assert _values("K8")[2020] == Decimal("18.4")


def test_k9_social_workers_per_1000_inhabitants() -> None:
    assert _values("K9") == {2019: None, 2020: None, 2021: _ratio(7 + 2, POPULATION[2021], 1000, 2)}


def test_k10_long_term_care_places_for_older_people_and_adults_only() -> None:
    # 14 places of long-term care for the elderly and adults with disability; no children's places in the example.
    assert _values("K10") == {2019: None, 2020: None, 2021: _ratio(14, AGE_65[2021], 1000, 1)}
    assert _values("K10")[2021] == Decimal("12.8")


def test_k11_home_care_coverage_of_residents_65_plus() -> None:
    at_home = {2019: 31 + 6 + 8, 2020: 34 + 7 + 9, 2021: 38 + 8 + 10}  # home help + day care at home
    assert _values("K11") == {year: _ratio(at_home[year], AGE_65[year], 100, 1) for year in at_home}


def test_k12_deinstitutionalisation() -> None:
    assert _values("K12") == {2019: _ratio(14, 17, 100, 1), 2020: _ratio(14, 16, 100, 1), 2021: None}


def test_k13_measures_implemented() -> None:
    assert _values("K13") == {2019: None, 2020: None, 2021: _ratio(0, 7, 100, 1)}


# --- the cases of issue 11 -----------------------------------------------------------------------


def _plan(text: str) -> tuple[Plan, CriteriaTable, list[str]]:
    result = validate_bytes(text.encode("utf-8"), "plan.yaml")
    assert result.plan is not None and result.criteria is not None, result.findings
    return result.plan, result.criteria, [f"{f.code} {f.param('criterion')}" for f in result.findings]


def _with(old: str, new: str, text: str = TEXT) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_k1_and_k3_count_persons_when_distinct_recipients_are_given() -> None:
    text = _with("  finance:\n    # Home help", "  distinct_recipients: {2019: 180, 2020: 185, 2021: 200}\n"
                                              "  finance:\n    # Home help")
    _, table, findings = _plan(text)
    assert _values("K1", table=table) == {2019: _ratio(180, 4521, 1000, 1), 2020: _ratio(185, 4468, 1000, 1),
                                          2021: _ratio(200, 4422, 1000, 1)}
    assert _values("K3", table=table)[2020] == _ratio(185, 185 + WAITING[2020], 100, 1)
    assert next(r for r in table.rows if r.criterion.id == "K1").basis is None  # persons, not service uses
    assert findings == []


def test_k6_and_k8_from_some_services_money_are_not_computed_and_say_what_is_missing() -> None:
    text = _with("    - service: maitinimo_organizavimas\n      provider: spc\n      entries:\n"
                 "        - {year: 2020, kind: faktas, sources: {SB: 6200.00, GM: 4800.00}}\n"
                 "        - {year: 2021, kind: planas, sources: {SB: 6500.00, GM: 5000.00}}\n"
                 "      illustrative: true\n", "")
    _, table, findings = _plan(text)
    assert _values("K6", table=table) == {2019: None, 2020: None, 2021: None}
    assert _values("K8", table=table) == {2019: None, 2020: None, 2021: None}
    assert {"W0901 K5", "W0901 K6", "W0901 K7", "W0901 K8"} <= set(findings)
    result = validate_bytes(text.encode("utf-8"), "plan.yaml")
    k6 = next(f for f in result.findings if f.code == "W0901" and f.param("criterion") == "K6")
    missing = k6.param("missing")
    assert missing.count("Maitinimo organizavimas") == 1  # each missing input once, with its years
    assert "Maitinimo organizavimas (analysis.finance; 2020, 2021 m.)" in missing


def test_k7_does_not_average_elderly_and_childrens_care() -> None:
    text = _with("    - service: trumpalaike_socialine_globa\n      target_group: senyvo_amziaus\n",
                 "    - service: ilgalaike_socialine_globa\n      target_group: vaikai_be_tevu_globos\n"
                 "      provider: globa\n      years:\n        2020: {recipients: 4}\n        2021: {planned: 4}\n"
                 "    - service: trumpalaike_socialine_globa\n      target_group: senyvo_amziaus\n")
    _, table, findings = _plan(text)
    assert _values("K7", "ilgalaike_socialine_globa", "senyvo_amziaus", table) == {2019: None, 2020: None, 2021: None}
    assert _values("K7", "ilgalaike_socialine_globa", "vaikai_be_tevu_globos", table) == {
        2019: None, 2020: None, 2021: None}
    assert "W0901 K7" in findings
    split = _with("    - service: ilgalaike_socialine_globa\n      provider: globa\n      entries:\n",
                  "    - service: ilgalaike_socialine_globa\n      provider: globa\n      target_group: senyvo_amziaus\n"
                  "      entries:\n", text)
    split = _with("    - service: trumpalaike_socialine_globa\n      provider: globa\n      entries:\n",
                  "    - service: ilgalaike_socialine_globa\n      provider: globa\n"
                  "      target_group: vaikai_be_tevu_globos\n      entries:\n"
                  "        - {year: 2020, kind: faktas, sources: {SB: 52000.00, VB: 9000.00}}\n"
                  "        - {year: 2021, kind: planas, sources: {SB: 54000.00, VB: 9400.00}}\n"
                  "    - service: trumpalaike_socialine_globa\n      provider: globa\n      entries:\n", split)
    _, table, findings = _plan(split)
    assert _values("K7", "ilgalaike_socialine_globa", "vaikai_be_tevu_globos", table)[2020] == _ratio(
        52000 + 9000, 4, 1, 2)
    assert _values("K7", "ilgalaike_socialine_globa", "senyvo_amziaus", table)[2020] == _ratio(
        98500 + 31200 + 61800, 13, 1, 2)
    assert "W0901 K7" not in findings


def test_k10_leaves_out_childrens_care_places() -> None:
    text = _with("          places: 14\n", "          places: 14\n"
                 "        - service: ilgalaike_socialine_globa\n          target_groups: [vaikai_be_tevu_globos]\n"
                 "          places: 30\n")
    _, table, _ = _plan(text)
    assert _values("K10", table=table)[2021] == _ratio(14, 1090, 1000, 1)  # not (14 + 30) / 1090


@pytest.mark.parametrize("groups", ["[senyvo_amziaus, vaikai_su_negalia]", "[]"])
def test_k10_places_of_unclear_groups_are_not_counted_as_a_value(groups: str) -> None:
    text = _with("          target_groups: [senyvo_amziaus, suauge_su_negalia]\n          places: 14\n",
                 f"          target_groups: {groups}\n          places: 14\n")
    _, table, findings = _plan(text)
    assert _values("K10", table=table)[2021] is None
    assert "W0901 K10" in findings


def test_criteria_are_a_candidate_set() -> None:
    assert REF.criteria_official is False
    assert all(c.official is False for c in REF.criteria)
    assert evaluate_criteria(RESULT.plan, REF).rows == TABLE.rows
