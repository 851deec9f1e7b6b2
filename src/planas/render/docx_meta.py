"""The Word document's metadata: language, core and custom properties, the table of contents field.

Language lt-LT goes on the document defaults and on every style, so spell-check
and screen readers read Lithuanian. Core properties name the plan and the
municipality; where the document comes from (planas and reference-data
versions, regime, a hash of the plan's data) goes into custom properties,
never into the text. Nothing of python-docx's own template survives.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from planas.render.docx_blocks import has_style
from planas.render.viewmodel import DocumentProperties, PlanView

LANGUAGE = "lt-LT"
_CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_APP_CT = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
# rPr children that come before w:lang in the schema's order (CT_RPr).
_BEFORE_LANG = {"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
                "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
                "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
                "vertAlign", "rtl", "cs", "em"}


def _set_lang(rpr: Any) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        following = [c for c in rpr if c.tag.split("}")[1] not in _BEFORE_LANG]
        if following:
            following[0].addprevious(lang)
        else:
            rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), LANGUAGE)


def set_language(document: Any) -> None:
    """lt-LT on the document defaults and on every paragraph and character style."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_lang(rpr)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character", "table"):
            _set_lang(style.get_or_add_rPr())
    settings = document.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), LANGUAGE)


PROPERTY_LIMIT = 255
"""Characters a Word document property holds (python-docx refuses more); the body keeps the whole text."""


def _fit(text: str) -> str:
    """A property value cut to what Word allows, marked with an ellipsis when cut."""
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1].rstrip() + "…"


def set_core_properties(document: Any, props: DocumentProperties) -> None:
    """Title, subject, author (the municipality), keywords and dates from the plan; no leftovers."""
    core = document.core_properties
    core.title = _fit(props.title)
    core.author = _fit(props.author)
    core.subject = _fit(props.subject)
    core.keywords = _fit(props.keywords)
    core.created = props.created
    core.modified = props.created
    core.last_modified_by = _fit(props.author)
    core.revision = 1
    core.language = LANGUAGE
    core.comments = ""
    core.category = "Socialinių paslaugų planas"


def _xml_part(document: Any, uri: str, content_type: str, reltype: str, blob: bytes) -> None:
    """Replace (or add) a package-level part such as docProps/app.xml."""
    package = document.part.package
    for rel in list(package.rels.values()):
        if rel.reltype == reltype:
            package.rels.pop(rel.rId)
    part = Part(PackURI(uri), content_type, blob, package)
    package.relate_to(part, reltype)


def set_extended_properties(document: Any) -> None:
    """docProps/app.xml without the template's "Microsoft Macintosh Word" and stale page counts."""
    blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="{_APP_NS}">'
            "<Application>planas</Application><DocSecurity>0</DocSecurity></Properties>").encode()
    _xml_part(document, "/docProps/app.xml", _APP_CT, RELATIONSHIP_TYPE.EXTENDED_PROPERTIES, blob)


def set_custom_properties(document: Any, custom: tuple[tuple[str, str], ...]) -> None:
    """docProps/custom.xml: where the document comes from, as named text properties."""
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(custom, 2)
    )
    blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">{items}</Properties>').encode()
    _xml_part(document, "/docProps/custom.xml", _CUSTOM_CT, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES, blob)


def _field_run(paragraph: Paragraph, kind: str, text: str = "") -> None:
    run = OxmlElement("w:r")
    if kind == "instr":
        instr = OxmlElement("w:instrText")
        instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        instr.text = text
        run.append(instr)
    else:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            char.set(qn("w:dirty"), "true")
        run.append(char)
    paragraph._p.append(run)


def table_of_contents(document: Any, anchor: Paragraph, view: PlanView) -> None:
    """A TOC field (Word fills in the page numbers when the document opens) with the headings as its text.

    The field's current text lists the chapters and sections, so a reader that
    does not update fields (LibreOffice's PDF export) still shows the contents.
    """
    heading = anchor.insert_paragraph_before("Turinys", style=document.styles["Plano antraštė"]
                                             if has_style(document, "Plano antraštė") else None)
    heading.paragraph_format.page_break_before = False
    entries: list[tuple[int, str]] = []
    for chapter in view.chapters:
        entries.append((1, chapter.heading))
        entries += [(section.level, section.heading) for section in chapter.sections if section.heading]
    for index, (level, text) in enumerate(entries):
        style = f"toc {level}"
        paragraph = anchor.insert_paragraph_before(
            style=document.styles[style] if has_style(document, style) else None)
        if index == 0:
            _field_run(paragraph, "begin")
            _field_run(paragraph, "instr", r' TOC \o "1-3" \h \z \u ')
            _field_run(paragraph, "separate")
        paragraph.add_run(text)
        if index == len(entries) - 1:
            _field_run(paragraph, "end")
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        later = [c for c in settings if c.tag.split("}")[1] in _AFTER_UPDATE_FIELDS]
        if later:
            later[0].addprevious(update)
        else:
            settings.append(update)


# CT_Settings children that follow w:updateFields in the schema's order.
_AFTER_UPDATE_FIELDS = {"hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
                        "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
                        "listSeparator"}
