"""Property-based tests (Hypothesis).

CI runs them at a modest number of examples (the `ci` profile; the render
property, a hundred times dearer per example, at half of it). `make fuzz` runs
them at random draws (the `thorough` profile, 2,000 examples). For the long
run: `HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_properties.py`
(20,000 examples per property).
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from planas.errors import PlanasError
from planas.loading.positional import LoadProblem, decode_plan_bytes, load_plan_text
from planas.model import Plan
from planas.reference import load_reference
from planas.render import render_plan
from planas.years.diff import diff_plans

REF = load_reference()
SERVICES = sorted(REF.services)
GROUPS = sorted(REF.target_groups)
SOURCES = list(REF.funding_sources)
YAML_PUNCTUATION = ":-[]{},#&*!|>'\"%@`?\n\t \\"


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda t: t.strip() == t and t != ""
)
_ident = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,8}", fullmatch=True)
_count = st.integers(min_value=0, max_value=100_000)
_money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    """Plain data of a structurally valid plan with varied content."""
    year = draw(st.integers(min_value=2008, max_value=2030))
    goal_ids = draw(st.lists(_ident, min_size=1, max_size=4, unique=True))
    provider_ids = draw(st.lists(_ident, min_size=0, max_size=3, unique=True))
    measures = [
        {
            "id": draw(_ident) + f"-{n}",
            "goal": draw(st.sampled_from(goal_ids)),
            "title": draw(_text),
            "executor": draw(_text),
            "services": draw(st.lists(st.sampled_from(SERVICES), max_size=2, unique=True)),
            "funding": draw(st.dictionaries(st.sampled_from(SOURCES), _money, max_size=3)),
            "indicators": [{"id": f"i{n}", "name": draw(_text), "unit": "asm.",
                            "baseline": draw(_count), "target": draw(_count)}],
        }
        for n in range(draw(st.integers(min_value=0, max_value=3)))
    ]
    provision_keys = draw(st.lists(st.tuples(st.sampled_from(SERVICES), st.sampled_from(GROUPS)),
                                   max_size=4, unique=True))
    provision = [
        {
            "service": service,
            "target_group": group,
            "years": {
                year - 1: {"recipients": draw(_count), "waiting": draw(_count)},
                year: {"planned": draw(_count)},
            },
        }
        for service, group in provision_keys
    ]
    finance = [
        {"service": service, "entries": [{"year": year - 1, "kind": "faktas",
                                          "sources": draw(st.dictionaries(st.sampled_from(SOURCES), _money,
                                                                          min_size=1, max_size=3))}]}
        for service in draw(st.lists(st.sampled_from(SERVICES), max_size=3, unique=True))
    ]
    return {
        "metadata": {
            "municipality": {"name": draw(_text) + " savivaldybė"},
            "year": year,
            "status": draw(st.sampled_from(["projektas", "patvirtintas"])),
            "approval": {"body": draw(_text), "decision_number": draw(_ident),
                         "decision_date": dt.date(year, draw(st.integers(1, 12)), draw(st.integers(1, 28)))},
        },
        "introduction": {
            "purpose": draw(st.one_of(st.none(), _text)),
            "goals": [{"id": g, "text": draw(_text)} for g in goal_ids],
            "priorities": [{"id": f"P{k}", "text": draw(_text)} for k in range(draw(st.integers(0, 3)))],
        },
        "analysis": {
            "demography": [{"id": "population_total",
                            "values": {year - 1: draw(st.integers(1, 10**6)), year: draw(st.integers(1, 10**6))}}],
            "providers": [{"id": p, "name": draw(_text), "owner": "nvo", "institution_type": "dienos_centras",
                           "services": [{"service": draw(st.sampled_from(SERVICES)), "places": draw(_count)}]}
                          for p in provider_ids],
            "provision": provision,
            "finance": finance,
        },
        "action_plan": {"measures": measures},
    }


def _plain_number(representer: Any, value: Decimal) -> Any:
    text = format(value, "f")
    return representer.represent_scalar(f"tag:yaml.org,2002:{'float' if '.' in text else 'int'}", text)


def _yaml_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _yaml_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_yaml_ready(v) for v in value]
    return value


@given(st.one_of(st.text(), st.text(alphabet=YAML_PUNCTUATION + "ab1"), st.binary()))
def test_loading_anything_raises_only_planas_errors(source: str | bytes) -> None:
    raw = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    try:
        document = load_plan_text(decode_plan_bytes(raw), "fuzz.yaml")
    except (LoadProblem, PlanasError):
        return
    assert isinstance(document.data, dict)


@given(plans())
def test_a_generated_plan_dumps_and_loads_back_equal(data: dict[str, Any]) -> None:
    plan = Plan.model_validate(data)
    dumped = plan.model_dump(mode="python", exclude_defaults=True)
    # A YAML 1.2 writer (as `planas new` uses): it quotes text such as "0E0" that
    # YAML 1.2 reads as a number. PyYAML writes YAML 1.1 and would not.
    stream = io.StringIO()
    writer = YAML(typ="safe", pure=True)
    writer.allow_unicode = True
    writer.default_flow_style = False
    # Amounts as plain numbers: a quoted amount is text, which the model refuses.
    writer.representer.add_representer(Decimal, _plain_number)
    writer.dump(_yaml_ready(dumped), stream)
    text = stream.getvalue()
    again = Plan.model_validate(load_plan_text(text, "round-trip.yaml").data)
    assert again == plan


# A render (charts drawn, a Word document built) costs a hundred times a load: half the profile's draws.
_RENDERS = settings(max_examples=max(1, settings.default.max_examples // 2))


@_RENDERS
@given(plans(), st.sampled_from(["md", "docx"]))
def test_render_never_fails_on_a_valid_plan(data: dict[str, Any], fmt: str) -> None:
    plan = Plan.model_validate(data)
    output = render_plan(plan, REF, fmt)  # type: ignore[arg-type]
    assert output
    if fmt == "docx":
        import docx

        docx.Document(io.BytesIO(output))
    else:
        assert "SOCIALINIŲ PASLAUGŲ PLANAS" in output.decode("utf-8")


@given(plans())
def test_diff_of_a_plan_with_itself_is_empty(data: dict[str, Any]) -> None:
    plan = Plan.model_validate(data)
    assert diff_plans(plan, plan, REF).is_empty
