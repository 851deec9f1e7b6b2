"""Build the Word corpus of `planas import` (tests/data/import/): never edit its documents by hand.

    python scripts/make_import_corpus.py            # write the corpus
    python scripts/make_import_corpus.py --check    # exit 1 when a written file would change

Two writers, so that the reader is not tuned to one of them:

- `rankinis-*.docx`: WordprocessingML written here part by part, the way Word
  stores what municipalities do by hand (typed headings, style-linked
  numbering, two-row merged headers, tracked changes, a content control around
  the approval block, a footnote on a section heading, a nested table, a cell
  with two providers on two lines, a header row typed again, `Iš viso` rows).
  Byte-stable: fixed zip dates and order.
- `libreoffice-*.docx`: an HTML source (`*.html`, committed) converted by
  LibreOffice (`soffice --headless --convert-to docx`). LibreOffice's output is
  not byte-stable (it stamps times and ids), so `--check` compares only the
  HTML source; the converted document is rebuilt only when LibreOffice is
  present and the source changed. Druskininkai's has a providers' services row
  whose provider cell names two providers. Jonava's carries a footnote on a table header
  (`Planuojamos lėšos, Eur¹`, a real Word footnote once converted) and an
  executor cell naming two providers with a comma; Šilalė's one naming them on
  two lines, and a note mark typed raised by hand on a header (`Lėšų šaltinis¹`,
  its note a paragraph below the table).

Plan text comes from the real-plan fragments (Telšiai 2023, Jonava 2024,
Druskininkai 2021, Šilalė 2017: municipality, year, approval decisions, service
names); table rows are invented and marked so in each document's facts file
(`*.facts.json`: the figures, dates, codes and texts an import must recover,
and the traps it must not import). The hostile set (`hostile/`) is made here too.
"""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "import"
_DATE = (2024, 1, 1, 0, 0, 0)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

# --- a minimal WordprocessingML writer ----------------------------------------------------------


def run(text: str, bold: bool = False) -> str:
    """A run of text."""
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text: str = "", *, bold: bool = False, center: bool = False, style: str | None = None,
         num: tuple[int, int] | None = None, extra: str = "") -> str:
    """A paragraph (optionally styled, centred, numbered; `extra` is raw run XML appended)."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if center:
        ppr += '<w:jc w:val="center"/>'
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{run(text, bold) if text else ''}{extra}</w:p>"


def cell(content: str, *, span: int = 1, vmerge: str | None = None) -> str:
    """A table cell: `content` is a text (one paragraph) or raw XML starting with '<'."""
    tcpr = ""
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        tcpr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        tcpr += "<w:vMerge/>"
    body = content if content.startswith("<") else para(content)
    return f"<w:tc>{'<w:tcPr>' + tcpr + '</w:tcPr>' if tcpr else ''}{body}</w:tc>"


def row(cells: list[str], *, header: bool = False, deleted: bool = False, before: int = 0) -> str:
    """A table row of cells (XML from `cell`)."""
    trpr = ""
    if before:
        trpr += f'<w:gridBefore w:val="{before}"/>'
    if header:
        trpr += "<w:tblHeader/>"
    if deleted:
        trpr += '<w:del w:id="900" w:author="Rengėja" w:date="2024-01-10T10:00:00Z"/>'
    return f"<w:tr>{'<w:trPr>' + trpr + '</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>"


def table(columns: int, rows: list[str]) -> str:
    """A table with `columns` grid columns."""
    grid = "".join('<w:gridCol w:w="1400"/>' for _ in range(columns))
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'


def plain_cells(*texts: str) -> list[str]:
    """Cells of plain text."""
    return [cell(t) for t in texts]


_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Skirsnis"><w:name w:val="Skirsnio antraste"/><w:basedOn w:val="Normal"/>
<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Sarasas"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>"""

_NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""


