"""The one registry of validation rules: code, severity, clause, messages in Lithuanian and English.

Findings carry only a code and parameters; this registry turns them into text
in the reader's language, so messages are translatable and the rules reference
(docs/rules.md) is generated from here and cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from planas.findings import Finding, Severity

Lang = Literal["lt", "en"]

_FORM = "Plano forma (A1-104, rekonstruota)"
_YAML = "YAML 1.2; planas failų reikalavimai"


@dataclass(frozen=True)
class Rule:
    """One validation rule.

    `severity` is the severity of an approved plan; `draft_severity`, when set,
    is the severity in a draft (projektas), for completeness rules.
    """

    code: str
    severity: Severity
    clause: str
    message_lt: str
    message_en: str
    hint_lt: str
    hint_en: str
    draft_severity: Severity | None = None

    def severity_for(self, status: str) -> Severity:
        """The severity of this rule for a plan of the given status."""
        if status == "projektas" and self.draft_severity is not None:
            return self.draft_severity
        return self.severity


E, W = Severity.ERROR, Severity.WARNING

_RULES = (
    # --- reading the file -------------------------------------------------------------
    Rule("E0101", E, _YAML, "YAML sintaksės klaida: {detail}.", "YAML syntax error: {detail}.",
         "Patikrinkite įtraukas (tik tarpai, ne tabuliacija), kabutes ir skliaustus šioje ar ankstesnėje eilutėje.",
         "Check indentation (spaces only, no tabs), quotes and brackets on this or the previous line."),
    Rule("E0102", E, _YAML, "Raktas „{key}“ pakartotas (pirmą kartą – {first_line} eilutėje).",
         "Key '{key}' is repeated (first at line {first_line}).",
         "Palikite vieną raktą: YAML tyliai išmestų vieną iš reikšmių.",
         "Keep one of them: YAML would silently drop one value."),
    Rule("E0103", E, _YAML, "YAML inkarai ir nuorodos (&{name} / *{name}) plane neleidžiami.",
         "YAML anchors and aliases (&{name} / *{name}) are not allowed in a plan.",
         "Parašykite reikšmę dar kartą; nuorodos leistų išpūsti dokumentą („alias bomb“).",
         "Write the value out again; aliases allow a document to explode ('alias bomb')."),
    Rule("E0104", E, _YAML, "YAML žymė {tag} neleidžiama.", "YAML tag {tag} is not allowed.",
         "Pašalinkite žymę (!…): plane reikia tik teksto, skaičių, datų, sąrašų ir atvaizdžių.",
         "Remove the tag (!...): a plan holds only text, numbers, dates, lists and mappings."),
    Rule("E0105", E, _YAML, "Faile keli YAML dokumentai; planas turi būti vienas dokumentas.",
         "The file holds several YAML documents; a plan is one document.",
         "Vieno failo – vienas planas: pašalinkite antrą „---“ ir po jo einantį turinį arba perkelkite jį į kitą failą.",
         "One plan per file: remove the second '---' and what follows, or move it to another file."),
    Rule("E0106", E, _YAML, "Failo nepavyko perskaityti kaip UTF-8 teksto ({encoding}).",
         "The file cannot be read as UTF-8 text ({encoding}).",
         "Išsaugokite failą UTF-8 koduote (redaktoriuje: „Save with encoding: UTF-8“).",
         "Save the file as UTF-8 (in the editor: 'Save with encoding: UTF-8')."),
    Rule("E0107", E, _YAML, "Failas tuščias: jame nėra plano.", "The file is empty: it holds no plan.",
         "Pradėkite nuo pavyzdžio examples/birstonas-2021/plan.yaml arba komandos `planas new`.",
         "Start from examples/birstonas-2021/plan.yaml or from `planas new`."),
    Rule("E0108", E, _YAML, "Plano šaknis turi būti atvaizdis (raktai: reikšmės), o rastas {kind}.",
         "The root of a plan must be a mapping (keys: values), found a {kind}.",
         "Failas turi prasidėti raktais metadata:, introduction: ir t. t.",
         "The file must start with keys such as metadata:, introduction:."),
    Rule("E0109", E, _YAML, "Per gilus įdėjimas (daugiau nei {limit} lygių).",
         "Nesting is too deep (more than {limit} levels).",
         "Plano struktūrai pakanka keliolikos lygių; patikrinkite įtraukas ir skliaustus.",
         "A plan needs about a dozen levels; check indentation and brackets."),
    Rule("E0110", E, _YAML, "Failas per didelis: {size} B (riba – {limit} B).",
         "The file is too large: {size} bytes (limit {limit}).",
         "Tikras planas užima apie 40 KB; patikrinkite, ar tai tikrai plano failas.",
         "A real plan is about 40 KB; check that this is really a plan file."),
    Rule("E0113", E, _YAML, "Failo nepavyko perskaityti: {detail}.", "The file cannot be read: {detail}.",
         "Patikrinkite failo teises ir ar tai tikrai failas.", "Check the file's permissions and that it is a file."),
    Rule("E0111", E, _YAML, "YAML sujungimo raktai (<<) neleidžiami.", "YAML merge keys (<<) are not allowed.",
         "Parašykite visus raktus atvirai.", "Write all keys out explicitly."),
    Rule("E0112", E, _YAML, "Rakto vietoje yra sąrašas ar atvaizdis; raktas turi būti tekstas.",
         "A list or mapping stands where a key must be; keys are text.",
         "Patikrinkite, ar po rakto nėra praleistas dvitaškis ar tarpas.",
         "Check for a missing colon or space after the key."),
    # --- structure (the model) --------------------------------------------------------
    Rule("E0201", E, "planas duomenų schema (schemas/plan.schema.json)", "Nežinomas raktas „{key}“.",
         "Unknown key '{key}'.",
         "Patikrinkite rašybą; galimi raktai išvardyti schemoje (redaktorius juos siūlo).",
         "Check the spelling; the schema lists the allowed keys (editors suggest them)."),
    Rule("E0202", E, "planas duomenų schema (schemas/plan.schema.json)", "Trūksta privalomo lauko „{field}“ ({title}).",
         "Required field '{field}' ({title}) is missing.",
         "Įrašykite lauką {field}: {description}", "Add the field {field}: {description}"),
    Rule("E0203", E, "planas duomenų schema (schemas/plan.schema.json)", "Netinkama reikšmė „{value}“: laukiama {expected}.",
         "Invalid value '{value}': expected {expected_en}.",
         "Pakeiskite reikšmę: čia laukiama {expected}.", "Change the value: {expected_en} is expected here."),
    Rule("E0204", E, "planas duomenų schema (schemas/plan.schema.json)", "Neteisinga data „{value}“.", "Invalid date '{value}'.",
         "Datą rašykite YYYY-MM-DD, pvz. 2021-02-12; patikrinkite, ar tokia diena yra.",
         "Write dates as YYYY-MM-DD, e.g. 2021-02-12, and check that the day exists."),
    Rule("E0205", E, "planas duomenų schema (schemas/plan.schema.json)", "Reikšmė „{value}“ už leistinų ribų: {limit}.",
         "Value '{value}' is out of range: {limit_en}.",
         "Skaičiai ir sumos negali būti neigiami; sumos – eurais su ne daugiau kaip 2 skaitmenimis po kablelio.",
         "Counts and amounts cannot be negative; amounts are euros with at most 2 decimals."),
    Rule("E0206", E, "planas duomenų schema (schemas/plan.schema.json)", "Reikšmė „{value}“ neleistina; galimos: {choices}.",
         "Value '{value}' is not allowed; choose one of: {choices}.",
         "Įrašykite vieną iš galimų reikšmių.", "Write one of the allowed values."),
    Rule("E0207", E, "planas duomenų schema (schemas/plan.schema.json)", "Reikšmė „{value}“ neatitinka formato: {detail}.",
         "Value '{value}' does not match the format: {detail}.",
         "Identifikatoriai – raidės, skaitmenys ir _ . -; kodai – mažosios raidės, skaitmenys ir _.",
         "Identifiers use letters, digits and _ . -; codes use lower-case letters, digits and _."),
    Rule("E0208", E, "planas duomenų schema (schemas/plan.schema.json)", "Netinkama reikšmė: {detail}.", "Invalid value: {detail}.",
         "Palyginkite su schema arba pavyzdžiu examples/birstonas-2021/plan.yaml.",
         "Compare with the schema or with examples/birstonas-2021/plan.yaml."),
    Rule("E0209", E, "planas: radinių riba faile (500)", "Dar {count} radinių nerodoma (rodomi pirmieji 500).",
         "{count} more findings are not shown (the first 500 are).",
         "Pataisykite rodomas klaidas ir paleiskite dar kartą; dažnai jos kartojasi.",
         "Fix the errors shown and run again; they often repeat."),
    Rule("E0210", E, "XML 1.0 (5-asis leidimas) 2.2 sk. „Characters“: Word (OOXML) dokumentai ir JUnit ataskaitos yra XML",
         "Tekste yra valdymo simbolis {char}, kurio Word dokumentas negali turėti.",
         "The text holds the control character {char}, which a Word document cannot hold.",
         "Ištrinkite simbolį (dažnai jis atsiranda kopijuojant tekstą iš kitos programos); eilutes "
         "skaidykite tikromis eilutėmis, ne \\x.. kodais.",
         "Delete the character (it often comes with text copied from another program); break lines "
         "with real lines, not \\x.. escapes."),
    # --- references ---------------------------------------------------------------------
    Rule("E0301", E, f"{_FORM}: priemonės susiejamos su tikslais", "Nurodytas nežinomas tikslas „{ref}“.",
         "Unknown goal '{ref}'.",
         "Nurodykite tikslo identifikatorių iš introduction.goals ({known}).",
         "Use a goal id from introduction.goals ({known})."),
    Rule("E0302", E, "SPĮ 14 str. 5 d. 6 p. (teikėjų duomenys)", "Nurodytas nežinomas teikėjas „{ref}“.",
         "Unknown provider '{ref}'.",
         "Nurodykite teikėjo identifikatorių iš analysis.providers ({known}).",
         "Use a provider id from analysis.providers ({known})."),
    Rule("E0303", E, "Socialinių paslaugų katalogas (A1-93); SPĮ 7 str.", "Paslaugos „{ref}“ nėra socialinių paslaugų kataloge.",
         "Service '{ref}' is not in the social services catalogue.",
         "Naudokite katalogo kodą (planas reference services).",
         "Use a catalogue code (see the reference data, catalogue.yaml)."),
    Rule("E0304", E, "Socialinių paslaugų katalogas (A1-93); SPĮ 8 str. (nuo 2023 m.)",
         "Paslauga „{ref}“ {year} m. plane negalima: ji kataloge nuo {first_year} m.",
         "Service '{ref}' is not available in a {year} plan: it exists from {first_year}.",
         "Pasirinkite tuo metu galiojusią paslaugą arba patikrinkite plano metus.",
         "Choose a service valid that year, or check the plan year."),
    Rule("E0305", E, "Socialinių paslaugų katalogas: gavėjų grupės; SPĮ 2 str.", "Nežinoma gavėjų grupė „{ref}“.",
         "Unknown target group '{ref}'.",
         "Naudokite grupės kodą iš target_groups.yaml.", "Use a group code from target_groups.yaml."),
    Rule("E0306", E, "planas: stabilūs identifikatoriai (diff sulygina pagal juos)", "Identifikatorius „{ref}“ pakartotas (jau naudotas: {first}).",
         "Id '{ref}' is repeated (already used at {first}).",
         "Kiekvienas elementas turi turėti unikalų identifikatorių.", "Each item needs a unique id."),
    Rule("E0307", E, "Socialinių paslaugų katalogas: įstaigų tipai", "Nežinomas įstaigos tipas „{ref}“.",
         "Unknown institution type '{ref}'.",
         "Naudokite tipą iš institution_types.yaml.", "Use a type from institution_types.yaml."),
    Rule("E0308", E, f"{_FORM}: priemonės susiejamos su kryptimis", "Nurodyta nežinoma prioritetinė kryptis „{ref}“.",
         "Unknown priority direction '{ref}'.",
         "Nurodykite krypties identifikatorių iš introduction.priorities ({known}).",
         "Use a priority id from introduction.priorities ({known})."),
    Rule("E0309", E, f"{_FORM}, 4 skirsnis", "Nežinomas rodiklis „{ref}“ be pavadinimo.",
         "Unknown indicator '{ref}' without a title.",
         "Naudokite rodiklį iš indicators.yaml arba nurodykite title.",
         "Use an indicator from indicators.yaml or give a title."),
    Rule("E0310", E, "Efektyvumo vertinimo kriterijai (criteria.yaml)", "Nežinomas kriterijus „{ref}“.",
         "Unknown criterion '{ref}'.", "Naudokite kriterijaus identifikatorių ({known}).",
         "Use a criterion id ({known})."),
    Rule("E0311", E, "planas: duomenų įrašų tapatybė", "Įrašas {ref} pakartotas (jau yra: {first}).",
         "Record {ref} is repeated (already at {first}).",
         "Sujunkite pasikartojančius įrašus į vieną.", "Merge the repeated records into one."),
    Rule("W0312", W, "Teritorijos administracinių vienetų ir jų ribų įstatymas: savivaldybių pavadinimai "
         "(municipalities.yaml)",
         "„{name}“ – ne oficialus savivaldybės pavadinimas.",
         "'{name}' is not the municipality's official name.",
         "Įrašykite oficialų pavadinimą vardininku; plano antraštėje jis rašomas kilmininku.",
         "Write the official name in the nominative; the title puts it in the genitive."),
    Rule("W0313", W, "Teritorijos administracinių vienetų ir jų ribų įstatymas: savivaldybių pavadinimai "
         "(municipalities.yaml)",
         "Savivaldybės „{name}“ nėra Lietuvos savivaldybių sąraše.",
         "'{name}' is not in the list of Lithuanian municipalities.",
         "Patikrinkite pavadinimo rašybą (oficialus pavadinimas vardininku, pvz. „Birštono savivaldybė“).",
         "Check the spelling (the official name in the nominative, e.g. 'Birštono savivaldybė')."),
    Rule("E0314", E, f"{_FORM}: skyriai, skirsniai ir priedai (form_layouts.yaml)",
         "Plano formoje nėra skyriaus, skirsnio ar priedo „{ref}“.",
         "The plan form has no chapter, section or annex '{ref}'.",
         "document.headings raktas – skirsnio ar priedo identifikatorius arba skyriaus numeris: {known}.",
         "A document.headings key is a section or annex id or a chapter number: {known}."),
    # --- totals and numbers --------------------------------------------------------------
    Rule("E0401", E, f"{_FORM}, 7 skirsnis: sumos turi sutapti", "Nurodyta suma {stated} Eur nesutampa su šaltinių suma {computed} Eur.",
         "The stated total {stated} EUR differs from the sum of sources {computed} EUR.",
         "Pataisykite sumą arba šaltinius (skirtumas {difference} Eur).",
         "Correct the total or the sources (difference {difference} EUR)."),
    Rule("E0402", E, f"{_FORM}: biudžeto rodikliai", "Socialinės programos lėšos ({part} Eur) viršija viso biudžeto išlaidas ({total} Eur).",
         "The social programme ({part} EUR) exceeds the whole budget ({total} EUR).",
         "Patikrinkite, ar sumos įrašytos teisingai.", "Check both amounts."),
    # --- years ------------------------------------------------------------------------------
    Rule("E0501", E, "Metodika 1132: analizė remiasi praėjusių metų duomenimis", "Metai {year} yra vėlesni nei plano metai ({plan_year}).",
         "Year {year} is after the plan year ({plan_year}).",
         "Analizės duomenys gali būti tik iki plano metų imtinai.",
         "Analysis data may reach the plan year at most."),
    Rule("E0502", E, "SPĮ 14 str. 2 d. 1 p.; metodika 1132 / A1-368", "Nurodyta tvarka {regime} netinka {year} m. planui (tinka {expected}).",
         "Regime {regime} does not fit a {year} plan ({expected} does).",
         "Pašalinkite metadata.regime (ji nustatoma pagal metus) arba pataisykite metus.",
         "Remove metadata.regime (it follows the year) or correct the year."),
    Rule("W0503", W, "Metodika 1132 33 p. (tvirtinama kasmet; terminas nenustatytas)", "Patvirtinimo data {date} nėra plano metais ({year}).",
         "Approval date {date} is not in the plan year ({year}).",
         "Planas paprastai tvirtinamas plano metų pradžioje kartu su biudžetu; patikrinkite datą.",
         "Plans are usually approved early in the plan year with the budget; check the date."),
    Rule("W0504", W, "Metodika 1132: planas rengiamas metams", "Nėra jokių {year} m. (plano metų) planuojamų duomenų: {what}.",
         "No plan-year ({year}) figures: {what}.",
         "Įrašykite plano metų planuojamus gavėjus ir lėšas.", "Add the planned recipients and funds of the plan year."),
    # --- funding (art. 42) -----------------------------------------------------------------
    Rule("W0601", W, "SPĮ 42 str. (2024 m. redakcija; ankstesniems planams – orientacinis)",
         "Šaltinis {source} neįvardytas tarp leidžiamų paslaugai „{service}“ ({category}): {allowed} ({rule}).",
         "Source {source} is not among those allowed for '{service}' ({category}): {allowed} ({rule}).",
         "Patikrinkite finansavimo šaltinį arba paaiškinkite pastaboje.",
         "Check the funding source or explain it in a note."),
    Rule("W0602", W, "SPĮ 37 str., 38 str. 1 d. (nemokamos paslaugos)",
         "Paslauga „{service}“ teikiama nemokamai, bet nurodyti gavėjų mokėjimai (GM).",
         "Service '{service}' is free of charge, but recipients' payments (GM) are given.",
         "Pašalinkite GM arba patikrinkite paslaugą.", "Remove GM or check the service."),
    # --- measures ---------------------------------------------------------------------------
    Rule("E0701", E, f"{_FORM}, priemonių planas: rodiklis su matavimo vienetu", "Rodiklis „{ref}“ neturi matavimo vieneto.",
         "Indicator '{ref}' has no unit.", "Įrašykite unit, pvz. „asm.“, „vnt.“, „proc.“.",
         "Add unit, e.g. 'asm.', 'vnt.', 'proc.'."),
    Rule("E0702", E, f"{_FORM}, priemonių planas: rodiklis su siektina reikšme", "Rodiklis „{ref}“ neturi siektinos reikšmės.",
         "Indicator '{ref}' has no target.", "Įrašykite target.", "Add a target."),
    # --- completeness (stricter for approved plans) ----------------------------------------
    Rule("C0801", E, "Metodika 1132 33 p.: planą tvirtina savivaldybės taryba", "Patvirtintame plane trūksta tarybos sprendimo {what}.",
         "An approved plan lacks the council decision's {what}.",
         "Įrašykite metadata.approval (body, decision_number, decision_date) arba pakeiskite būseną į projektas.",
         "Fill metadata.approval (body, decision_number, decision_date) or set the status to projektas.",
         draft_severity=None),
    Rule("C0802", E, f"{_FORM}, 6–7 skirsniai: praėjusių metų faktas", "Nėra {year} m. faktinių duomenų: {what}.",
         "No facts for {year}: {what}.",
         "Įrašykite praėjusių metų faktinius gavėjus (recipients) ir lėšas (kind: faktas).",
         "Add last year's actual recipients and funds (kind: faktas).",
         draft_severity=W),
    Rule("C0804", E, f"{_FORM}, 6–7 skirsniai: faktas, ne planas", "{year} m. {what}: įrašas laikinas (provisional) – tai praėjusių metų planas, ne faktas.",
         "{year} {what}: the record is provisional – last year's plan, not the facts.",
         "Įrašykite faktinius skaičius ir pašalinkite provisional: true.",
         "Write the actual figures and remove provisional: true.",
         draft_severity=W),
    Rule("C0803", E, f"{_FORM}", "Privalomas skirsnis „{section}“ tuščias ({paths}).",
         "Required section '{section}' is empty ({paths}).",
         "Užpildykite skirsnį arba palikite planą projekto būsenos.",
         "Fill the section, or keep the plan a draft.",
         draft_severity=W),
    # --- across files and years (planas check) ---------------------------------------------
    Rule("E1101", E, "SPĮ 14 str. 2 d. 1 p.: vienas planas savivaldybei metams",
         "{municipality} {year} m. planas jau yra faile {other}.",
         "{municipality} already has a {year} plan in {other}.",
         "Palikite vieną planą tiems metams arba pataisykite metadata.year / savivaldybę.",
         "Keep one plan for that year, or correct metadata.year or the municipality."),
    # --- repository settings (.planas.yaml) --------------------------------------------------
    Rule("E1201", E, "planas: saugyklos nustatymai (.planas.yaml; README, „planas check“)",
         "Nustatymuose nurodytas nežinomas taisyklės kodas „{ref}“.",
         "The settings name an unknown rule code '{ref}'.",
         "Naudokite kodą iš taisyklių sąrašo (docs/rules.md), pvz. W0601.",
         "Use a code from the rules reference (docs/rules.md), e.g. W0601."),
    # --- across years (planas check) -------------------------------------------------------
    Rule("X1001", W, "Metodika 1132: stebėsena; pradinė reikšmė = praėjusių metų pasiekta",
         "Rodiklio „{ref}“ pradinė reikšmė {baseline} nesutampa su {year} m. pasiekta reikšme {actual} ({old_file}).",
         "Indicator '{ref}' baseline {baseline} differs from the {year} actual {actual} ({old_file}).",
         "Pradine reikšme paprastai imama praėjusių metų pasiekta reikšmė; pataisykite arba paaiškinkite pastaboje.",
         "The baseline is usually last year's actual; correct it or explain it in a note."),
    Rule("X1002", W, "Metodika 1132: plano įgyvendinimo ataskaita", "{year} m. rodiklis „{ref}“ turi siektiną reikšmę {target}, bet neįrašyta pasiekta reikšmė (actual).",
         "The {year} indicator '{ref}' has a target {target} but no actual.",
         "Įrašykite pasiektą reikšmę praėjusių metų plane (actual).", "Add the actual to last year's plan."),
    Rule("X1003", W, "planas: metų palyginimas", "{what} pasikeitė {change} proc. ({old} → {new}) be paaiškinimo.",
         "{what} changed by {change} % ({old} → {new}) without a note.",
         "Patikrinkite skaičių arba įrašykite pastabą (note), kodėl jis taip pasikeitė.",
         "Check the figure or add a note explaining the change."),
    # --- criteria -----------------------------------------------------------------------------
    Rule("W0901", W, "Efektyvumo vertinimo kriterijai (A1-104 2 priedas; sąrašas kandidatinis)",
         "Kriterijaus {criterion} („{name}“) {year} m. apskaičiuoti negalima – trūksta duomenų: {missing}.",
         "Criterion {criterion} ('{name}') cannot be computed for {year}; missing data: {missing}.",
         "Įrašykite trūkstamus duomenis arba kriterijaus reikšmę criteria.overrides su priežastimi.",
         "Add the missing data, or the value in criteria.overrides with a reason."),
)

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}


class _Params(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def _suffix(finding: Finding, lang: Lang) -> str:
    suggestion = finding.param("did_you_mean")
    if not suggestion:
        return ""
    return f" Gal turėjote omenyje „{suggestion}“?" if lang == "lt" else f" Did you mean '{suggestion}'?"


def message(finding: Finding, lang: Lang = "lt") -> str:
    """The finding's message in the reader's language."""
    rule = RULES[finding.code]
    template = rule.message_lt if lang == "lt" else rule.message_en
    return template.format_map(_Params(finding.params)) + _suffix(finding, lang)


def hint(finding: Finding, lang: Lang = "lt") -> str:
    """What to do about the finding, in the reader's language."""
    rule = RULES[finding.code]
    template = rule.hint_lt if lang == "lt" else rule.hint_en
    return template.format_map(_Params(finding.params))


def clause(finding: Finding) -> str:
    """The clause the finding's rule comes from."""
    return RULES[finding.code].clause
