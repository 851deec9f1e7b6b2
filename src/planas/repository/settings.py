"""Repository settings (`.planas.yaml`): severity overrides, disabled rules, exclusions, baseline."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictStr, ValidationError
from pydantic_core import PydanticCustomError

from planas.errors import UsageError
from planas.findings import Finding, format_path, make_params
from planas.loading.positional import (
    LoadedDocument,
    LoadProblem,
    decode_plan_bytes,
    load_plan_text,
    read_plan_bytes,
)
from planas.model.base import forbidden_character
from planas.reference.local import SETTINGS_FILE
from planas.validation.crossyear import DEFAULT_JUMP
from planas.validation.registry import RULES, message
from planas.validation.structural import structural_findings

MAX_JUMP = Decimal(1000)
"""Largest jump threshold (a share: 1000 is a change of 100,000 %)."""


@dataclass(frozen=True)
class Settings:
    """Repository settings (`.planas.yaml`): severity overrides, disabled rules, exclusions."""

    severity: dict[str, str] = field(default_factory=dict)
    disabled: frozenset[str] = frozenset()
    jump: Decimal = DEFAULT_JUMP
    exclude: tuple[str, ...] = ()
    baseline: str | None = None
    reference: str | None = None
    """The folder of the repository's local reference data (planas.repository.localref)."""


def _a_number(value: object) -> object:
    """The threshold is a number as written (not text, not true/false); whole numbers count too."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise PydanticCustomError("decimal_type", "Decimal input should be a number")
    return Decimal(value)


Threshold = Annotated[
    Decimal,
    BeforeValidator(_a_number),
    Field(ge=0, le=MAX_JUMP, allow_inf_nan=False, decimal_places=4),
]
Pattern = Annotated[StrictStr, Field(min_length=1, max_length=1_000)]


class SettingsFile(BaseModel):
    """What `.planas.yaml` may hold: every key typed, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)  # built when read

    severity: dict[StrictStr, Literal["error", "warning", "ignore"]] = Field(
        default_factory=dict, title="Svarba", description="Taisyklės kodas -> error, warning arba ignore.")
    disabled: list[StrictStr] = Field(
        default_factory=list, title="Išjungtos taisyklės", description="Taisyklių kodai, kurių netikrinti.")
    jump_threshold: Threshold = Field(
        default=DEFAULT_JUMP, title="Pokyčio riba",
        description="X1003: dalis (0.5 = 50 %), nuo kurios pokytis be pastabos pažymimas.")
    exclude: list[Pattern] = Field(
        default_factory=list, title="Neįtraukti", description="Failų šablonai (glob), kurių netikrinti.")
    baseline: Pattern | None = Field(
        default=None, title="Bazinis failas", description="Žinomų radinių failas (--write-baseline).")
    reference: Pattern | None = Field(
        default=None, title="Vietinis žinynas",
        description="Aplankas (nuo saugyklos šaknies) su vietinėmis gavėjų grupėmis, paslaugomis, įstaigų tipais "
                    "ir rodikliais: target_groups.yaml, catalogue.yaml, institution_types.yaml, indicators.yaml.")


class SettingsProblem(UsageError):
    """`.planas.yaml` cannot be used: its located findings, one per line."""

    def __init__(self, findings: list[Finding]) -> None:
        """Keep the findings and say them in both languages."""
        self.findings = tuple(findings)
        lines = [f"{f.file}:{f.line}:{f.column}: {f.code} {message(f, 'lt')} ({message(f, 'en')})"
                 for f in self.findings]
        super().__init__("nustatymuose yra klaidų (the settings have errors):\n" + "\n".join(lines))


def _finding(doc: LoadedDocument, code: str, loc: tuple[str | int, ...], *, key: bool, **params: object) -> Finding:
    """A settings finding at the key or value of `loc`."""
    pos = doc.positions.locate(loc, key=key)
    return Finding(doc.file, pos.line, pos.column, code, RULES[code].severity, format_path(loc), make_params(params))


def _code_findings(doc: LoadedDocument, model: SettingsFile) -> list[Finding]:
    """Rule codes the registry does not know (and keys or patterns no report could show)."""
    found = [_finding(doc, "E1201", ("severity", code), key=True, ref=code)
             for code in model.severity if code not in RULES]
    found += [_finding(doc, "E1201", ("disabled", i), key=False, ref=code)
              for i, code in enumerate(model.disabled) if code not in RULES]
    texts: list[tuple[tuple[str | int, ...], str, bool]] = [(("severity", code), code, True)
                                                            for code in model.severity]
    texts += [(("disabled", i), code, False) for i, code in enumerate(model.disabled)]
    texts += [(("exclude", i), pattern, False) for i, pattern in enumerate(model.exclude)]
    found += [_finding(doc, "E0210", loc, key=key, char=char)
              for loc, text, key in texts if (char := forbidden_character(text)) is not None]
    return found


def _read(path: Path) -> LoadedDocument | None:
    """The settings document with positions; None when the file holds nothing (defaults)."""
    try:
        return load_plan_text(decode_plan_bytes(read_plan_bytes(path)), str(path))
    except LoadProblem as problem:
        if problem.code == "E0107":
            return None
        finding = Finding(str(path), problem.line, problem.column, problem.code,
                          RULES[problem.code].severity, "", make_params(problem.params))
        raise SettingsProblem([finding]) from None


def load_settings(root: Path) -> Settings:
    """Read `.planas.yaml` at the repository root (absent or empty: defaults).

    Raises `SettingsProblem` (a `UsageError`: exit 2) with located findings when it is broken.
    """
    path = root / SETTINGS_FILE
    if not path.is_file():
        return Settings()
    doc = _read(path)
    if doc is None:
        return Settings()
    try:
        model = SettingsFile.model_validate(doc.data)
    except ValidationError as error:
        raise SettingsProblem(sorted(structural_findings(error, doc, "patvirtintas", root=SettingsFile))) from None
    problems = _code_findings(doc, model)
    if problems:
        raise SettingsProblem(sorted(problems))
    return Settings(dict(model.severity), frozenset(model.disabled), model.jump_threshold, tuple(model.exclude),
                    model.baseline, model.reference)