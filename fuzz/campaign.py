"""A campaign: mutants spread over worker processes, violations grouped, minimised and kept."""

from __future__ import annotations

import hashlib
import multiprocessing
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fuzz.corpus import Reproducer, encode
from fuzz.mutators import Mutant, make_mutant
from fuzz.oracles import Violation, violations
from fuzz.runner import COMMANDS, build_case, run_case


@dataclass(frozen=True)
class Task:
    """Mutant `index` of campaign `seed`, run under `command`."""

    seed: int
    index: int
    command: str


@dataclass(frozen=True)
class Outcome:
    """What one task gave: the exit code and the violations."""

    task: Task
    operators: tuple[str, ...]
    exit_code: int | None
    seconds: float
    violations: tuple[Violation, ...]


def run_task(task: Task) -> Outcome:
    """Generate and run one mutant (in a worker process or in this one)."""
    mutant = make_mutant(task.seed, task.index, task.command)
    case = build_case(mutant, task.command, task.index)
    seen = run_case(case)
    return Outcome(task, mutant.operators, seen.exit_code, seen.seconds, tuple(violations(case, seen)))


@dataclass
class Summary:
    """A campaign's figures."""

    seed: int
    runs: Counter[str] = field(default_factory=Counter)
    exits: dict[str, Counter[int | None]] = field(default_factory=lambda: defaultdict(Counter))
    violations: Counter[str] = field(default_factory=Counter)
    groups: dict[tuple[str, str, str], list[Outcome]] = field(default_factory=lambda: defaultdict(list))
    seconds: float = 0.0

    @property
    def total_violations(self) -> int:
        """Violations over all commands."""
        return sum(self.violations.values())

    def add(self, outcome: Outcome) -> None:
        """Count one outcome in."""
        command = outcome.task.command
        self.runs[command] += 1
        self.exits[command][outcome.exit_code] += 1
        self.violations[command] += len(outcome.violations)
        for violation in outcome.violations:
            self.groups[(command, violation.kind, violation.signature)].append(outcome)

    def text(self) -> str:
        """The closing table."""
        lines = [f"planas fuzz: seed {self.seed}, {sum(self.runs.values())} mutants, {self.seconds:.1f} s"]
        for command in sorted(self.runs, key=COMMANDS.index):
            exits = ", ".join(f"exit {k}: {v}" for k, v in sorted(self.exits[command].items(), key=str))
            lines.append(f"  {command:12} {self.runs[command]:6} mutants  {self.violations[command]:4} violations"
                         f"  ({exits})")
        for (command, kind, signature), outcomes in sorted(self.groups.items()):
            first = outcomes[0]
            lines.append(f"  ! {command} {kind}: {signature} x{len(outcomes)} "
                         f"(mutant {first.task.index}: {'; '.join(first.operators)[:120]})")
        lines.append(f"violations: {self.total_violations}")
        return "\n".join(lines)


def tasks(seed: int, mutants: int, commands: Sequence[str]) -> list[Task]:
    """The campaign's tasks: mutants dealt round-robin to the commands."""
    return [Task(seed, index, commands[index % len(commands)]) for index in range(mutants)]


def run_campaign(seed: int, mutants: int, commands: Sequence[str], workers: int = 1) -> Summary:
    """Run a campaign and count its outcomes."""
    summary = Summary(seed)
    started = time.perf_counter()
    work = tasks(seed, mutants, commands)
    for outcome in _outcomes(work, workers):
        summary.add(outcome)
    summary.seconds = time.perf_counter() - started
    return summary


def _outcomes(work: list[Task], workers: int) -> Iterable[Outcome]:
    if workers <= 1:
        yield from map(run_task, work)
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(workers, maxtasksperchild=200) as pool:
        yield from pool.imap_unordered(run_task, work, chunksize=4)


# --- minimising and keeping ----------------------------------------------------------------------


def _reproduces(mutant: Mutant, command: str, variant: int, kind: str, signature: str) -> bool:
    case = build_case(mutant, command, variant)
    return any(v.kind == kind and v.signature == signature for v in violations(case, run_case(case)))


def _chunks(raw: bytes) -> list[bytes]:
    return raw.splitlines(keepends=True)


def minimise(mutant: Mutant, command: str, variant: int, kind: str, signature: str,
             budget: int = 150) -> Mutant:
    """Drop lines (in halving chunks) while the same violation still happens."""
    lines = _chunks(mutant.raw)
    size = max(1, len(lines) // 2)
    while size >= 1 and budget > 0:
        start = 0
        while start < len(lines) and budget > 0:
            candidate = lines[:start] + lines[start + size:]
            budget -= 1
            trial = Mutant(mutant.seed, mutant.operators, b"".join(candidate), mutant.settings, mutant.retyped)
            if candidate and _reproduces(trial, command, variant, kind, signature):
                lines = candidate
            else:
                start += size
        size //= 2
    return Mutant(mutant.seed, mutant.operators, b"".join(lines), mutant.settings, mutant.retyped)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


def keep_reproducers(summary: Summary, directory: Path, budget: int = 150) -> list[Path]:
    """Minimise the first mutant of each group and write it into the corpus."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for (command, kind, signature), outcomes in sorted(summary.groups.items()):
        task = outcomes[0].task
        mutant = make_mutant(task.seed, task.index, command)
        settings = mutant.settings is not None and _reproduces(
            Mutant(mutant.seed, (), _seed_text(mutant.seed), mutant.settings), command, task.index, kind, signature)
        if settings:
            assert mutant.settings is not None
            body = mutant.settings
        else:
            plain = Mutant(mutant.seed, mutant.operators, mutant.raw, None, mutant.retyped)
            body = minimise(plain, command, task.index, kind, signature, budget).raw
        reproducer = Reproducer("", command, -1, mutant.seed, task.index, body, settings,
                                mutant.retyped if not settings else ())
        digest = hashlib.sha256(encode(reproducer)).hexdigest()[:8]
        path = directory / f"{_slug(kind)}-{command}-{digest}.yaml"
        path.write_bytes(encode(reproducer))
        written.append(path)
    return written


def _seed_text(name: str) -> bytes:
    from fuzz.seeds import seeds

    return next(s for s in seeds() if s.name == name).text.encode("utf-8")
