"""`planas import`: a municipality's own Word plan -> a YAML draft (`status: projektas`).

Layers, bottom up: `safety` opens the zip within limits; `reader` turns the
XML into what a person sees (`document`); `sections` and `tables` recognise
the form's parts and the tables' meaning with the vocabulary of
`planas.reference.import_vocabulary`; `values` reads numbers, dates and
deadlines as Lithuanians type them; `build` assembles the plan's data with
provenance; `yamlout` writes it with comments. Never imports the CLI or the
renderers (import-linter).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planas.findings import Finding

if TYPE_CHECKING:
    from planas.importing.findings import ImportFinding
    from planas.importing.reader import TrackChanges
    from planas.reference import Reference


@dataclass(frozen=True)
class ImportResult:
    """A draft's text (None when none could be made), the import's findings, and the draft's validation."""

    name: str
    text: str | None
    findings: tuple[ImportFinding, ...]
    validation: tuple[Finding, ...]
    sha256: str

    @property
    def errors(self) -> int:
        """Errors of the import and of the draft's validation."""
        from planas.findings import Severity

        return sum(f.severity is Severity.ERROR for f in self.findings) + \
            sum(f.severity is Severity.ERROR for f in self.validation)

    @property
    def warnings(self) -> int:
        """Warnings of the import and of the draft's validation."""
        from planas.findings import Severity

        return sum(f.severity is Severity.WARNING and f.acknowledged is None for f in self.validation) + \
            sum(f.severity is Severity.WARNING for f in self.findings)


def import_docx(path: Path, reference: Reference, track_changes: TrackChanges = "accept",
                display_name: str | None = None, output_name: str = "plan.yaml") -> ImportResult:
    """Read a Word plan and build its YAML draft; the draft is validated as `planas validate` would.

    Raises `planas.importing.safety.DocxUnreadable` when the file cannot be read (exit 2).
    """
    from planas.importing.build import build_plan
    from planas.importing.reader import read_document
    from planas.importing.safety import open_docx
    from planas.importing.yamlout import draft_text
    from planas.reference.import_vocabulary import load_import_vocabulary
    from planas.validation import validate_bytes

    package = open_docx(path, display_name)
    document = read_document(package, track_changes)
    shown_as = document.name  # the path as typed: what the report says
    document.name = path.name  # provenance in the draft: the document's name, never a folder of this machine
    ctx = build_plan(document, reference, load_import_vocabulary())
    if document.revisions.any:
        ctx.draft.comment(("metadata", "status"), f"dokumente buvo sekamų pakeitimų: importuota "
                                                  f"{'juos priėmus' if track_changes == 'accept' else 'juos atmetus'}")
    header = [
        f"Projektas importuotas iš Word dokumento {document.name} (planas import).",
        f"Dokumento SHA-256: {document.sha256}",
        "Patikrinkite pažymėtas vietas (komentarai) ir importavimo radinius; `planas validate` prieš tvirtinant.",
    ]
    text = draft_text(ctx.draft, header)
    findings = ctx.findings.sorted()
    validation = validate_bytes(text.encode("utf-8"), output_name, reference).findings
    return ImportResult(shown_as, text, findings, validation, document.sha256)