def package(body: str, *, footnotes: dict[int, str] | None = None, comments: dict[int, str] | None = None) -> bytes:
    """A DOCX package (deterministic bytes) around a body's XML."""
    parts: dict[str, str] = {}
    overrides = [("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
                 ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
                 ("/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml")]
    rels = [("rId1", "styles", "styles.xml"), ("rId2", "numbering", "numbering.xml")]
    if footnotes:
        notes = "".join(f'<w:footnote w:id="{i}"><w:p>{run(t)}</w:p></w:footnote>' for i, t in footnotes.items())
        parts["word/footnotes.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W_NS}">{notes}</w:footnotes>'
        overrides.append(("/word/footnotes.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"))
        rels.append(("rId3", "footnotes", "footnotes.xml"))
    if comments:
        items = "".join(f'<w:comment w:id="{i}" w:author="Rengėja"><w:p>{run(t)}</w:p></w:comment>'
                        for i, t in comments.items())
        parts["word/comments.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="{W_NS}">{items}</w:comments>'
        overrides.append(("/word/comments.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"))
        rels.append(("rId4", "comments", "comments.xml"))
    types = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{types}</Types>')
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_RELTYPE}officeDocument" Target="word/document.xml"/></Relationships>')
    rel_xml = "".join(f'<Relationship Id="{i}" Type="{_RELTYPE}{t}" Target="{target}"/>' for i, t, target in rels)
    parts["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{rel_xml}</Relationships>")
    parts["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                  f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}'
                                  '<w:sectPr/></w:body></w:document>')
    parts["word/styles.xml"] = _STYLES
    parts["word/numbering.xml"] = _NUMBERING
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(parts):
            info = zipfile.ZipInfo(name, _DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, parts[name].encode("utf-8"))
    return buffer.getvalue()


# --- the hand-made plan (Telšiai 2023 fragments; table rows invented) -------------------------


def telsiai_body(pages: int = 1) -> str:
    """A plan as a municipality types it; `pages` repeats the action plan's rows (the benchmark's long plan)."""
    ins = '<w:ins w:id="1" w:author="Rengėja" w:date="2024-01-10T10:00:00Z">{}</w:ins>'
    dele = '<w:del w:id="2" w:author="Rengėja" w:date="2024-01-10T10:00:00Z"><w:r><w:delText>{}</w:delText></w:r></w:del>'
    approval = ("<w:sdt><w:sdtPr><w:alias w:val=\"Patvirtinimas\"/></w:sdtPr><w:sdtContent>"
                + para("PATVIRTINTA") + para("Telšių rajono savivaldybės tarybos")
                + para("2023 m. vasario 23 d.") + para("sprendimu Nr. T1-52")
                + "</w:sdtContent></w:sdt>")
    body = [
        approval,
        para("TELŠIŲ RAJONO SAVIVALDYBĖS 2023 METŲ SOCIALINIŲ PASLAUGŲ PLANAS", bold=True, center=True),
        para("Turinys", bold=True),
        para("I SKYRIUS ĮVADAS\t3"), para("1. Bendra informacija\t3"), para("II SKYRIUS BŪKLĖS ANALIZĖ\t5"),
        para("I SKYRIUS", bold=True, center=True), para("ĮVADAS", bold=True, center=True),
        para("Bendra informacija", style="Skirsnis"),
        para("Telšių rajono savivaldybės 2023 metų socialinių paslaugų planas parengtas siekiant nustatyti "
             "socialinių paslaugų teikimo mastą ir rūšis pagal gyventojų poreikius."),
        para("Socialinių paslaugų teikimo ir plėtros tikslai", style="Skirsnis"),
        para("Užtikrinti kokybiškas ir prieinamas socialines paslaugas rajono gyventojams.", num=(1, 0)),
        para("Plėtoti bendruomenines paslaugas senyvo amžiaus asmenims.", num=(1, 0)),
        para("II SKYRIUS", bold=True, center=True), para("BŪKLĖS ANALIZĖ", bold=True, center=True),
        para("Socialinių paslaugų gavėjų ir poreikio analizė", style="Skirsnis"),
        para("Gavėjų skaičius auga (lentelės eilutės išgalvotos)."),
        para("Socialinių paslaugų gavėjai"),
        table(6, [
            row([cell("Paslauga", vmerge="restart"), cell("Gavėjų grupė", vmerge="restart"),
                 cell("Gavėjai", span=2), cell("Laukia metų pabaigoje", span=2)], header=True),
            row([cell("", vmerge="continue"), cell("", vmerge="continue"), cell("2021 m."), cell("2022 m."),
                 cell("2021 m."), cell("2022 m.")], header=True),
            row(plain_cells("Pagalba į namus", "Senyvo amžiaus asmenys ir jų šeimos", "141", "149", "9", "11")),
            row(plain_cells("Pagalba į namus", "Suaugę asmenys su negalia ir jų šeimos", "38", "41", "2", "3"),
                deleted=True),
            row(plain_cells("Paslauga", "Gavėjų grupė", "Gavėjai", "Gavėjai", "Laukia metų pabaigoje",
                            "Laukia metų pabaigoje")),
            row(plain_cells("Paslauga", "Gavėjų grupė", "2021 m.", "2022 m.", "2021 m.", "2022 m.")),
            row([cell("Dienos socialinė globa asmens namuose"), cell("Senyvo amžiaus asmenys ir jų šeimos"),
                 cell(f"<w:p>{run('3')}{ins.format(run('6'))}</w:p>"), cell("39"), cell("–"), cell("3")]),
            row(plain_cells("Iš viso", "", "177", "188", "9", "14")),
        ]),
        para("Socialinių paslaugų finansavimo analizė", style="Skirsnis", extra=(
            '<w:r><w:footnoteReference w:id="1"/></w:r>')),
        para("Lėšos pagal šaltinius, tūkst. Eur"),
        table(5, [
            row([cell("Paslauga", vmerge="restart"), cell("Metai", vmerge="restart"),
                 cell("Lėšos, tūkst. Eur", span=3)], header=True),
            row([cell("", vmerge="continue"), cell("", vmerge="continue"), cell("SB"), cell("VBD"), cell("GM")],
                header=True),
            row(plain_cells("Dienos socialinė globa asmens namuose", "2022 m.", "52,0", "301,0", "–")),
            row(plain_cells("Pagalba į namus", "2022 m.", "510,5", "–", "40,2")),
        ]),
        para("III SKYRIUS", bold=True, center=True),
        para("SOCIALINIŲ PASLAUGŲ PLĖTROS PRIORITETAI IR PRIEMONĖS", bold=True, center=True),
        para("Prioritetinės socialinių paslaugų plėtros kryptys", style="Skirsnis"),
        para("Bendruomeninių paslaugų plėtra.", num=(4, 0)),
        para("Socialinių paslaugų plano priemonės", style="Skirsnis"),
    ]
    measure_rows = [
        row([cell("Nr."), cell("Priemonė"), cell("Vykdytojas"), cell("Įvykdymo terminas"),
             cell("Planuojamos lėšos, Eur")], header=True),
        row([cell("1 tikslas. Užtikrinti kokybiškas ir prieinamas socialines paslaugas", span=5)]),
    ]
    for page in range(pages):
        base = page * 10
        measure_rows += [
            row([cell(f"{base + 1}.1"), cell("Didinti pagalbos į namus apimtį"),
                 cell("<w:p>" + run("Telšių socialinių paslaugų centras") + "</w:p>"
                      + "<w:p>" + run("Telšių rajono savivaldybės administracija") + "</w:p>", vmerge="restart"),
                 cell("2023 m. IV ketv."), cell("SB – 548 000\nGM – 43 000".replace("\n", ""))]),
            row([cell(f"{base + 1}.2"), cell("Įrengti laikino apnakvindinimo vietas"), cell("", vmerge="continue"),
                 cell("2023 m. gruodžio 31 d."), cell("SB, VB, GM: 1 124 600")]),
            row([cell(f"{base + 1}.3"), cell(f"<w:p>{run('Atnaujinti dienos centro patalpas')}"
                                              f"{dele.format(' ir kiemą')}</w:p>"),
                 cell("Telšių socialinių paslaugų centras"), cell("2023"),
                 cell("<w:p>" + run("SB 12.500 Eur") + "</w:p>" + table(1, [row(plain_cells("pastaba"))]))]),
        ]
    body.append(table(5, measure_rows))
    body += [
        para("Socialinių paslaugų SSGG analizė", style="Skirsnis"),
        para("Stiprybė – išplėtotas pagalbos į namus tinklas."),
    ]
    return "".join(body)


TELSIAI_FACTS = {
    "document": "rankinis-telsiai-2023.docx",
    "invented": "Lentelių eilutės išgalvotos (tik testui); antraštė ir sprendimas – iš Telšių 2023 m. plano.",
    "figures": [
        ["metadata.year", 2023],
        ["metadata.approval.decision_number", "T1-52"],
        ["metadata.approval.decision_date", "2023-02-23"],
        ["analysis.provision[service=pagalba_i_namus].years.2021.recipients", 141],
        ["analysis.provision[service=pagalba_i_namus].years.2022.recipients", 149],
        ["analysis.provision[service=pagalba_i_namus].years.2022.waiting", 11],
        ["analysis.provision[service=dienos_socialine_globa_namuose].years.2021.recipients", 36],
        ["analysis.provision[service=dienos_socialine_globa_namuose].years.2022.waiting", 3],
        ["analysis.finance[service=pagalba_i_namus].entries[0].sources.SB", "510500.00"],
        ["analysis.finance[service=pagalba_i_namus].entries[0].sources.GM", "40200.00"],
        ["analysis.finance[service=dienos_socialine_globa_namuose].entries[0].sources.VBD", "301000.00"],
        ["action_plan.measures[id=1.1].deadline", "2023-Q4"],
        ["action_plan.measures[id=1.1].funding.SB", "548000.00"],
        ["action_plan.measures[id=1.1].funding.GM", "43000.00"],
        ["action_plan.measures[id=1.2].deadline", "2023-12-31"],
        ["action_plan.measures[id=1.3].deadline", 2023],
        ["action_plan.measures[id=1.3].funding.SB", "12500.00"],
        ["action_plan.measures[id=1.1].goal", "T1"],
    ],
    "texts": [
        ["metadata.municipality.name", "Telšių rajono savivaldybė"],
        ["introduction.goals[id=T1].text", "Užtikrinti kokybiškas ir prieinamas socialines paslaugas rajono gyventojams."],
        ["introduction.goals[id=T2].text", "Plėtoti bendruomenines paslaugas senyvo amžiaus asmenims."],
        ["introduction.priorities[id=P1].text", "Bendruomeninių paslaugų plėtra."],
        ["action_plan.measures[id=1.1].executor", "Telšių socialinių paslaugų centras\nTelšių rajono savivaldybės administracija"],
        ["action_plan.measures[id=1.2].executor", "Telšių socialinių paslaugų centras\nTelšių rajono savivaldybės administracija"],
        ["action_plan.measures[id=1.3].title", "Atnaujinti dienos centro patalpas"],
        ["action_plan.measures[id=1.2].comment", ("Lėšos dokumente nurodytos bendrai: „SB, VB, GM: 1 124 600“ "
                                                   "(1124600.00 Eur); išskirstykite pagal šaltinius.")],
        ["sections[id=socialiniu_paslaugu_ssgg_analize].title", "Socialinių paslaugų SSGG analizė"],
    ],
    "traps": ["38", "ir kiemą", "Iš viso", "177"],
    "codes": ["W2101", "W2105", "W2108", "W2109", "W2111", "W2112", "W2116", "W2118", "W2130"],
    "trap_paths": ["analysis.provision[target_group=suauge_su_negalia]"],
}


# --- the findings corpus: each document raises the import's findings it names (findings/*.codes) ---------


def findings_body() -> str:
    """A short plan whose every table holds something the import must report."""
    return "".join([
        para("ŠILALĖS RAJONO SAVIVALDYBĖS 2017 METŲ SOCIALINIŲ PASLAUGŲ PLANAS", bold=True, center=True),
        para("2. Socialinių paslaugų teikimo ir plėtros tikslai", bold=True),
        para("Tikslai suderinti su strateginiu planu."),
        para("Mažinti socialinę atskirtį.", num=(1, 0)),
        para("6. Socialinių paslaugų gavėjų ir poreikio analizė", bold=True),
        table(4, [
            row(plain_cells("Paslauga", "Gavėjų grupė", "Teikėjas", "Gavėjai 2016 m."), header=True),
            row(plain_cells("Kvantinė pagalba", "Senyvo amžiaus asmenys ir jų šeimos", "Centras", "5")),
            row(plain_cells("Pagalba į namus", "Marsiečiai", "Centras", "4")),
            row(plain_cells("Pagalba į namus", "Senyvo amžiaus asmenys ir jų šeimos", "Nežinomas teikėjas",
                            "daug")),
            row(plain_cells("Pagalba į namus", "Suaugę asmenys su negalia ir jų šeimos",
                            "Šilalės socialinių paslaugų namai, Kaltinėnų seniūnija", "6")),
            row(plain_cells("Iš viso", "", "", "99")),
        ]),
        para("Kitos lentelės pavadinimas"),
        table(2, [row(plain_cells("Aaa", "Bbb"), header=True), row(plain_cells("1", "2"))]),
        para("9. Socialinių paslaugų plano priemonės", bold=True),
        table(4, [
            row(plain_cells("Nr.", "Priemonė", "Įvykdymo terminas", "Pastabos"), header=True),
            row(plain_cells("1.1", "Teikti paslaugas", "IV ketv.", "suderinta su seniūnijomis")),
            row(plain_cells("1.2", "Stebėti poreikį", "Nuolat", "")),
        ]),
        para("11. Socialinių paslaugų efektyvumo vertinimo kriterijai", bold=True),
        table(2, [row(plain_cells("Kriterijus", "2016 m."), header=True), row(plain_cells("K1", "7,0"))]),
    ])


FINDINGS_CODES = {
    "radiniai-silale-2017.docx": ["W2102", "W2103", "W2104", "W2106", "W2107", "W2110", "W2113", "W2114",
                                  "W2115", "W2117", "W2119", "W2131"],
    "be-antrastes.docx": ["E2101"],
}


# --- the LibreOffice-written plan (Druskininkai 2021 / Šilalė 2017 fragments; rows invented) --------

DRUSKININKAI_HTML = """<!DOCTYPE html>
<html lang="lt"><head><meta charset="utf-8"><title>Planas</title></head><body>
<p>PATVIRTINTA</p><p>Druskininkų savivaldybės tarybos</p><p>2021 m. kovo 25 d.</p><p>sprendimu Nr. T1-41</p>
<p align="center"><b>DRUSKININKŲ SAVIVALDYBĖS 2021 METŲ SOCIALINIŲ PASLAUGŲ PLANAS</b></p>
<h1>I. ĮVADAS</h1>
<h2>1. Bendra informacija</h2>
<p>Planas parengtas pagal Socialinių paslaugų planavimo metodiką (lentelių eilutės išgalvotos).</p>
<h2>2. Socialinių paslaugų teikimo ir plėtros tikslai</h2>
<ol><li>Didinti socialinių paslaugų prieinamumą.</li><li>Stiprinti paslaugas šeimoms.</li></ol>
<h1>II. BŪKLĖS ANALIZĖ</h1>
<h2>5. Socialinių paslaugų infrastruktūra</h2>
<p>Paslaugų teikėjai</p>
<table border="1">
<thead><tr><th>Teikėjas</th><th>Savininkas</th><th>Įstaigos tipas</th></tr></thead>
<tbody>
<tr><td>Druskininkų socialinių paslaugų centras</td><td>Savivaldybės</td><td>Socialinių paslaugų centras</td></tr>
<tr><td>Viečiūnų seniūnija</td><td>Savivaldybės</td><td>Savivaldybės administracija (padalinys, seniūnija)</td></tr>
</tbody></table>
<p>Teikėjų paslaugos</p>
<table border="1">
<thead><tr><th>Teikėjas</th><th>Paslauga</th><th>Vietų skaičius</th></tr></thead>
<tbody>
<tr><td>Druskininkų socialinių paslaugų centras</td><td>Pagalba į namus</td><td>40</td></tr>
<tr><td>Druskininkų socialinių paslaugų centras, Viečiūnų seniūnija</td><td>Socialinių įgūdžių ugdymas, palaikymas ir (ar) atkūrimas</td><td>12</td></tr>
</tbody></table>
<h2>6. Socialinių paslaugų gavėjų ir poreikio analizė</h2>
<table border="1">
<thead><tr><th rowspan="2">Paslauga</th><th rowspan="2">Gavėjų grupė</th><th colspan="2">Gavėjai</th></tr>
<tr><th>2019 m.</th><th>2020 m.</th></tr></thead>
<tbody>
<tr><td>Pagalba į namus</td><td>Senyvo amžiaus asmenys ir jų šeimos</td><td>1 214</td><td>1 230</td></tr>
<tr><td>Socialinių įgūdžių ugdymas, palaikymas ir (ar) atkūrimas</td><td>Socialinę riziką patiriančios šeimos</td><td>64</td><td>—</td></tr>
<tr><td>Iš viso</td><td></td><td>1 278</td><td>1 230</td></tr>
</tbody></table>
<h1>III. SOCIALINIŲ PASLAUGŲ PLĖTROS PRIORITETAI IR PRIEMONĖS</h1>
<h2>8. Prioritetinės socialinių paslaugų plėtros kryptys</h2>
<ul><li>Paslaugų šeimoms plėtra.</li></ul>
<h2>9. Socialinių paslaugų plano priemonės</h2>
<table border="1">
<thead><tr><th>Nr.</th><th>Tikslas</th><th>Priemonė</th><th>Atsakingi vykdytojai</th><th>Įvykdymo terminas</th><th>Lėšų šaltinis</th></tr></thead>
<tbody>
<tr><td>1.1</td><td>1</td><td>Teikti pagalbą į namus</td><td>Druskininkų socialinių paslaugų centras</td><td>2021 m. III ketv.</td><td>SB 1.214.000 Eur</td></tr>
<tr><td>2.1</td><td>2</td><td>Organizuoti tėvystės įgūdžių mokymus</td><td>Šeimos centras</td><td>2021 m.</td><td>VB – 12 000; SB – 3 000</td></tr>
</tbody></table>
<h2>Plėtros vizija</h2>
<p>Druskininkai – bendruomeniškų paslaugų savivaldybė.</p>
</body></html>
"""

DRUSKININKAI_FACTS = {
    "document": "libreoffice-druskininkai-2021.docx",
    "invented": "Lentelių eilutės išgalvotos (tik testui); sprendimo numeris iliustracinis.",
    "figures": [
        ["metadata.year", 2021],
        ["metadata.approval.decision_number", "T1-41"],
        ["metadata.approval.decision_date", "2021-03-25"],
        ["analysis.provision[service=pagalba_i_namus].years.2019.recipients", 1214],
        ["analysis.provision[service=pagalba_i_namus].years.2020.recipients", 1230],
        ["analysis.provision[service=socialiniu_igudziu_ugdymas].years.2019.recipients", 64],
        ["action_plan.measures[id=1.1].deadline", "2021-Q3"],
        ["action_plan.measures[id=1.1].funding.SB", "1214000.00"],
        ["action_plan.measures[id=1.1].goal", "T1"],
        ["action_plan.measures[id=2.1].funding.VB", "12000.00"],
        ["action_plan.measures[id=2.1].funding.SB", "3000.00"],
        ["action_plan.measures[id=2.1].deadline", 2021],
        ["action_plan.measures[id=2.1].goal", "T2"],
        ["analysis.providers[id=druskininku_socialiniu_paslaugu_centras].owner", "savivaldybe"],
        ["analysis.providers[id=druskininku_socialiniu_paslaugu_centras].institution_type",
         "socialiniu_paslaugu_centras"],
        ["analysis.providers[id=druskininku_socialiniu_paslaugu_centras].services[0].places", 40],
        ["analysis.providers[id=druskininku_socialiniu_paslaugu_centras].services[1].service",
         "socialiniu_igudziu_ugdymas"],
        ["analysis.providers[id=druskininku_socialiniu_paslaugu_centras].services[1].places", 12],
        ["analysis.providers[id=vieciunu_seniunija].institution_type", "savivaldybes_administracija"],
        ["analysis.providers[id=vieciunu_seniunija].services[0].service", "socialiniu_igudziu_ugdymas"],
        ["analysis.providers[id=vieciunu_seniunija].services[0].places", 12],
    ],
    "texts": [
        ["metadata.municipality.name", "Druskininkų savivaldybė"],
        ["analysis.providers[id=druskininku_socialiniu_paslaugu_centras].name",
         "Druskininkų socialinių paslaugų centras"],
        ["analysis.providers[id=vieciunu_seniunija].name", "Viečiūnų seniūnija"],
        ["introduction.goals[id=T1].text", "Didinti socialinių paslaugų prieinamumą."],
        ["introduction.goals[id=T2].text", "Stiprinti paslaugas šeimoms."],
        ["introduction.priorities[id=P1].text", "Paslaugų šeimoms plėtra."],
        ["action_plan.measures[id=1.1].title", "Teikti pagalbą į namus"],
        ["action_plan.measures[id=2.1].executor", "Šeimos centras"],
        ["sections[id=pletros_vizija].text", "Druskininkai – bendruomeniškų paslaugų savivaldybė."],
    ],
    "traps": ["1 278", "1278"],
    "codes": ["W2112", "W2118", "W2132"],
    "trap_paths": [],
}


JONAVA_HTML = """<!DOCTYPE html>
<html lang="lt"><head><meta charset="utf-8"><title>Planas</title></head><body>
<p>PATVIRTINTA</p><p>Jonavos rajono savivaldybės tarybos</p><p>2024 m. balandžio 4 d.</p><p>sprendimu Nr. 1TS-52</p>
<p align="center"><b>JONAVOS RAJONO SAVIVALDYBĖS 2024 METŲ SOCIALINIŲ PASLAUGŲ PLANAS</b></p>
<h1>I. ĮVADAS</h1>
<h2>1. Bendra informacija</h2>
<p>Jonavos rajono savivaldybė, vadovaudamasi Lietuvos Respublikos socialinių paslaugų įstatymu, kasmet sudaro ir
tvirtina socialinių paslaugų planą, siekdama identifikuoti socialinių paslaugų teikimo mastą ir rūšis pagal
gyventojų poreikius (lentelių eilutės išgalvotos).</p>
<h2>2. Socialinių paslaugų teikimo ir plėtros tikslai</h2>
<ol><li>Užtikrinti socialinių paslaugų prieinamumą rajono gyventojams.</li>
<li>Plėtoti bendruomenines paslaugas šeimoms ir vaikams.</li></ol>
<h1>II. BŪKLĖS ANALIZĖ</h1>
<h2>6. Socialinių paslaugų gavėjų ir poreikio analizė</h2>
<table border="1">
<thead><tr><th rowspan="2">Paslauga</th><th rowspan="2">Gavėjų grupė</th><th colspan="2">Gavėjai</th></tr>
<tr><th>2022 m.</th><th>2023 m.</th></tr></thead>
<tbody>
<tr><td>Pagalba į namus</td><td>Senyvo amžiaus asmenys ir jų šeimos</td><td>212</td><td>226</td></tr>
<tr><td>Vaikų dienos socialinė priežiūra</td><td>Socialinę riziką patiriančios šeimos</td><td>95</td><td>104</td></tr>
<tr><td>Iš viso</td><td></td><td>307</td><td>330</td></tr>
</tbody></table>
<h1>III. SOCIALINIŲ PASLAUGŲ PLĖTROS PRIORITETAI IR PRIEMONĖS</h1>
<h2>8. Prioritetinės socialinių paslaugų plėtros kryptys</h2>
<ul><li>Bendruomeninių paslaugų šeimoms ir vaikams plėtra.</li></ul>
<h2>9. Socialinių paslaugų plano priemonės</h2>
<table border="1">
<thead><tr><th>Nr.</th><th>Tikslas</th><th>Priemonė</th><th>Atsakingi vykdytojai</th><th>Įvykdymo terminas</th><th>Planuojamos lėšos, Eur<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a></th></tr></thead>
<tbody>
<tr><td>1.1</td><td>1</td><td>Teikti pagalbą į namus</td><td>Jonavos socialinių paslaugų centras, Upninkų seniūnija</td><td>2024 m. IV ketv.</td><td>SB 412.500 Eur</td></tr>
<tr><td>2.1</td><td>2</td><td>Steigti vaikų dienos centrą Upninkuose</td><td>Socialinės paramos skyrius</td><td>2024 m.</td><td>VB – 38 000; SB – 9 500</td></tr>
</tbody></table>
<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>Lėšos nurodytos su PVM; VB – valstybės biudžeto specialioji tikslinė dotacija.</p></div>
</body></html>
"""

JONAVA_FACTS = {
    "document": "libreoffice-jonava-2024.docx",
    "invented": "Lentelių eilutės išgalvotos (tik testui); 2024 m. plano sprendimo data ir numeris iliustraciniai "
                "(tikras yra 2023 m. plano sprendimas 2023-04-06 Nr. 1TS-47).",
    "figures": [
        ["metadata.year", 2024],
        ["metadata.approval.decision_number", "1TS-52"],
        ["metadata.approval.decision_date", "2024-04-04"],
        ["analysis.provision[service=pagalba_i_namus].years.2022.recipients", 212],
        ["analysis.provision[service=pagalba_i_namus].years.2023.recipients", 226],
        ["analysis.provision[service=vaiku_dienos_socialine_prieziura].years.2022.recipients", 95],
        ["analysis.provision[service=vaiku_dienos_socialine_prieziura].years.2023.recipients", 104],
        ["action_plan.measures[id=1.1].deadline", "2024-Q4"],
        ["action_plan.measures[id=1.1].funding.SB", "412500.00"],
        ["action_plan.measures[id=1.1].goal", "T1"],
        ["action_plan.measures[id=2.1].funding.VB", "38000.00"],
        ["action_plan.measures[id=2.1].funding.SB", "9500.00"],
        ["action_plan.measures[id=2.1].deadline", 2024],
        ["action_plan.measures[id=2.1].goal", "T2"],
    ],
    "texts": [
        ["metadata.municipality.name", "Jonavos rajono savivaldybė"],
        ["introduction.goals[id=T1].text", "Užtikrinti socialinių paslaugų prieinamumą rajono gyventojams."],
        ["introduction.goals[id=T2].text", "Plėtoti bendruomenines paslaugas šeimoms ir vaikams."],
        ["introduction.priorities[id=P1].text", "Bendruomeninių paslaugų šeimoms ir vaikams plėtra."],
        ["action_plan.measures[id=1.1].title", "Teikti pagalbą į namus"],
        ["action_plan.measures[id=2.1].title", "Steigti vaikų dienos centrą Upninkuose"],
        ["action_plan.measures[id=2.1].executor", "Socialinės paramos skyrius"],
        ["action_plan.measures[id=1.1].executor", "Jonavos socialinių paslaugų centras, Upninkų seniūnija"],
    ],
    "traps": ["307", "330", "su PVM"],
    "codes": ["W2108", "W2112", "W2130"],
    "trap_paths": [],
}

SILALE_HTML = """<!DOCTYPE html>
<html lang="lt"><head><meta charset="utf-8"><title>Planas</title></head><body>
<p>Forma patvirtinta</p><p>Lietuvos Respublikos socialinės</p><p>apsaugos ir darbo ministro</p>
<p>2007 m. balandžio 12 d. įsakymu Nr. A1-104</p>
<p>PATVIRTINTA</p><p>Šilalės rajono savivaldybės tarybos</p><p>2017 m. kovo 30 d. sprendimu</p><p>Nr. T1-97</p>
<p align="center"><b>ŠILALĖS RAJONO SAVIVALDYBĖS 2017 M. SOCIALINIŲ PASLAUGŲ PLANAS</b></p>
<p align="center"><b>I SKYRIUS</b></p>
<p align="center"><b>ĮVADAS</b></p>
<p><b>1. Bendra informacija</b></p>
<p>Šilalės rajono savivaldybės 2017 m. socialinių paslaugų planas parengtas vadovaujantis Lietuvos Respublikos
Vyriausybės 2006 m. lapkričio 15 d. nutarimu Nr. 1132 „Dėl Socialinių paslaugų planavimo metodikos
patvirtinimo“ (lentelių eilutės išgalvotos).</p>
<p><b>2. Socialinių paslaugų teikimo ir plėtros tikslai</b></p>
<ol><li>Tenkinti senyvo amžiaus asmenų socialinių paslaugų poreikį.</li>
<li>Mažinti socialinę atskirtį kaimo vietovėse.</li></ol>
<p align="center"><b>II SKYRIUS</b></p>
<p align="center"><b>BŪKLĖS ANALIZĖ</b></p>
<p><b>6. Socialinių paslaugų gavėjų ir poreikio analizė</b></p>
<table border="1">
<thead><tr><th rowspan="2">Paslauga</th><th rowspan="2">Gavėjų grupė</th><th colspan="2">Gavėjai</th></tr>
<tr><th>2015 m.</th><th>2016 m.</th></tr></thead>
<tbody>
<tr><td>Pagalba į namus</td><td>Senyvo amžiaus asmenys ir jų šeimos</td><td>148</td><td>156</td></tr>
<tr><td>Ilgalaikė socialinė globa</td><td>Senyvo amžiaus asmenys ir jų šeimos</td><td>41</td><td>–</td></tr>
<tr><td>Iš viso</td><td></td><td>189</td><td>156</td></tr>
</tbody></table>
<p align="center"><b>III SKYRIUS</b></p>
<p align="center"><b>SOCIALINIŲ PASLAUGŲ PLĖTROS PRIORITETAI IR PRIEMONĖS</b></p>
<p><b>8. Prioritetinės socialinių paslaugų plėtros kryptys</b></p>
<ul><li>Pagalbos į namus paslaugų plėtra kaimo vietovėse.</li></ul>
<p><b>9. Socialinių paslaugų plano priemonės</b></p>
<table border="1">
<thead><tr><th>Nr.</th><th>Tikslas</th><th>Priemonė</th><th>Atsakingi vykdytojai</th><th>Įvykdymo terminas</th><th>Lėšų šaltinis<sup>1</sup></th></tr></thead>
<tbody>
<tr><td>1.1</td><td>1</td><td>Teikti pagalbą į namus kaimo vietovėse</td><td><p>Šilalės socialinių paslaugų namai</p><p>Kaltinėnų seniūnija</p></td><td>2017 m. II ketv.</td><td>SB 86 400 Eur</td></tr>
<tr><td>2.1</td><td>2</td><td>Organizuoti užimtumo veiklas seniūnijose</td><td>Socialinės paramos skyrius</td><td>2017 m.</td><td>SB – 4 200; VB – 6 800</td></tr>
</tbody></table>
<p><sup>1</sup> SB – savivaldybės biudžetas, VB – valstybės biudžetas.</p>
</body></html>
"""

SILALE_FACTS = {
    "document": "libreoffice-silale-2017.docx",
    "invented": "Lentelių eilutės išgalvotos (tik testui); sprendimas (2017-03-30 Nr. T1-97) ir formos žyma tikri.",
    "figures": [
        ["metadata.year", 2017],
        ["metadata.approval.decision_number", "T1-97"],
        ["metadata.approval.decision_date", "2017-03-30"],
        ["analysis.provision[service=pagalba_i_namus].years.2015.recipients", 148],
        ["analysis.provision[service=pagalba_i_namus].years.2016.recipients", 156],
        ["analysis.provision[service=ilgalaike_socialine_globa].years.2015.recipients", 41],
        ["action_plan.measures[id=1.1].deadline", "2017-Q2"],
        ["action_plan.measures[id=1.1].funding.SB", "86400.00"],
        ["action_plan.measures[id=1.1].goal", "T1"],
        ["action_plan.measures[id=2.1].funding.SB", "4200.00"],
        ["action_plan.measures[id=2.1].funding.VB", "6800.00"],
        ["action_plan.measures[id=2.1].deadline", 2017],
        ["action_plan.measures[id=2.1].goal", "T2"],
    ],
    "texts": [
        ["metadata.municipality.name", "Šilalės rajono savivaldybė"],
        ["introduction.goals[id=T1].text", "Tenkinti senyvo amžiaus asmenų socialinių paslaugų poreikį."],
        ["introduction.goals[id=T2].text", "Mažinti socialinę atskirtį kaimo vietovėse."],
        ["introduction.priorities[id=P1].text", "Pagalbos į namus paslaugų plėtra kaimo vietovėse."],
        ["action_plan.measures[id=1.1].title", "Teikti pagalbą į namus kaimo vietovėse"],
        ["action_plan.measures[id=2.1].executor", "Socialinės paramos skyrius"],
        ["action_plan.measures[id=1.1].executor", "Šilalės socialinių paslaugų namai\nKaltinėnų seniūnija"],
    ],
    "traps": ["189"],
    "codes": ["W2108", "W2112", "W2130"],
    "trap_paths": [],
}

# The LibreOffice documents: name -> (HTML source, facts).
LIBREOFFICE = {
    "libreoffice-druskininkai-2021": (DRUSKININKAI_HTML, DRUSKININKAI_FACTS),
    "libreoffice-jonava-2024": (JONAVA_HTML, JONAVA_FACTS),
    "libreoffice-silale-2017": (SILALE_HTML, SILALE_FACTS),
}


def _libreoffice(html: str, target: Path) -> bool:
    """Convert the HTML source with LibreOffice; False when it is not installed."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / (target.stem + ".html")
        source.write_text(html, encoding="utf-8")
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder, str(source)],
                       check=True, capture_output=True, timeout=180)
        shutil.copyfile(Path(folder) / (target.stem + ".docx"), target)
    return True


# --- the hostile set -----------------------------------------------------------------------------


def _cfb(stream_name: str) -> bytes:
    """The start of an OLE compound file naming a stream (enough for the magic and the name to show)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HHH", 0x3E, 3, 0xFFFE)
    return header.ljust(512, b"\x00") + stream_name.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 448


def hostile() -> dict[str, bytes]:
    """Each hostile DOCX of the corpus: name -> bytes."""
    good = package(para("TELŠIŲ RAJONO SAVIVALDYBĖS 2023 METŲ SOCIALINIŲ PASLAUGŲ PLANAS", bold=True))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ("[Content_Types].xml", "_rels/.rels"):
            archive.writestr(zipfile.ZipInfo(name, _DATE), zipfile.ZipFile(io.BytesIO(good)).read(name))
        info = zipfile.ZipInfo("word/document.xml", _DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, b" " * (80 * 1024 * 1024))
    entity = good.replace(b"", b"")  # rebuilt below with a DOCTYPE in document.xml
    with zipfile.ZipFile(io.BytesIO(good)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"?>", b'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1).replace(
        b"PLANAS</w:t>", b"PLANAS &xxe;</w:t>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(parts):
            archive.writestr(zipfile.ZipInfo(name, _DATE), parts[name])
    entity = buffer.getvalue()
    return {
        "zip-bomb.docx": bomb.getvalue(),
        "external-entity.docx": entity,
        "encrypted.docx": _cfb("EncryptionInfo") + _cfb("EncryptedPackage"),
        "truncated.docx": good[: len(good) // 2],
        "doc-renamed.docx": _cfb("WordDocument"),
        "not-a-zip.docx": b"Tai ne Word dokumentas.\n",
    }


# --- writing ------------------------------------------------------------------------------------------


def outputs() -> dict[Path, bytes]:
    """Every byte-stable file of the corpus."""
    files: dict[Path, bytes] = {
        OUT / "rankinis-telsiai-2023.docx": package(
            telsiai_body(), footnotes={1: "Lėšos nurodytos tūkstančiais eurų (išnaša prie antraštės)."}),
        OUT / "rankinis-telsiai-2023.facts.json": _json(TELSIAI_FACTS),
    }
    for name, (html, facts) in LIBREOFFICE.items():
        files[OUT / f"{name}.html"] = html.encode("utf-8")
        files[OUT / f"{name}.facts.json"] = _json(facts)
    for name, data in hostile().items():
        files[OUT / "hostile" / name] = data
    files[OUT / "findings" / "radiniai-silale-2017.docx"] = package(findings_body())
    files[OUT / "findings" / "be-antrastes.docx"] = package(para("Socialinių paslaugų planas") + para("Tekstas."))
    files[OUT / "findings" / "codes.json"] = _json(FINDINGS_CODES)
    return files


def long_plan(pages: int = 40) -> bytes:
    """The generator's long document (the benchmark's 40-page plan)."""
    # about 25 rows of the landscape action plan to a page: 40 pages ~ 1,000 measures
    return package(telsiai_body(pages * 25 // 3), footnotes={1: "Lėšos nurodytos tūkstančiais eurų."})


def _json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def main(argv: list[str]) -> int:
    """Write (or with --check, compare) the corpus."""
    check = "--check" in argv
    stale = [path for path, data in outputs().items() if not path.exists() or path.read_bytes() != data]
    if check:
        for path in stale:
            print(f"{path.relative_to(ROOT)}: would change")
        return 1 if stale else 0
    for path, data in outputs().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for name, (html, _) in LIBREOFFICE.items():
        target = OUT / f"{name}.docx"
        rebuild = (OUT / f"{name}.html") in stale or not target.exists()
        if rebuild and not _libreoffice(html, target):
            print(f"LibreOffice (soffice) not found: {target.name} not rebuilt")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
