"""Mutated Word documents through `planas import`: zip structure, XML, relationships, numbering.

Seeds are the import corpus (`tests/data/import/*.docx`) and every example
(`examples/*/plan.yaml`) rendered to Word by planas. Mutant `i` of seed
`S` is the same everywhere (its own `random.Random("planas-fuzz-docx/S/i")`).
The oracle is the import's contract: exit 0, 1 or 2 within the time limit; no
exception, traceback or internal error; after exit 1 or 2 no file written;
after exit 0 exactly the draft, which the plan's own loader reads and whose
status is `projektas`; a JSON report that parses.

    python -m fuzz --docx 5000 --seed 1     # part of `make fuzz`
"""

from __future__ import annotations

import functools
import io
import json
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fuzz.runner import ROOT, Case, Observation, run_case

CORPUS = sorted((ROOT / "tests" / "data" / "import").glob("*.docx"))
EXAMPLES = sorted((ROOT / "examples").glob("*/plan.yaml"))
_DATE = (2024, 1, 1, 0, 0, 0)
_OUT = "out/plan.yaml"


def _parts(raw: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, _DATE), data)
    return buffer.getvalue()


def _flip_bytes(rng: random.Random, data: bytes) -> bytes:
    mutable = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if mutable:
            mutable[rng.randrange(len(mutable))] = rng.randrange(256)
    return bytes(mutable)


def _cut_element(rng: random.Random, data: bytes) -> bytes:
    """Drop a span between two tags (elements lost, XML possibly broken)."""
    starts = [i for i in range(len(data)) if data[i:i + 1] == b"<"]
    if len(starts) < 3:
        return data
    a, b = sorted(rng.sample(starts, 2))
    return data[:a] + data[b:]


_INSERTS = (
    b'<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>',
    (b'<w:tr><w:trPr><w:gridBefore w:val="999999"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="-3"/>'
     b'<w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>'),
    b'<w:p><w:pPr><w:numPr><w:ilvl w:val="77"/><w:numId w:val="abc"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>',
    (b'<w:sdt><w:sdtContent><w:sdt><w:sdtContent><w:p><w:r><w:t>y</w:t></w:r></w:p></w:sdtContent></w:sdt>'
     b'</w:sdtContent></w:sdt>'),
    b'<w:p><w:r><w:footnoteReference w:id="424242"/><w:commentReference w:id="-1"/></w:r></w:p>',
    b'<w:p><w:ins w:id="1"><w:del w:id="2"><w:r><w:delText>z</w:delText></w:r></w:del></w:ins></w:p>',
    b"<w:tbl>" * 200 + b"<w:tr><w:tc><w:p/></w:tc></w:tr>" + b"</w:tbl>" * 200,
)


def _insert(rng: random.Random, data: bytes) -> bytes:
    marker = b"<w:body>"
    at = data.find(marker)
    if at < 0:
        return data
    at += len(marker)
    return data[:at] + rng.choice(_INSERTS) + data[at:]


def _numbering(rng: random.Random, data: bytes) -> bytes:
    """Numbering with odd starts, formats, overrides and style links."""
    choices = (b'w:val="1"', b'w:val="-5"', b'w:val="upperRoman"', b'w:val="%9.%8.%1"', b'w:val="bullet"')
    out = data
    for old in (b'w:val="1"', b'w:val="decimal"', b'w:val="%1."', b'w:val="0"'):
        if old in out and rng.random() < 0.6:
            out = out.replace(old, rng.choice(choices), 1)
    if rng.random() < 0.3:
        out = out.replace(b"</w:numbering>", b'<w:abstractNum w:abstractNumId="9"><w:numStyleLink w:val="Skirsnis"/>'
                          b'</w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="9"/></w:num></w:numbering>')
    return out


def _relationships(rng: random.Random, data: bytes) -> bytes:
    targets = (b'Target="../../../etc/passwd"', b'Target="http://example.invalid/x.xml" TargetMode="External"',
               b'Target="missing.xml"', b'Target="document.xml"', b'Target=""')
    return data.replace(b'Target="', rng.choice(targets)[:-1] + b'"x', 1) if rng.random() < 0.3 else \
        data.replace(b'Target="styles.xml"', rng.choice(targets), 1)


def _mutate_parts(rng: random.Random, parts: dict[str, bytes]) -> dict[str, bytes]:
    names = sorted(parts)
    operator = rng.randrange(9)
    if operator == 0 and names:
        del parts[rng.choice(names)]
    elif operator == 1:
        parts["word/document.xml"] = _flip_bytes(rng, parts.get("word/document.xml", b""))
    elif operator == 2:
        parts["word/document.xml"] = _cut_element(rng, parts.get("word/document.xml", b""))
    elif operator == 3:
        parts["word/document.xml"] = _insert(rng, parts.get("word/document.xml", b""))
    elif operator == 4 and "word/numbering.xml" in parts:
        parts["word/numbering.xml"] = _numbering(rng, parts["word/numbering.xml"])
    elif operator == 5:
        rels = [n for n in names if n.endswith(".rels")]
        if rels:
            name = rng.choice(rels)
            parts[name] = _relationships(rng, parts[name])
    elif operator == 6:
        parts[f"word/extra{rng.randrange(99)}.xml"] = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>'
    elif operator == 7 and names:
        name = rng.choice(names)
        parts[name] = _flip_bytes(rng, parts[name])
    else:
        parts["word/document.xml"] = parts.get("word/document.xml", b"").replace(b"<w:t", b"<w:t xml:space='x'", 3)
    return parts


