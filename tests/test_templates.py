"""Templates: the default ones use only the view-model; hostile or broken ones are refused, located."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docxtpl import DocxTemplate
from jinja2 import meta

from planas.render.engine import make_environment
from planas.render.markdown import FILTERS, default_template_source

from .conftest import EXAMPLE, ROOT, run_planas, script_module

DOCX_TEMPLATE = ROOT / "templates" / "plan.docx"


def test_default_templates_use_only_the_view_model() -> None:
    env = make_environment(autoescape=False, filters=FILTERS)
    assert meta.find_undeclared_variables(env.parse(default_template_source())) == {"view"}
    assert DocxTemplate(DOCX_TEMPLATE).get_undeclared_template_variables() == {"view"}


def test_committed_docx_template_is_reproducible() -> None:
    module = script_module("make_docx_template")
    assert module.build() == DOCX_TEMPLATE.read_bytes(), "run python scripts/make_docx_template.py"


def _docx_template(tmp_path: Path, text: str) -> Path:
    document = docx.Document()
    document.add_paragraph("Antraštė")
    document.add_paragraph(text)
    path = tmp_path / "savivaldybe.docx"
    document.save(path)
    return path


def test_markdown_template_escaping_the_sandbox_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "evil.md.j2"
    template.write_text("Planas\n{{ ''.__class__.__mro__ }}\n", encoding="utf-8")
    run = run_planas("render", EXAMPLE, "-f", "md", "--template", template, "-o", tmp_path / "out.md")
    assert run.code == 2, run
    assert f"{template}:2:" in run.stderr and "unsafe" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "out.md").exists()


def test_docx_template_escaping_the_sandbox_is_refused(tmp_path: Path) -> None:
    template = _docx_template(tmp_path, "{{ ''.__class__.__mro__ }}")
    run = run_planas("render", EXAMPLE, "--template", template, "-o", tmp_path / "out.docx")
    assert run.code == 2, run
    assert str(template) in run.stderr and "unsafe" in run.stderr
    assert "Traceback" not in run.stderr


def test_undefined_variable_and_syntax_error_are_located(tmp_path: Path) -> None:
    undefined = tmp_path / "undefined.md.j2"
    undefined.write_text("a\nb\n{{ view.nera }}\n", encoding="utf-8")
    run = run_planas("render", EXAMPLE, "-f", "md", "--template", undefined, "-o", tmp_path / "o.md")
    assert run.code == 2 and f"{undefined}:3:" in run.stderr and "nera" in run.stderr
    broken = tmp_path / "broken.md.j2"
    broken.write_text("{% for x in %}\n", encoding="utf-8")
    run = run_planas("render", EXAMPLE, "-f", "md", "--template", broken, "-o", tmp_path / "o.md")
    assert run.code == 2 and f"{broken}:1:" in run.stderr


def test_a_municipalitys_own_docx_template(tmp_path: Path) -> None:
    template = _docx_template(tmp_path, "{{ view.title }} – {{ view.approval_lines | join(' / ') }}")
    out = tmp_path / "out.docx"
    run = run_planas("render", EXAMPLE, "--template", template, "-o", out)
    assert run.code == 0, run
    texts = [p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs]
    assert texts[1].startswith("Birštono savivaldybės 2021 metų socialinių paslaugų planas – PATVIRTINTA")


def test_not_a_docx_template(tmp_path: Path) -> None:
    template = tmp_path / "nera.docx"
    template.write_text("ne word failas", encoding="utf-8")
    run = run_planas("render", EXAMPLE, "--template", template, "-o", tmp_path / "o.docx")
    assert run.code == 2 and "Traceback" not in run.stderr


def test_failed_render_leaves_the_previous_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    assert run_planas("render", EXAMPLE, "-f", "md", "-o", out).code == 0
    before = out.read_bytes()
    template = tmp_path / "late-error.md.j2"
    # The error is on the last line: everything before it renders first.
    template.write_text("{% for c in view.chapters %}{{ c.heading }}\n{% endfor %}\n{{ view.missing }}\n",
                        encoding="utf-8")
    run = run_planas("render", EXAMPLE, "-f", "md", "--template", template, "-o", out)
    assert run.code == 2
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
