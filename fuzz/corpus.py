"""Reproducers: a minimised mutant as a plan file with a small header comment, and back.

Header lines (`# key: value`) name the command to run and the expected outcome;
tests/test_fuzz_corpus.py runs every file through the real command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fuzz.mutators import Mutant
from fuzz.runner import Case, build_case

PREFIX = b"# fuzz-"
CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "fuzz"


@dataclass(frozen=True)
class Reproducer:
    """One corpus case."""

    name: str
    command: str
    expect: int
    seed: str
    variant: int
    body: bytes
    settings: bool = False
    retyped: tuple[str, ...] = ()

    def case(self) -> Case:
        """The case this reproducer runs (the header stays in the file: it is a comment)."""
        from fuzz.seeds import seeds

        data = encode(self)
        if self.settings:
            seed = next(s for s in seeds() if s.name == self.seed)
            mutant = Mutant(self.seed, (), seed.text.encode("utf-8"), data, ())
        else:
            mutant = Mutant(self.seed, (), data, None, self.retyped)
        return build_case(mutant, self.command, self.variant)


def encode(reproducer: Reproducer) -> bytes:
    """The file's bytes: header lines, then the body as found."""
    lines = [
        f"command: {reproducer.command}",
        f"expect: {reproducer.expect}",
        f"seed: {reproducer.seed}",
        f"variant: {reproducer.variant}",
    ]
    if reproducer.settings:
        lines.append("settings: true")
    lines += [f"retyped: {path}" for path in reproducer.retyped]
    header = "".join(f"# fuzz-{line}\n" for line in lines).encode("utf-8")
    return header + reproducer.body


def decode(path: Path) -> Reproducer:
    """Read a reproducer file."""
    data = path.read_bytes()
    fields: dict[str, list[str]] = {}
    rest = data
    while rest.startswith(PREFIX):
        line, _, rest = rest.partition(b"\n")
        key, _, value = line[len(PREFIX):].decode("utf-8").partition(": ")
        fields.setdefault(key, []).append(value.strip())
    return Reproducer(
        name=path.name,
        command=fields["command"][0],
        expect=int(fields["expect"][0]),
        seed=fields["seed"][0],
        variant=int(fields.get("variant", ["0"])[0]),
        body=rest,
        settings=fields.get("settings", ["false"])[0] == "true",
        retyped=tuple(fields.get("retyped", [])),
    )


def corpus_files(directory: Path = CORPUS) -> list[Path]:
    """Every reproducer, sorted."""
    return sorted(p for p in directory.glob("*.yaml") if p.is_file())