Render = Callable[[Path], bytes]
"""An example's Word document (`planas render --format docx`'s bytes): the tests pass one that has them already."""


def render_docx(example: Path) -> bytes:
    """An example rendered by `planas render --format docx` (in process, as the command does)."""
    from planas.render import render_plan
    from planas.repository.localref import reference_for
    from planas.validation import validate_file

    reference = reference_for(example)
    result = validate_file(example, reference)
    if result.plan is None:
        raise ValueError(f"{example.parent.name}: the example does not validate")
    return render_plan(result.plan, reference, "docx", None, criteria=result.criteria)


@functools.cache
def seeds(render: Render = render_docx) -> tuple[tuple[str, bytes], ...]:
    """The seed documents (name, bytes): the import corpus, then every example's rendered document."""
    return (*((p.name, p.read_bytes()) for p in CORPUS), *((f"{e.parent.name}.docx", render(e)) for e in EXAMPLES))


def make_docx_mutant(seed: int, index: int, render: Render = render_docx) -> tuple[str, bytes]:
    """Mutant `index` of campaign `seed`: the seed document's name and the mutated bytes."""
    rng = random.Random(f"planas-fuzz-docx/{seed}/{index}")
    pool = seeds(render)
    name, raw = pool[index % len(pool)]
    if rng.random() < 0.15:  # damage the zip itself
        return name, (raw[: rng.randrange(len(raw))] if rng.random() < 0.5 else _flip_bytes(rng, raw))
    try:
        parts = _parts(raw)
    except zipfile.BadZipFile:
        return name, raw  # a hostile seed as it is
    for _ in range(rng.randint(1, 3)):
        parts = _mutate_parts(rng, parts)
    return name, _zip(parts)


@dataclass
class DocxSummary:
    """Runs, exits and violations of a DOCX campaign."""

    runs: int = 0
    exits: dict[int, int] = field(default_factory=dict)
    violations: list[str] = field(default_factory=list)

    def text(self) -> str:
        """One line of figures, then each violation."""
        exits = ", ".join(f"exit {code}: {count}" for code, count in sorted(self.exits.items()))
        return "\n".join([f"import (docx): {self.runs} mutants; {exits}; {len(self.violations)} violations",
                          *self.violations])


def _readable_draft(data: bytes) -> str | None:
    from planas.loading.positional import LoadProblem, decode_plan_bytes, load_plan_text

    try:
        document = load_plan_text(decode_plan_bytes(data), "plan.yaml").data
    except LoadProblem as problem:
        return f"draft unreadable: {problem}"
    metadata = document.get("metadata") if isinstance(document, dict) else None
    status = metadata.get("status") if isinstance(metadata, dict) else None
    return None if status == "projektas" else f"draft status {status!r}"


def judge(seen: Observation) -> str | None:
    """The contract's first violation, or None."""
    if seen.exception is not None or seen.timed_out:
        return "exception" if seen.exception else "timeout"
    if seen.exit_code not in (0, 1, 2):
        return f"exit {seen.exit_code}"
    if "Traceback" in seen.stderr + seen.stdout or "internal error" in seen.stderr:
        return "internal error"
    written = sorted(seen.files)
    if seen.exit_code != 0:
        return f"files after exit {seen.exit_code}: {written}" if written else None
    if written != [_OUT]:
        return f"files after exit 0: {written}"
    if seen.stdout.strip():
        try:
            json.loads(seen.stdout[: seen.stdout.rindex("}") + 1])
        except ValueError:
            return "JSON report unreadable"
    return _readable_draft(seen.files[_OUT])


def run_docx_campaign(seed: int, mutants: int, on_mutant: Callable[[int], None] | None = None,
                      render: Render = render_docx) -> DocxSummary:
    """Run `mutants` mutated DOCX files through `planas import -f json`."""
    summary = DocxSummary()
    for index in range(mutants):
        name, raw = make_docx_mutant(seed, index, render)
        case = Case("import", ["import", "plan.docx", "-o", _OUT, "-f", "json"], {"plan.docx": raw},
                    {_OUT: "yaml"}, plan_file="plan.docx")
        seen = run_case(case)
        summary.runs += 1
        code = seen.exit_code if seen.exit_code is not None else -1
        summary.exits[code] = summary.exits.get(code, 0) + 1
        problem = judge(seen)
        if problem is not None:
            summary.violations.append(f"mutant {index} of {name} (seed {seed}): {problem}")
        if on_mutant is not None:
            on_mutant(index)
    return summary


def write_mutant(seed: int, index: int, target: Path) -> None:
    """Write one mutant to a file (to reproduce a violation by hand)."""
    target.write_bytes(make_docx_mutant(seed, index)[1])
