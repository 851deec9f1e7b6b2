"""`planas site`: build the static site of a plans repository, in a temporary folder, swapped in whole.

One task per municipality (its plans read once by the repository index,
validated once, in worker processes): each valid plan's page and its tables as
CSV, the municipality's year-over-year page (`planas.years.diff`), and the
values of its latest plan's criteria for the national comparison. Then the
index (municipalities x years, Lithuanian order) and one page per criterion.

A plan with errors gets no page; the index marks it with its findings, and the
build's result says so (the command exits 1). When the new site is byte for
byte the old one, nothing is written at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from planas.findings import Finding
from planas.i18n import collation_key
from planas.site.criteria import CriterionValueRow, criterion_pages, latest_values
from planas.site.municipality import PlanYear, municipality_page
from planas.site.pages import SiteTable, link, site_page, table_block
from planas.site.statement import STATEMENT, STATEMENT_FILE

DOCUMENTS_MANIFEST = "dokumentai.sha256"


@dataclass(frozen=True)
class PlanEntry:
    """One plan of the index: where its page is, or the findings that kept it from having one."""

    municipality: str
    year: int
    file: str
    page: str = ""
    errors: tuple[str, ...] = ()


@dataclass
class MunicipalityResult:
    """What one worker task gives back: the files it made and what the index and criteria pages need."""

    name: str
    slug: str
    entries: list[PlanEntry] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    criteria: list[CriterionValueRow] = field(default_factory=list)
    document_hashes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SiteResult:
    """The outcome of a build: what was found, whether anything was written."""

    plans: int
    pages: int
    failed: tuple[PlanEntry, ...]
    written: bool
    files: int


def slug(name: str) -> str:
    """A municipality's name as a folder name: `Birštono savivaldybė` -> `birstono-savivaldybe`."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in plain).split()) or "savivaldybe"


def _finding_line(finding: Finding) -> str:
    from planas.validation.registry import message

    where = f"{finding.file}:{finding.line}:{finding.column}" if finding.line else finding.file
    return f"{where}: {finding.code} {message(finding, 'lt')}"


def _build_municipality(root: str, plans: list[tuple[str, bytes, int]], name: str, documents: bool,
                        old_documents: dict[str, str]) -> MunicipalityResult:
    """A worker task: every plan of one municipality, its pages, CSV files and criteria values."""
    from planas.repository.localref import reference_for
    from planas.site.plan_page import plan_files
    from planas.validation import validate_bytes

    result = MunicipalityResult(name=name, slug=slug(name))
    years: list[PlanYear] = []
    seen: set[int] = set()
    for path, raw, year in sorted(plans, key=lambda p: (p[2], p[0])):
        label = os.path.relpath(path, root)
        reference = reference_for(Path(path))
        checked = validate_bytes(raw, label, reference)
        if year in seen:
            result.entries.append(PlanEntry(name, year, label, errors=(
                f"{label}: tų pačių metų planas jau yra; puslapis neparengtas",)))
            continue
        if checked.errors or checked.plan is None:
            errors = tuple(_finding_line(f) for f in checked.findings if f.severity == "error")
            result.entries.append(PlanEntry(name, year, label, errors=errors or ("plano nepavyko perskaityti",)))
            continue
        seen.add(year)
        page = f"{result.slug}/{year}.html"
        digest = hashlib.sha256(raw).hexdigest()
        result.files.update(plan_files(checked.plan, reference, checked.criteria, result.slug, year,
                                       digest if documents else None, old_documents.get(f"{result.slug}/{year}")))
        if documents:
            result.document_hashes[f"{result.slug}/{year}"] = digest
        result.entries.append(PlanEntry(name, year, label, page=page))
        years.append(PlanYear(year, checked.plan, checked.criteria, reference, page))
    if years:
        result.files.update(municipality_page(name, result.slug, years))
        latest = years[-1]
        result.criteria = latest_values(name, result.slug, latest)
    return result


def _index_page(results: list[MunicipalityResult], years: list[int]) -> dict[str, bytes]:
    header = ("Savivaldybė", *(f"{y}\u00a0m." for y in years))
    rows, links, csv_rows = [], [], []
    failed: list[PlanEntry] = []
    for result in results:
        by_year: dict[int, PlanEntry] = {}
        for listed in result.entries:  # a year's page wins over a second plan of that year
            if listed.year not in by_year or (listed.page and not by_year[listed.year].page):
                by_year[listed.year] = listed
        row, hrefs, csv_row = [result.name], [f"{result.slug}/index.html" if any(e.page for e in result.entries)
                                              else ""], [result.name]
        for year in years:
            entry = by_year.get(year)
            if entry is None:
                row.append("–")
                hrefs.append("")
                csv_row.append("")
            elif entry.page:
                row.append("planas")
                hrefs.append(entry.page)
                csv_row.append(entry.page)
            else:
                row.append("klaidų – puslapis neparengtas")
                hrefs.append(f"#klaidos-{result.slug}-{year}")
                csv_row.append("klaidos")
                failed.append(entry)
        failed += [e for e in result.entries if e.errors and by_year.get(e.year) is not e]
        rows.append(tuple(row))
        links.append(tuple(hrefs))
        csv_rows.append(tuple(csv_row))
    table = SiteTable(caption="Savivaldybių socialinių paslaugų planai pagal metus", header=header,
                      rows=tuple(rows), numeric=(False, *([False] * len(years))), csv_name="planai.csv",
                      csv_rows=tuple(csv_rows), links=tuple(links))
    from planas.render.html_blocks import TableCounter

    body = [table_block(table, TableCounter())]
    if failed:
        body.append('<section aria-labelledby="klaidos-antraste">\n<h2 id="klaidos-antraste">'
                    "Planai su klaidomis (puslapiai neparengti)</h2>")
        given: set[str] = set()
        for entry in failed:
            items = "".join(f"<li>{_escape(line)}</li>" for line in entry.errors)
            ident = f"klaidos-{slug(entry.municipality)}-{entry.year}"
            ident = f"{ident}-{len(given)}" if ident in given else ident  # a second plan of that year
            given.add(ident)
            body.append(f'<h3 id="{ident}">'
                        f"{_escape(entry.municipality)}, {entry.year} m. ({_escape(entry.file)})</h3>\n"
                        f'<ul class="klaida">{items}</ul>')
        body.append("</section>")
    body.append(f"<p>{link('kriterijai/index.html', 'Efektyvumo kriterijai: savivaldybių palyginimas')}</p>")
    from planas.site.csvfile import table_csv

    return {"index.html": site_page("Socialinių paslaugų planai", body, home=None).encode("utf-8"),
            "planai.csv": table_csv(header, csv_rows, convert=False)}


