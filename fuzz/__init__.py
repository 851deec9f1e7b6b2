"""A mutation fuzzer for planas: mutated plans through the real command line, judged by oracles.

Run it as `python -m fuzz --mutants N --seed S --workers W --command ...`; see fuzz/README.md.
Everything is deterministic by seed: mutant `i` of seed `S` is the same on every machine.
"""
