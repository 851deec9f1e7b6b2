"""Build a synthetic national plans repository: 60 municipalities x 20 years, each plan full-sized.

    .venv/bin/python benchmarks/national_repo.py OUT_DIR [--municipalities 60] [--years 20] [--broken N]

Every plan is valid and different (seeded random figures, subsets of services,
texts); consecutive years are consistent the way real ones are. `--broken N`
breaks N plans (a wrong type, an unknown key, a bad reference, a YAML error).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import yaml

from planas.reference import load_municipalities, load_reference

FIRST_YEAR = 2005
def municipality_name(index: int) -> str:
    """The official name of a real municipality (the packaged list of 60), so no plan warns W0313."""
    names = [m.name for m in load_municipalities().municipalities]
    return names[index % len(names)]


def _money(rng: random.Random, low: float, high: float) -> float:
    return round(rng.uniform(low, high), 2)


def _series(key: str, year: int, low: float, high: float, *, cents: bool = False) -> float:
    """A figure that drifts smoothly from year to year (real series do; no 50 % jumps)."""
    base = random.Random(key).uniform(low, high)
    noise = random.Random(f"{key}/{year}").uniform(-0.08, 0.08)
    value = base * (1 + 0.02 * (year - FIRST_YEAR)) * (1 + noise)
    return round(value, 2) if cents else float(round(value))


def make_plan(index: int, year: int) -> dict[str, Any]:
    """One valid plan (about 30-40 KB of YAML) for municipality `index` and `year`."""
    reference = load_reference()
    regime = reference.regime_for_year(year).id
    rng = random.Random(index * 1000 + year)
    base = random.Random(index)  # stable across years: the same services and providers
    # Every municipality provides home help and long-term care (real ones do); 20 others vary.
    core = [reference.services["pagalba_i_namus"], reference.services["ilgalaike_socialine_globa"]]
    services = [s for s in reference.services.values() if s.valid_in(year) and s not in core]
    chosen = sorted(core + base.sample(services, 20), key=lambda s: s.code)
    groups = sorted(reference.target_groups)
    name = municipality_name(index)
    population = base.randint(3000, 500000) - (year - FIRST_YEAR) * base.randint(10, 300)
    providers = []
    for p in range(6):
        offered = chosen[p::6]
        providers.append({
            "id": f"p{p}",
            "name": f"{name.split()[0]} socialinių paslaugų teikėjas Nr. {p + 1}",
            "owner": ("savivaldybe", "nvo", "valstybe", "privatus", "religine", "savivaldybe")[p],
            "institution_type": sorted(reference.institution_types)[(index + p) % len(reference.institution_types)],
            "address": f"Gatvė {p + 1}, {name.split()[0]}",
            "staff": {"social_workers": base.randint(1, 40), "social_worker_assistants": base.randint(0, 60),
                      "other": base.randint(0, 20)},
            "services": [
                {"service": s.code, "target_groups": base.sample(_pool(s, groups), min(3, len(_pool(s, groups)))),
                 "places": base.randint(500, 900), "price": {"amount": _money(base, 2, 40), "unit": "Eur/val."}}
                for s in offered
            ],
        })
    provision = []
    for s in chosen:
        pool = _pool(s, groups)
        for group in base.sample(pool, min(2, len(pool))):
            provider = next(p["id"] for p in providers if any(x["service"] == s.code for x in p["services"]))
            key = f"{index}/{s.code}/{group}"
            years: dict[int, dict[str, int]] = {}
            for y in (year - 2, year - 1):
                years[y] = {"recipients": int(_series(key, y, 5, 300)),
                            "waiting": int(_series(key + "/w", y, 0, 40))}
            years[year] = {"planned": int(_series(key, year, 5, 300))}
            provision.append({"service": s.code, "target_group": group, "provider": provider, "years": years})
    finance = []
    for s in chosen:
        category = s.category[regime]
        allowed = ["SB"]
        if category in ("socialine_globa", "laikinas_atokvepis"):
            allowed = ["SB", "VBD"]
        entries = []
        for y, kind in ((year - 1, "faktas"), (year, "planas")):
            sources = {src: _series(f"{index}/{s.code}/{src}", y, 1000, 400000, cents=True) for src in allowed}
            if not s.free_of_charge:
                sources["GM"] = _series(f"{index}/{s.code}/GM", y, 100, 50000, cents=True)
            entries.append({"year": y, "kind": kind, "sources": sources})
        finance.append({"service": s.code, "provider": providers[chosen.index(s) % 6]["id"], "entries": entries})
    goals = [{"id": f"T{g}", "text": f"Tikslas {g}: užtikrinti kokybiškas ir prieinamas socialines paslaugas "
              f"gyventojams, atsižvelgiant į jų poreikius ({name}, {year} m.).", "target_groups": base.sample(groups, 2)}
             for g in range(1, 6)]
    priorities = [{"id": f"P{k}", "text": f"Prioritetinė kryptis {k}: paslaugų plėtra bendruomenėje ir "
                   f"prieinamumo didinimas ({year} m.)."} for k in range(1, 5)]
    measures = []
    for m in range(14):
        s = chosen[m % len(chosen)]
        measures.append({
            "id": f"{m // 4 + 1}.{m % 4 + 1}",
            "goal": f"T{m % 5 + 1}",
            "priority": f"P{m % 4 + 1}",
            "task": f"Uždavinys: gerinti paslaugos „{s.name_lt}“ prieinamumą.",
            "title": f"Teikti ir plėtoti paslaugą „{s.name_lt}“ {year} m.",
            "services": [s.code],
            "target_groups": base.sample(groups, 2),
            "executor": providers[m % 6]["name"],
            "partners": ["Savivaldybės administracija", "Seniūnijos"],
            "deadline": f"{year}-12-31",
            "funding": {"SB": _money(rng, 100, 800)},  # a part of the service's funds in the finance table
            "status": "planuojama",
            "indicators": [
                {"id": f"{m // 4 + 1}.{m % 4 + 1}.{k}", "name": f"Rodiklis {k}", "unit": "asm.",
                 "baseline": int(_series(f"{index}/{m}/{k}", year - 1, 10, 200)),
                 "target": int(_series(f"{index}/{m}/{k}", year, 10, 200)) + 5,
                 "actual": int(_series(f"{index}/{m}/{k}", year, 10, 200))}
                for k in (1, 2)
            ],
        })
    demography = [
        {"id": "population_total", "values": {y: population - (y - year) * 120 for y in range(year - 3, year + 1)}},
        {"id": "age_65_plus", "values": {y: population // 5 + (y - year) * 30 for y in range(year - 3, year + 1)}},
        {"id": "age_0_17", "values": dict.fromkeys(range(year - 3, year + 1), population // 6)},
        {"id": "births", "values": dict.fromkeys(range(year - 3, year), population // 120)},
        {"id": "deaths", "values": dict.fromkeys(range(year - 3, year), population // 80)},
    ]
    social = [{"id": i, "values": {y: _series(f"{index}/{i}", y, 10, 3000) for y in range(year - 3, year)}}
              for i in sorted(reference.social_indicators)]
    _parts_within_wholes(demography + social)
    return {
        "schema_version": 1,
        "metadata": {
            "municipality": {"name": name},
            "year": year,
            "status": "patvirtintas",
            "approval": {"body": f"{name} taryba".replace("savivaldybė taryba", "savivaldybės taryba"),
                         "decision_number": f"T-{rng.randint(1, 300)}", "decision_date": f"{year}-03-{rng.randint(10, 28)}"},
            "legal_basis": [{"title": "Lietuvos Respublikos socialinių paslaugų įstatymas", "number": "X-493"}],
            "responsible_unit": {"name": "Socialinės paramos skyrius", "phone": "(8 5) 000 0000"},
            "authors": [{"name": f"Darbo grupės narys {a}", "role": "specialistas"} for a in range(1, 6)],
        },
        "introduction": {
            "purpose": "Nustatyti socialinių paslaugų teikimo mastą ir rūšis pagal gyventojų poreikius.",
            "text": (f"{name} {year} m. socialinių paslaugų planas parengtas vadovaujantis Socialinių paslaugų "
                     "įstatymu ir planavimo metodika. ") * 3,
            "data_sources": [{"name": "SPIS"}, {"name": "Valstybės duomenų agentūra"}],
            "goals": goals,
            "priorities": priorities,
        },
        "analysis": {
            "demography": demography,
            "social_indicators": social,
            "municipal_budget": [
                {"year": y, "kind": kind, "total": _series(f"{index}/budget", y, 5e6, 9e8, cents=True)}
                for y, kind in ((year - 1, "faktas"), (year, "planas"))],
            "providers": providers,
            "provision": provision,
            "finance": finance,
        },
        "action_plan": {"text": "Priemonės sudarytos pagal tikslus ir kryptis.", "measures": measures},
        "monitoring": {"text": "Įgyvendinimo ataskaita teikiama tarybai kasmet.", "responsible": "Skyrius"},
    }


def _pool(service: Any, groups: list[str]) -> list[str]:
    """The groups a service is given to: the catalogue's recipients of one age (elderly and adults, or children)."""
    family = load_reference().plausibility.age_family
    if not service.recipients:
        return [g for g in groups if family(g) != "children"]
    first = family(service.recipients[0])
    return [g for g in service.recipients if family(g) == first]


