"""The reading layer and the values: what a person sees in Word, and numbers as Lithuanians type them."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from planas.importing.document import Paragraph, Table, WordDocument
from planas.importing.numbering import format_number, roman
from planas.importing.reader import TrackChanges, read_document
from planas.importing.safety import open_docx
from planas.importing.values import parse_deadline, parse_number

from .conftest import ROOT, script_module


def _writer() -> ModuleType:
    return script_module("make_import_corpus")


W = _writer()


def _read(tmp_path: Path, body: str, mode: TrackChanges = "accept", **parts: dict[int, str]) -> WordDocument:
    path = tmp_path / "d.docx"
    path.write_bytes(W.package(body, **parts))
    return read_document(open_docx(path), mode)


def _paragraphs(document: WordDocument) -> list[Paragraph]:
    return [b for b in document.blocks if isinstance(b, Paragraph)]


def _tables(document: WordDocument) -> list[Table]:
    return [b for b in document.blocks if isinstance(b, Table)]


@pytest.mark.parametrize(("text", "value"), [
    ("1 214 000,00", Decimal("1214000.00")), ("1.214.000 Eur", Decimal(1214000)),
    ("1\u00a0214\u202f000", Decimal(1214000)), ("12,5 tūkst. Eur", Decimal("12500.0")), ("7*", Decimal(7)),
    ("1,214,000.00", Decimal("1214000.00")), ("0,30", Decimal("0.30")),
])
def test_numbers_as_typed(text: str, value: Decimal) -> None:
    number = parse_number(text)
    assert number is not None and number.value == value


@pytest.mark.parametrize("text", ["", "–", "—", "-", "x", "n/d", "abc", "SB, VB"])
def test_no_value_is_never_zero(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "deadline", "guessed"), [
    ("2021 m. gruodžio 31 d.", dt.date(2021, 12, 31), False), ("2023 m. IV ketv.", "2023-Q4", False),
    ("IV ketv.", "2022-Q4", True), ("2023 m.", 2023, False), ("2023–2025", 2025, False),
    ("2021-06-30", dt.date(2021, 6, 30), False), ("Nuolat", None, False),
])
def test_deadlines(text: str, deadline: object, guessed: bool) -> None:
    assert parse_deadline(text, 2022) == (deadline, guessed)


def test_roman_and_letter_numbers() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert format_number(3, "lowerLetter") == "c" and format_number(2, "upperRoman") == "II"


def test_numbering_through_styles_overrides_and_restarts(tmp_path: Path) -> None:
    body = (W.para("Pirmas", style="Skirsnis") + W.para("a", num=(1, 0)) + W.para("b", num=(1, 0))
            + W.para("Antras", style="Skirsnis") + W.para("c", num=(4, 0)) + W.para("•", num=(3, 0)))
    assert [p.label for p in _paragraphs(_read(tmp_path, body))] == ["1.", "1.", "2.", "2.", "1.", "•"]


def test_grid_spans_vertical_merges_grid_before_and_header_rows(tmp_path: Path) -> None:
    body = W.table(4, [
        W.row([W.cell("A", vmerge="restart"), W.cell("B", span=3)], header=True),
        W.row([W.cell("", vmerge="continue"), W.cell("x"), W.cell("y"), W.cell("z")]),
        W.row([W.cell("1"), W.cell("2", span=2), W.cell("3")]),
        W.row([W.cell("tik"), W.cell("du")], before=2),
    ])
    table = _read(tmp_path, body).blocks[0]
    assert isinstance(table, Table) and table.columns == 4
    header, second, third, fourth = table.rows
    assert header.header and second.header  # continues the header's vertical merge
    merged = header.grid[0]
    assert merged is not None and merged is second.grid[0] and merged.rowspan == 2
    assert [second.text_at(c) for c in range(4)] == ["A", "x", "y", "z"]
    assert [third.text_at(c) for c in range(4)] == ["1", "2", "2", "3"] and not third.header
    assert [fourth.text_at(c) for c in range(4)] == ["", "", "tik", "du"]


def test_tracked_changes_accepted_and_rejected(tmp_path: Path) -> None:
    inserted = '<w:ins w:id="1" w:author="a"><w:r><w:t>naujas</w:t></w:r></w:ins>'
    deleted = '<w:del w:id="2" w:author="a"><w:r><w:delText>senas</w:delText></w:r></w:del>'
    body = (W.para("tekstas ", extra=inserted + deleted)
            + W.table(1, [W.row(W.plain_cells("lieka")), W.row(W.plain_cells("ištrinta"), deleted=True)]))
    accepted = _read(tmp_path, body)
    assert _paragraphs(accepted)[0].text == "tekstas naujas"
    assert [r.text_at(0) for r in _tables(accepted)[0].rows] == ["lieka"]
    assert accepted.revisions.deleted_rows == 1 and accepted.revisions.any
    rejected = _read(tmp_path, body, "reject")
    assert _paragraphs(rejected)[0].text == "tekstas senas"
    assert [r.text_at(0) for r in _tables(rejected)[0].rows] == ["lieka", "ištrinta"]


def test_content_controls_unwrapped_at_every_level(tmp_path: Path) -> None:
    def sdt(inner: str) -> str:
        return f"<w:sdt><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>"

    placeholder = ("<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>Spustelėkite čia"
                   "</w:t></w:r></w:sdtContent></w:sdt>")
    run_level = f'<w:p>{sdt("<w:r><w:t>vidinis</w:t></w:r>")}{placeholder}</w:p>'
    body = (sdt(W.para("blokas")) + run_level
            + W.table(2, [sdt(W.row([W.cell("a"), sdt(W.cell("b"))]))]))
    document = _read(tmp_path, body)
    assert [p.text for p in _paragraphs(document)] == ["blokas", "vidinis"]
    table = document.blocks[2]
    assert isinstance(table, Table) and [table.rows[0].text_at(c) for c in range(2)] == ["a", "b"]
    assert document.content_controls == 5


def test_nested_tables_footnotes_and_comments_stay_where_they_are(tmp_path: Path) -> None:
    note = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    comment = '<w:commentRangeStart w:id="0"/><w:r><w:t>su pastaba</w:t></w:r><w:commentRangeEnd w:id="0"/>'
    nested = W.table(1, [W.row(W.plain_cells("viduje"))])
    body = W.para("Antraštė", extra=note) + W.table(1, [W.row([W.cell(W.para("išorėje") + nested)]),
                                                         W.row([W.cell(f"<w:p>{comment}</w:p>")])])
    document = _read(tmp_path, body, footnotes={1: "Išnašos tekstas."}, comments={0: "Patikrinti."})
    assert _paragraphs(document)[0].notes == ["Išnašos tekstas."]
    table = document.blocks[1]
    assert isinstance(table, Table) and table.number == 1
    outer = table.rows[0].grid[0]
    assert outer is not None and outer.text == "išorėje" and outer.tables[0].rows[0].text_at(0) == "viduje"
    commented = table.rows[1].grid[0]
    assert commented is not None and commented.comments == ["Patikrinti."]
    assert document.unattached_comments == []


def test_a_footnote_on_a_table_header_is_its_columns_note_never_its_path() -> None:
    from planas.importing.matching import Vocabularies
    from planas.importing.tables import view
    from planas.reference import load_reference
    from planas.reference.import_vocabulary import load_import_vocabulary

    corpus = ROOT / "tests" / "data" / "import"
    document = read_document(open_docx(corpus / "libreoffice-jonava-2024.docx"))  # written by LibreOffice
    measures = _tables(document)[1]
    header = measures.rows[0].grid[5]
    assert header is not None and header.text == "Planuojamos lėšos, Eur"
    assert header.notes == ["Lėšos nurodytos su PVM; VB – valstybės biudžeto specialioji tikslinė dotacija."]
    funding = Vocabularies.of(load_reference(), 2024).funding
    tv = view(measures, load_import_vocabulary(), funding)
    assert tv.columns[5].path == "Planuojamos lėšos, Eur" and tv.columns[5].concept == "funding"
    assert [(n.col, n.header, n.kind) for n in tv.header_notes] == [(5, "Planuojamos lėšos, Eur", "išnaša")]


@pytest.mark.parametrize(("text", "names"), [
    ("Jonavos socialinių paslaugų centras, Upninkų seniūnija",
     ["Jonavos socialinių paslaugų centras", "Upninkų seniūnija"]),
    ("Šilalės socialinių paslaugų namai\nKaltinėnų seniūnija", ["Šilalės socialinių paslaugų namai", "Kaltinėnų seniūnija"]),
    ("Socialinės paramos skyrius; seniūnijos", ["Socialinės paramos skyrius", "seniūnijos"]),
    ("Socialinės paramos skyrius, seniūnijos", ["Socialinės paramos skyrius, seniūnijos"]),
    ("Šeimos centras", ["Šeimos centras"]),
])
def test_a_cell_naming_several_providers(text: str, names: list[str]) -> None:
    from planas.importing.tables import several_names

    assert several_names(text) == names


def test_the_header_footnote_and_the_two_executors_reach_the_draft_as_comments() -> None:
    from planas.importing import import_docx
    from planas.reference import load_reference

    document = ROOT / "tests" / "data" / "import" / "libreoffice-jonava-2024.docx"
    result = import_docx(document, load_reference(), display_name=document.name)
    assert result.text is not None
    lines = result.text.splitlines()
    first = lines.index('    - id: "1.1"')
    assert lines[first - 1].strip() == ("# išnaša prie stulpelio „Planuojamos lėšos, Eur“: Lėšos nurodytos su PVM; "
                                        "VB – valstybės biudžeto specialioji tikslinė dotacija.")
    executor = next(line for line in lines[first:] if line.strip().startswith("executor:"))
    assert "Upninkų seniūnija  # dokumente nurodyti 2 vykdytojai" in executor
    notes = [f for f in result.findings if f.code == "W2108"]
    assert [(f.where.table, f.where.row, f.where.col) for f in notes] == [(2, 1, 6)]
    assert dict(notes[0].params)["kind"] == "išnaša prie stulpelio „Planuojamos lėšos, Eur“"


def test_the_planners_page_explains_every_import_code() -> None:
    from planas.validation.registry import RULES

    page = (ROOT / "docs" / "importas.md").read_text(encoding="utf-8")
    explained = {code for line in page.splitlines() if line.startswith("| ")
                 for code in re.findall(r"\b[EW]21[0-9]{2}\b", line.split("|")[1])}
    codes = {code for code in RULES if code[1:3] == "21"}
    assert codes - explained == set(), "docs/importas.md: add these codes to the findings table"


def test_digits_typed_raised_are_marks_never_digits_of_a_figure_or_a_header(tmp_path: Path) -> None:
    from planas.importing.tables import note_mark

    raised = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r>'
    lifted = '<w:r><w:rPr><w:position w:val="8"/></w:rPr><w:t>2</w:t></w:r>'  # how LibreOffice raises a <sup>
    body = W.table(2, [W.row([W.cell(f"<w:p>{W.run('Lėšos, Eur')}{raised}</w:p>"),
                              W.cell(f"<w:p>{W.run('Plotas, m')}{lifted}</w:p>")], header=True),
                       W.row([W.cell(f"<w:p>{W.run('1 214')}{raised}</w:p>"), W.cell("40")])])
    table = _tables(_read(tmp_path, body))[0]
    assert [table.rows[0].text_at(c) for c in range(2)] == ["Lėšos, Eur¹", "Plotas, m²"]
    assert table.rows[1].text_at(0) == "1 214¹"  # not 12141
    assert parse_number(table.rows[1].text_at(0)) is None
    assert note_mark("Lėšos, Eur¹") == ("Lėšos, Eur", "¹")
    assert note_mark("Plotas, m²") == ("Plotas, m²", "")
    assert note_mark("Gavėjai 2019 m.") == ("Gavėjai 2019 m.", "")


def test_a_note_mark_typed_on_a_header_is_reported_and_kept_out_of_the_path() -> None:
    from planas.importing import import_docx
    from planas.reference import load_reference

    document = ROOT / "tests" / "data" / "import" / "libreoffice-silale-2017.docx"  # written by LibreOffice
    result = import_docx(document, load_reference(), display_name=document.name)
    assert result.text is not None
    marks = [f for f in result.findings if f.code == "W2108"]
    assert [(f.where.table, f.where.row, f.where.col) for f in marks] == [(2, 1, 6)]
    assert dict(marks[0].params)["kind"] == "ranka surinkta išnašos žymė prie stulpelio „Lėšų šaltinis“"
    assert "# ranka surinkta išnašos žymė prie stulpelio „Lėšų šaltinis“: ¹" in result.text


def test_a_provider_whose_own_name_has_a_comma_is_one_provider(tmp_path: Path) -> None:
    from planas.importing import import_docx
    from planas.reference import load_reference

    name = "Birštono socialinių paslaugų centras, Nemuno filialas"
    body = "".join([
        W.para("BIRŠTONO SAVIVALDYBĖS 2021 METŲ SOCIALINIŲ PASLAUGŲ PLANAS", bold=True, center=True),
        W.para("5. Socialinių paslaugų infrastruktūra", bold=True),
        W.table(3, [W.row(W.plain_cells("Teikėjas", "Savininkas", "Įstaigos tipas"), header=True),
                    W.row(W.plain_cells(name, "Savivaldybės", "Socialinių paslaugų centras"))]),
        W.para("6. Socialinių paslaugų gavėjų ir poreikio analizė", bold=True),
        W.table(4, [W.row(W.plain_cells("Paslauga", "Gavėjų grupė", "Teikėjas", "Gavėjai 2020 m."), header=True),
                    W.row(W.plain_cells("Pagalba į namus", "Senyvo amžiaus asmenys ir jų šeimos", name, "5"))]),
    ])
    path = tmp_path / "planas.docx"
    path.write_bytes(W.package(body))
    result = import_docx(path, load_reference())
    assert result.text is not None
    assert not {"W2106", "W2131"} & {f.code for f in result.findings}
    analysis = yaml.safe_load(result.text)["analysis"]
    assert [p["name"] for p in analysis["providers"]] == [name]
    assert analysis["provision"][0]["provider"] == analysis["providers"][0]["id"]
