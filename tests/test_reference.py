"""The packaged reference data is complete and consistent."""

from __future__ import annotations

from planas.reference import REGIME_IDS, load_reference

REF = load_reference()


def test_every_service_has_a_category_in_each_regime() -> None:
    for code, service in REF.services.items():
        assert set(service.category) == set(REGIME_IDS), code
        for category in service.category.values():
            assert category in REF.categories, (code, category)


def test_service_codes_and_spis_codes_are_unique() -> None:
    spis = [s.spis_code for s in REF.services.values() if s.spis_code]
    assert len(spis) == len(set(spis))
    assert {"201", "202", "203", "204", "208"} <= set(spis)


def test_service_recipients_are_known_groups() -> None:
    for code, service in REF.services.items():
        for group in service.recipients:
            assert group in REF.target_groups, (code, group)


def test_every_service_cites_a_source() -> None:
    assert all(service.source for service in REF.services.values())


def test_funding_rules_name_known_categories_sources_and_services() -> None:
    for rule in REF.funding_rules:
        assert set(rule.categories) <= set(REF.categories), rule.id
        assert set(rule.allowed) <= set(REF.funding_sources), rule.id
        assert set(rule.services) | set(rule.except_services) <= set(REF.services), rule.id
        assert rule.clause.startswith("SPĮ 42 str."), rule.id


def test_funding_sources_are_the_laws_list() -> None:
    assert list(REF.funding_sources) == ["SB", "VBD", "VB", "ES", "UF", "IL", "P", "GM", "K"]


def test_target_group_parents_and_aliases() -> None:
    aliases = [a for g in REF.target_groups.values() for a in g.aliases]
    assert len(aliases) == len(set(aliases))
    for group in REF.target_groups.values():
        assert group.parent is None or group.parent in REF.target_groups


def test_regimes_cover_every_year_without_gaps() -> None:
    assert REF.regime_for_year(2007).id == "legacy_1132_A1-104"
    assert REF.regime_for_year(2024).id == "legacy_1132_A1-104"
    assert REF.regime_for_year(2025).id == "A1-368_2024"
    for regime in REF.regimes:
        assert regime.form in REF.layouts
        assert not regime.verified  # say so until the official texts are read


def test_layouts_are_marked_unofficial_and_use_known_blocks() -> None:
    blocks = {"general_information", "goals", "authors", "demography", "providers", "provision",
              "finance", "priorities", "measures", "monitoring", "criteria", "service_descriptions",
              "implementation_review",
              # the 2025+ layout's blocks (render/regime2025.py)
              "needs_assessment", "need_factors", "unmet_need", "funding_need", "development_norms",
              "dependency_prevention", "staff", "respite"}
    for layout in REF.layouts.values():
        assert layout.official is False
        for chapter in layout.chapters:
            for section in chapter.sections:
                assert section.block in blocks
        for annex in layout.annexes:
            assert annex.block in blocks


def test_criteria_are_candidates_with_known_variables() -> None:
    from planas.criteria import VARIABLE_TITLES

    assert REF.criteria_official is False
    ids = [c.id for c in REF.criteria]
    assert ids == [f"K{i}" for i in range(1, 21)]  # K14-K20: candidates for the 2024 law's goals
    for criterion in REF.criteria:
        assert criterion.official is False
        for operand in (criterion.numerator, criterion.denominator):
            if operand is None:
                continue
            assert operand.variable in VARIABLE_TITLES, criterion.id
            assert set(operand.services) <= set(REF.services), criterion.id
            assert set(operand.sources) <= set(REF.funding_sources), criterion.id
            assert set(operand.categories) <= set(REF.categories), criterion.id
            assert set(operand.respite_forms) <= set(REF.respite_forms), criterion.id
