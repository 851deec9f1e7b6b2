"""`planas init`: a plans repository set up in one command, and `check`'s look at its schema copy.

What a repository gets: `.planas.yaml` (settings), `schemas/plan.schema.json`
(the schema editors validate against, a copy `planas check` keeps honest),
`.pre-commit-config.yaml` pinned to this release's tag, a GitHub workflow, a
GitLab CI snippet to include, and a README for the planners. Plans already in
the folder get the `yaml-language-server` line that points at the copy from
where each plan lies. Nothing that exists is overwritten without `force`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from planas import __version__
from planas.findings import Finding, Severity, make_params
from planas.loading.fileio import write_atomic
from planas.loading.sniff import looks_like_plan
from planas.repository.index import discover_yaml_files
from planas.schema import plan_schema_text

PROJECT_URL = "https://github.com/planas-lt/planas"
"""planas's own repository: the pre-commit hook, the Action and the docs come from there."""
SCHEMA_COPY = "schemas/plan.schema.json"
"""Where a plans repository keeps its copy of the schema (relative to its root)."""
SCHEMA_LINE = re.compile(rb"^# yaml-language-server: \$schema=.*\r?\n", re.MULTILINE)


def release_tag() -> str:
    """The git tag of this planas release (`v0.3.0`), which `rev:` and `uses:` pin."""
    return f"v{__version__}"


def _settings() -> str:
    return """\
# planas saugyklos nustatymai (docs/repository.md). Visi laukai neprivalomi.
# severity:            # taisyklės kodas (docs/rules.md): error | warning | ignore
#   W0601: error
# disabled: [W0901]    # taisyklės, kurių visai netikrinti
# jump_threshold: 0.5  # X1003: planuojamas skaičius pasikeitė daugiau nei 50 %
# baseline: .planas-baseline.json
exclude: ["archyvas/**"]
"""


def _pre_commit() -> str:
    return f"""\
# pre-commit (https://pre-commit.com): planas tikrina kiekvieną keičiamą planą prieš commit.
# Planai atpažįstami pagal turinį (metadata:, introduction: ...), ne pagal failo vardą.
repos:
  - repo: {PROJECT_URL}
    rev: {release_tag()}
    hooks:
      - id: planas-validate
"""


def _github_workflow() -> str:
    return f"""\
# planas check: every plan on every push and pull request; findings in code scanning (SARIF).
name: planai
on:
  push:
  pull_request:
permissions: {{}}
concurrency:
  group: planai-${{{{ github.ref }}}}
  cancel-in-progress: true
jobs:
  planas:
    name: planas check
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write  # upload the SARIF report to code scanning
    steps:
      - uses: actions/checkout@v6
        with:
          persist-credentials: false
      - uses: planas-lt/planas@{release_tag()}
        with:
          path: .
      - uses: github/codeql-action/upload-sarif@v4
        if: always()
        with:
          sarif_file: planas.sarif
"""


def _gitlab_snippet() -> str:
    return f"""\
# planas check for GitLab CI. In .gitlab-ci.yml:
#   include:
#     - local: ci/planas.gitlab-ci.yml
# Merge requests then show findings inline (Code Quality) and as test results (JUnit).
planas:
  image: python:3.11
  script:
    - python -m pip install --quiet "planas @ git+{PROJECT_URL}@{release_tag()}"
    - planas check . --report codequality:gl-code-quality-report.json --report junit:planas-junit.xml --report md:planas.md
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
      junit: planas-junit.xml
    paths: [planas.md]
"""