def _parts_within_wholes(indicators: list[dict[str, Any]]) -> None:
    """A part never exceeds its whole (children in family care <= children without parental care, ...)."""
    by_id = {item["id"]: item["values"] for item in indicators}
    for _ in range(2):  # parts of parts: two passes settle the chain
        for subset in load_reference().plausibility.subsets:
            part, whole = by_id.get(subset.part), by_id.get(subset.whole)
            if part is not None and whole is not None:
                for y in part:
                    if y in whole:
                        part[y] = min(part[y], whole[y])


def _break(text: str, kind: int) -> str:
    if kind == 0:
        return text.replace("  year: ", "  year: du tūkstančiai ", 1)
    if kind == 1:
        return "nezinomas_raktas: 1\n" + text
    if kind == 2:
        return text.replace("goal: T1", "goal: T9", 1)
    return text.replace("metadata:\n", "metadata:\n  [neuždarytas\n", 1)


def build(out: Path, municipalities: int, years: int, broken: int) -> list[Path]:
    """Write the repository; returns the plan files."""
    files = []
    rng = random.Random(4242)
    to_break = set(rng.sample(range(municipalities * years), broken)) if broken else set()
    for m in range(municipalities):
        folder = out / f"savivaldybe-{m + 1:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        for y in range(years):
            year = FIRST_YEAR + y
            text = yaml.safe_dump(make_plan(m, year), allow_unicode=True, sort_keys=False, width=100)
            number = m * years + y
            if number in to_break:
                text = _break(text, number % 4)
            path = folder / f"{year}.yaml"
            path.write_text(text, encoding="utf-8")
            files.append(path)
    return files


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--municipalities", type=int, default=60)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--broken", type=int, default=0)
    options = parser.parse_args()
    files = build(options.out, options.municipalities, options.years, options.broken)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} plans, {size / len(files) / 1024:.1f} KB each on average, in {options.out}")


if __name__ == "__main__":
    main()
