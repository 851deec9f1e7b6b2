"""The shape of a provider's form: sheets, rows, columns and their headers, shared by writer and reader.

The reader checks a filled form against exactly this shape (sheet names,
header texts, the hidden identity cells), so that an answer typed into a
moved column or a renamed sheet is reported rather than read into the wrong
field. A change of this shape is a new `FORM_VERSION`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

FORM_KIND = "planas-teikejo-forma"
"""The first identity cell of every form: what kind of workbook this is."""

FORM_VERSION = "1"
"""The version of this layout; a form of another version is refused on merge."""

INFO_SHEET = "Paaiškinimai"
INSTITUTION_SHEET = "Įstaiga"
SERVICES_SHEET = "Paslaugos"
PROJECTS_SHEET = "Projektai"
PROPOSALS_SHEET = "Pasiūlymai"
LISTS_SHEET = "Sąrašai"
META_SHEET = "planas"
ANSWER_SHEETS = (INSTITUTION_SHEET, SERVICES_SHEET, PROJECTS_SHEET, PROPOSALS_SHEET)
"""The sheets a provider answers in, in the workbook's order (after the explanations)."""

OWNERS = {
    "savivaldybe": "Savivaldybė",
    "valstybe": "Valstybė",
    "nvo": "Nevyriausybinė organizacija",
    "privatus": "Privatus asmuo",
    "religine": "Religinė bendruomenė",
}
"""Owner codes of the plan (model `Owner`) and how the form's list shows them."""

BLANK_FORM_NAME = "naujas-teikejas.xlsx"
"""The file name of the blank form, for a provider the plan does not hold yet."""


class Kind(StrEnum):
    """What an answer cell holds, which decides its validation in the sheet and on merge."""

    TEXT = "text"
    COUNT = "count"  # a non-negative whole number
    QUANTITY = "quantity"  # a non-negative number, fractions allowed (staff positions)
    MONEY = "money"  # euros, non-negative, at most two decimals
    DATE = "date"
    SERVICE = "service"
    GROUP = "group"
    INSTITUTION_TYPE = "institution_type"
    OWNER = "owner"


@dataclass(frozen=True)
class Field:
    """One answer of the institution sheet: a row with its label in column A and the answer in column B."""

    key: str
    label: str
    kind: Kind
    required: bool = False
    help: str = ""


INSTITUTION_FIELDS = (
    Field("name", "Pavadinimas", Kind.TEXT, True, "Oficialus įstaigos pavadinimas."),
    Field("owner", "Savininkas (steigėjas)", Kind.OWNER, True, "Pasirinkite iš sąrašo."),
    Field("institution_type", "Įstaigos tipas", Kind.INSTITUTION_TYPE, True, "Pasirinkite iš sąrašo."),
    Field("address", "Adresas", Kind.TEXT),
    Field("licence.number", "Socialinės globos licencijos numeris", Kind.TEXT, help="Jei įstaiga turi licenciją."),
    Field("licence.date", "Licencijos išdavimo data", Kind.DATE, help="Data, pvz. 2016-05-10."),
    Field("staff.social_workers", "Socialiniai darbuotojai", Kind.QUANTITY, help="Skaičius (etatais ar asmenimis)."),
    Field("staff.social_worker_assistants", "Individualios priežiūros darbuotojai (socialinių darbuotojų padėjėjai)",
          Kind.QUANTITY, help="Skaičius."),
    Field("staff.other", "Kiti darbuotojai", Kind.QUANTITY, help="Skaičius."),
)
INSTITUTION_HEADERS = ("Laukas", "Atsakymas", "Paaiškinimas")
FIRST_FIELD_ROW = 2
ACCREDITATION_HEADER_ROW = FIRST_FIELD_ROW + len(INSTITUTION_FIELDS) + 1
ACCREDITATION_HEADERS = ("Akredituota paslauga", "Akreditavimo data")
ACCREDITATION_ROWS = 8
"""Answer rows for accreditations (SPĮ 33 str.) below the institution's fields."""


@dataclass(frozen=True)
class Column:
    """One column of a table sheet: its answer kind and its header (which may name the years)."""

    key: str
    header: str
    kind: Kind
    width: int = 14

    def title(self, year: int) -> str:
        """The header as the form for a plan of `year` writes it (`{last}` is the year before)."""
        return self.header.format(last=year - 1, year=year)


SERVICE_COLUMNS = (
    Column("service", "Paslauga (iš katalogo)", Kind.SERVICE, 50),
    Column("group", "Gavėjų grupė", Kind.GROUP, 46),
    Column("places", "Vietų skaičius", Kind.COUNT),
    Column("max_daily_visitors", "Didžiausias lankytojų skaičius per dieną", Kind.COUNT),
    Column("recipients", "Gavėjų skaičius {last} m.", Kind.COUNT),
    Column("waiting", "Laukiančiųjų eilėje {last} m. pabaigoje", Kind.COUNT),
    Column("planned", "Planuojama gavėjų {year} m.", Kind.COUNT),
    Column("price_amount", "Kaina, Eur", Kind.MONEY),
    Column("price_unit", "Kainos vienetas (pvz. Eur/val.)", Kind.TEXT, 18),
)
SERVICE_EXTRA_ROWS = 25
"""Empty answer rows below the pre-filled services, for services to add."""
SERVICE_LEVEL = ("places", "max_daily_visitors", "price_amount", "price_unit")
"""Columns that belong to the service, not to one target group: equal on every row of one service."""

PROJECT_COLUMNS = (
    Column("title", "Projekto pavadinimas", Kind.TEXT, 40),
    Column("period", "Vykdymo laikotarpis", Kind.TEXT, 18),
    Column("funding", "Finansavimo šaltinis", Kind.TEXT, 24),
    Column("amount", "Suma, Eur", Kind.MONEY),
    Column("description", "Trumpas aprašymas (veiklos, dalyviai, rezultatai)", Kind.TEXT, 60),
)
PROJECT_ROWS = 15

PROPOSAL_COLUMNS = (
    Column("text", "Pasiūlymai planui (laisva forma: poreikiai, naujos paslaugos, trūkumai)", Kind.TEXT, 100),
)
PROPOSAL_ROWS = 10

META_KEYS = ("form", "form_version", "planas_version", "municipality", "year", "provider")
"""The hidden identity cells (sheet `planas`, A1:B6): how an answer finds its way back."""
