"""Start-up and small-repository timings of planas beside its peers, measured in one run.

    .venv/bin/python benchmarks/bench_startup.py [--runs N]     (make bench installs the peers)

Every command runs N times, interleaved with the others so that load on the
machine touches all alike; the medians are compared, and each ratio is printed
against its target (issue: a house a newcomer reads in an hour):
- `planas validate` of the example <= 0.5 x check-jsonschema on the same file, and
  no slower than yamllint on it;
- `planas --version` <= 3 x `python -c pass`;
- `planas check` of 120 valid plans <= 0.8 x a bare libyaml compose of the same files
  (a Python process composing each file with PyYAML's CSafeLoader, start-up included),
  printed twice: as a repeated run finds it (each plan's result kept from the warm-up
  run) and with `--no-cache` (every plan read, validated and evaluated again).
Exit 1 when a target is missed. Beside each wall-clock median it prints the
median CPU time (user + sys of the process and its children), which a busy
machine inflates less than wall time; the ratios are of wall time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import national_repo
from timing import children_cpu

EXAMPLE = ROOT / "examples" / "birstonas-2021" / "plan.yaml"
SCHEMA = ROOT / "schemas" / "plan.schema.json"
_COMPOSE = ("import sys, yaml\n"
            "for name in sys.argv[1:]:\n"
            "    with open(name, 'rb') as f:\n"
            "        yaml.compose(f, Loader=yaml.CSafeLoader)\n")


def _tool(name: str) -> str | None:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else shutil.which(name)



def _median_times(commands: dict[str, list[str]], runs: int) -> tuple[dict[str, float], dict[str, float]]:
    """Median wall and CPU seconds of each command, the commands interleaved run by run."""
    times: dict[str, list[float]] = {label: [] for label in commands}
    cpu: dict[str, list[float]] = {label: [] for label in commands}
    # As a user runs it: with bytecode caches (pip compiles the peers' at install; planas,
    # installed editable, writes its own on the warm-up run), whatever this shell sets.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    for args in commands.values():  # one warm-up each: file caches, the reference cache
        subprocess.run(args, capture_output=True, check=False, env=env)
    for _ in range(runs):
        for label, args in commands.items():
            start, start_cpu = time.perf_counter(), children_cpu()
            subprocess.run(args, capture_output=True, check=False, env=env)
            times[label].append(time.perf_counter() - start)
            cpu[label].append(children_cpu() - start_cpu)
    return ({label: statistics.median(values) for label, values in times.items()},
            {label: statistics.median(values) for label, values in cpu.items()})


def main() -> int:
    """Measure, print each figure with its peer's and the target, exit 1 on a miss."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    planas = _tool("planas") or "planas"
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder) / "repo"
        files = national_repo.build(repo, 6, 20, 0)  # 120 valid plans
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "planas --version": [planas, "--version"],
            "planas validate": [planas, "validate", str(EXAMPLE)],
            "planas check (120 plans)": [planas, "check", str(repo)],
            "planas check --no-cache": [planas, "check", "--no-cache", str(repo)],
            "libyaml compose (120 plans)": [sys.executable, "-c", _COMPOSE, *map(str, files)],
        }
        peers = {"check-jsonschema": ["--schemafile", str(SCHEMA), str(EXAMPLE)], "yamllint": [str(EXAMPLE)]}
        for name, args in peers.items():
            tool = _tool(name)
            if tool is None:
                print(f"{name} is not installed: `make bench` installs it")
                return 2
            commands[name] = [tool, *args]
        medians, cpu = _median_times(commands, options.runs)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}, {options.runs} runs each, medians:")
    for label, value in medians.items():
        print(f"  {label:<30} {value * 1000:8.1f} ms wall {cpu[label] * 1000:8.1f} ms CPU")
    checks = [
        ("planas validate / check-jsonschema", medians["planas validate"] / medians["check-jsonschema"], 0.5),
        ("planas validate / yamllint", medians["planas validate"] / medians["yamllint"], 1.0),
        ("planas --version / python -c pass", medians["planas --version"] / medians["python -c pass"], 3.0),
        ("planas check / libyaml compose", medians["planas check (120 plans)"]
         / medians["libyaml compose (120 plans)"], 0.8),
        ("  the same, --no-cache", medians["planas check --no-cache"]
         / medians["libyaml compose (120 plans)"], 0.8),
    ]
    missed = 0
    print("ratios (target):")
    for label, ratio, target in checks:
        verdict = "ok" if ratio <= target else "MISSED"
        missed += verdict != "ok"
        print(f"  {label:<36} {ratio:5.2f}  (<= {target:g})  {verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