def _escape(value: str) -> str:
    from planas.render.html_blocks import text

    return text(value)


_PARALLEL_FROM = 64
"""From how many plan files their identities are worked out in the workers (fewer: starting them costs more)."""


def _group(root: Path, pool: ProcessPoolExecutor | None) -> dict[str, list[tuple[str, bytes, int]]]:
    from planas.repository.index import RepositoryIndex

    def identify(task: Callable[[tuple[bytes, str]], tuple[str, int] | None],
                 items: Iterable[tuple[bytes, str]]) -> Iterator[tuple[str, int] | None]:
        # a national repository's plans are parsed for their identity in the workers too, not one by one here
        listed = list(items)
        if pool is None or len(listed) < _PARALLEL_FROM:
            return map(task, listed)
        return pool.map(task, listed, chunksize=16)

    index = RepositoryIndex.build(root, identify)
    groups: dict[str, list[tuple[str, bytes, int]]] = {}
    for plan in index.plans:
        name = " ".join(plan.municipality.split())
        groups.setdefault(name, []).append((str(plan.path), plan.raw, plan.year))
    return groups


def _old_documents(out: Path) -> dict[str, str]:
    """The content hashes the previous site's documents were made from (`--documents`)."""
    manifest = out / DOCUMENTS_MANIFEST
    if not manifest.is_file():
        return {}
    found = {}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        digest, _, key = line.partition("  ")
        if digest and key and (out / f"{key}.docx").is_file():
            found[key] = digest
    return found


def _run_tasks(root: Path, groups: dict[str, list[tuple[str, bytes, int]]], documents: bool,
               old: dict[str, str], pool: ProcessPoolExecutor | None) -> list[MunicipalityResult]:
    names = sorted(groups, key=collation_key)
    if pool is None or len(names) <= 1:
        return [_build_municipality(str(root), groups[n], n, documents, old) for n in names]
    futures = [pool.submit(_build_municipality, str(root), groups[n], n, documents, old) for n in names]
    return [f.result() for f in futures]


def _same_tree(files: dict[str, bytes], out: Path) -> bool:
    """Whether the folder holds exactly these files with exactly these bytes."""
    if not out.is_dir():
        return False
    present = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    if present != set(files):
        return False
    return all((out / name).read_bytes() == data for name, data in files.items())


def _swap_in(files: dict[str, bytes], out: Path) -> None:
    """Write the site into a temporary folder beside `out`, then put it in place whole."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        for name, data in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if not data and name.endswith((".docx", ".pdf")) and (out / name).is_file():
                shutil.copy2(out / name, target)  # unchanged plan: the previous document is kept
            else:
                target.write_bytes(data)
        if out.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
            out.rename(retired / out.name)
            staging.rename(out)
            shutil.rmtree(retired)
        else:
            staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def build_site(root: Path, out: Path, *, documents: bool = False, workers: int | None = None) -> SiteResult:
    """Build the site of the repository at `root` into `out` (nothing written when nothing changed)."""
    count = workers if workers is not None else (os.cpu_count() or 1)
    with contextlib.ExitStack() as stack:
        pool = stack.enter_context(ProcessPoolExecutor(max_workers=count)) if count > 1 else None
        groups = _group(root, pool)
        old = _old_documents(out) if documents else {}
        results = _run_tasks(root, groups, documents, old, pool)
    files: dict[str, bytes] = {}
    for result in results:
        files.update(result.files)
    years = sorted({e.year for r in results for e in r.entries})
    files.update(_index_page(results, years))
    files.update(criterion_pages([row for r in results for row in r.criteria]))
    files[STATEMENT_FILE] = STATEMENT.encode("utf-8")
    if documents:
        hashes = {k: v for r in results for k, v in r.document_hashes.items()}
        files[DOCUMENTS_MANIFEST] = "".join(f"{v}  {k}\n" for k, v in sorted(hashes.items())).encode("utf-8")
    entries = [e for r in results for e in r.entries]
    failed = tuple(e for e in entries if e.errors)
    unchanged = _unchanged(files, out)
    if not unchanged:
        _swap_in(files, out)
    return SiteResult(plans=len(entries), pages=sum(1 for e in entries if e.page), failed=failed,
                      written=not unchanged, files=len(files))


def _unchanged(files: dict[str, bytes], out: Path) -> bool:
    """Whether the built site is the one already there (reused documents count as the same)."""
    resolved = {}
    for name, data in files.items():
        if not data and name.endswith((".docx", ".pdf")) and (out / name).is_file():
            resolved[name] = (out / name).read_bytes()
        else:
            resolved[name] = data
    return _same_tree(resolved, out)