def _readme() -> str:
    return f"""\
# Socialinių paslaugų planai

Šioje saugykloje – savivaldybės socialinių paslaugų planai, po vieną YAML failą
kiekvieniems metams (pvz., `birstonas/2025.yaml`). Juos tikrina
[planas]({PROJECT_URL}) {__version__}.

## Kaip pradėti naujų metų planą

```
planas new 2026 --from birstonas/2025.yaml
```

## Kaip patikrinti

```
planas validate birstonas/2026.yaml   # vienas planas: klaidos su eilute ir stulpeliu
planas check                          # visi planai, metų seka ir užpildymas
planas render birstonas/2026.yaml     # Word dokumentas tarybai
```

## Redaktorius

`{SCHEMA_COPY}` – plano schema: VS Code (YAML plėtinys) pagal ją siūlo laukus ir
rodo klaidas. Plano pirmoje eilutėje nurodykite kelią iki jos, pvz. faile
`birstonas/2026.yaml`:

```
# yaml-language-server: $schema=../{SCHEMA_COPY}
```

Atnaujinus planas, atnaujinkite ir schemą: `planas schema -o {SCHEMA_COPY}`
(`planas check` įspėja, kai kopija pasenusi).

## Prieš commit ir CI

- `pre-commit install` – kiekvienas keičiamas planas patikrinamas prieš commit.
- GitHub: `.github/workflows/planai.yml` tikrina kiekvieną push ir pull request.
- GitLab: įtraukite `ci/planas.gitlab-ci.yml` į `.gitlab-ci.yml`.
"""


FILES: dict[str, tuple[str, ...]] = {
    ".planas.yaml": ("settings",),
    SCHEMA_COPY: ("schema",),
    ".pre-commit-config.yaml": ("pre-commit",),
    ".github/workflows/planai.yml": ("github",),
    "ci/planas.gitlab-ci.yml": ("gitlab",),
    "README.md": ("readme",),
}
"""Every file `init` writes, relative to the repository root, in the order it writes them."""

_CONTENT = {
    "settings": _settings,
    "schema": plan_schema_text,
    "pre-commit": _pre_commit,
    "github": _github_workflow,
    "gitlab": _gitlab_snippet,
    "readme": _readme,
}


@dataclass(frozen=True)
class InitResult:
    """What `init` did: files written, files left as they were, plans given the schema line."""

    root: Path
    created: tuple[str, ...]
    kept: tuple[str, ...]
    linked: tuple[str, ...]


def schema_line(plan: Path, root: Path) -> str:
    """The `yaml-language-server` line of a plan at `plan`, pointing at the repository's schema copy."""
    relative = os.path.relpath(root / SCHEMA_COPY, plan.parent)
    return f"# yaml-language-server: $schema={Path(relative).as_posix()}\n"


def link_schema(plan: Path, root: Path) -> bool:
    """Give a plan the schema line for where it lies (replacing another one); True when it changed."""
    raw = plan.read_bytes()
    line = schema_line(plan, root).encode("utf-8")
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    body = raw.removeprefix(bom)
    match = SCHEMA_LINE.search(body)
    if match is not None and match.group().rstrip(b"\r\n") == line.rstrip(b"\n"):
        return False
    updated = SCHEMA_LINE.sub(lambda _: line, body, count=1) if match else line + body
    write_atomic(plan, bom + updated)
    return True


def init_repository(root: Path, *, force: bool = False) -> InitResult:
    """Set up `root` as a plans repository (see the module docstring)."""
    created, kept = [], []
    for name, (kind,) in FILES.items():
        target = root / name
        if target.exists() and not force:
            kept.append(name)
            continue
        write_atomic(target, _CONTENT[kind]().encode("utf-8"))
        created.append(name)
    linked = [path.relative_to(root).as_posix() for path in discover_yaml_files(root)
              if looks_like_plan(path.read_bytes()) and link_schema(path, root)]
    return InitResult(root, tuple(created), tuple(kept), tuple(linked))


def schema_copy_findings(root: Path) -> tuple[Finding, ...]:
    """W1601 when the repository's schema copy (made by `init`) is not this planas's schema."""
    copy = root / SCHEMA_COPY
    try:
        text = copy.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ()
    from planas.repository.localref import reference_for

    if text == plan_schema_text(reference_for(root)):  # with the repository's local codes
        return ()
    params = make_params({"file": SCHEMA_COPY, "version": __version__})
    return (Finding(str(copy), 1, 1, "W1601", Severity.WARNING, "", params),)
