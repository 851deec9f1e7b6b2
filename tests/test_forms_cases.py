"""Each broken form of tests/forms_cases.py gives its finding, located by sheet and cell, and changes nothing."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from .conftest import EXAMPLE, run_planas
from .forms_cases import CASES, FormCase, example_forms


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return example_forms(EXAMPLE, tmp_path_factory.mktemp("forms") / "out")


def broken(case: FormCase, forms: Path, folder: Path) -> Path:
    """The case's form, broken as the case says, written into `folder`."""
    from openpyxl import load_workbook

    raw = (forms / case.form).read_bytes()
    if case.edit is not None:
        workbook = load_workbook(io.BytesIO(raw))
        case.edit(workbook)
        stream = io.BytesIO()
        workbook.save(stream)
        raw = stream.getvalue()
    if case.replace is not None:
        raw = case.replace(raw)
    target = folder / case.form
    target.write_bytes(raw)
    return target


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_form_is_reported_where_it_is_broken(case: FormCase, forms: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(EXAMPLE, plan)
    form = broken(case, forms, tmp_path)
    result = run_planas("forms", "merge", plan, form, "--write")
    where = f"{form}:{case.cell}: {case.code}" if case.cell else f"{form}: {case.code}"
    assert where in result.stdout, str(result)
    if case.code.startswith("E"):
        assert result.code == 1, str(result)
        assert plan.read_bytes() == EXAMPLE.read_bytes()  # nothing merged
        assert "planas nepakeistas" in result.stderr
    else:
        assert result.code == 0, str(result)
