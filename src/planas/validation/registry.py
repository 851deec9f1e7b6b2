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
_FORMS = "planas: teikėjų duomenų formos (planas forms; docs/forms.md)"
_IMPORT = "planas import (Word plano importas)"
_REVIEW = ("Ankstesnių metų plano įgyvendinimo apžvalga (realūs planai, pvz. Pasvalys 2023; "
           "formos reikalavimas nepatikrintas); planas: įvykdymo taisyklė docs/review.md")


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
         "Naudokite katalogo kodą: sąrašas ir paieška – `planas reference services --search ŽODIS --year {year}`.",
         "Use a catalogue code: list and search them with `planas reference services --search WORD --year {year}`."),
    Rule("E0304", E, "Socialinių paslaugų katalogas (A1-93); SPĮ 8 str. (nuo 2023 m.)",
         "Paslauga „{ref}“ {year} m. plane negalima: ji kataloge nuo {first_year} m.",
         "Service '{ref}' is not available in a {year} plan: it exists from {first_year}.",
         "Pasirinkite tuo metu galiojusią paslaugą arba patikrinkite plano metus.",
         "Choose a service valid that year, or check the plan year."),
    Rule("E0305", E, "Socialinių paslaugų katalogas: gavėjų grupės; SPĮ 2 str.", "Nežinoma gavėjų grupė „{ref}“.",
         "Unknown target group '{ref}'.",
         "Naudokite grupės kodą (`planas reference groups --search ŽODIS`). Jei tokios grupės sąraše nėra, "
         "aprašykite ją saugyklos vietiniame žinyne (.planas.yaml: reference, failas target_groups.yaml).",
         "Use a group code (`planas reference groups --search WORD`). If the list has no such group, describe "
         "it in the repository's local reference data (.planas.yaml: reference, file target_groups.yaml)."),
    Rule("E0306", E, "planas: stabilūs identifikatoriai (diff sulygina pagal juos)", "Identifikatorius „{ref}“ pakartotas (jau naudotas: {first}).",
         "Id '{ref}' is repeated (already used at {first}).",
         "Kiekvienas elementas turi turėti unikalų identifikatorių.", "Each item needs a unique id."),
    Rule("E0307", E, "Socialinių paslaugų katalogas: įstaigų tipai", "Nežinomas įstaigos tipas „{ref}“.",
         "Unknown institution type '{ref}'.",
         "Naudokite tipą iš sąrašo (`planas reference institution-types`) arba aprašykite jį vietiniame žinyne.",
         "Use a type from the list (`planas reference institution-types`) or describe it in the local reference data."),
    Rule("E0308", E, f"{_FORM}: priemonės susiejamos su kryptimis", "Nurodyta nežinoma prioritetinė kryptis „{ref}“.",
         "Unknown priority direction '{ref}'.",
         "Nurodykite krypties identifikatorių iš introduction.priorities ({known}).",
         "Use a priority id from introduction.priorities ({known})."),
    Rule("E0309", E, f"{_FORM}, 4 skirsnis", "Nežinomas rodiklis „{ref}“ be pavadinimo.",
         "Unknown indicator '{ref}' without a title.",
         "Naudokite rodiklį iš sąrašo (`planas reference indicators`) arba nurodykite title ir unit.",
         "Use an indicator from the list (`planas reference indicators`) or give a title and a unit."),
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
         "Įrašykite oficialų pavadinimą vardininku (sąrašas: `planas reference municipalities`); plano "
         "antraštėje jis rašomas kilmininku.",
         "Write the official name in the nominative (the list: `planas reference municipalities`); the title "
         "puts it in the genitive."),
    Rule("W0313", W, "Teritorijos administracinių vienetų ir jų ribų įstatymas: savivaldybių pavadinimai "
         "(municipalities.yaml)",
         "Savivaldybės „{name}“ nėra Lietuvos savivaldybių sąraše.",
         "'{name}' is not in the list of Lithuanian municipalities.",
         "Patikrinkite pavadinimo rašybą (oficialus pavadinimas vardininku, pvz. „Birštono savivaldybė“; "
         "sąrašas: `planas reference municipalities`).",
         "Check the spelling (the official name in the nominative, e.g. 'Birštono savivaldybė'; the list: "
         "`planas reference municipalities`)."),
    Rule("E0314", E, f"{_FORM}: skyriai, skirsniai ir priedai (form_layouts.yaml)",
         "Plano formoje nėra skyriaus, skirsnio ar priedo „{ref}“.",
         "The plan form has no chapter, section or annex '{ref}'.",
         "document.headings raktas – skirsnio ar priedo identifikatorius arba skyriaus numeris: {known}.",
         "A document.headings key is a section or annex id or a chapter number: {known}."),
    Rule("W0315", W, "Socialinių paslaugų katalogas (A1-93): paslaugos gavėjai; amžiaus grupės – plausibility.yaml",
         "Paslauga „{service}“ kataloge skirta tik {family}, o nurodyta grupė „{group}“ – {group_family}.",
         "Service '{service}' is for {family_en} only in the catalogue, but group '{group}' is {group_family_en}.",
         "Patikrinkite paslaugos kodą arba gavėjų grupę (pvz., senyvo amžiaus asmenims – dienos socialinė globa, "
         "ne vaikų dienos socialinė priežiūra); jei paslauga tikrai teikiama šiai grupei, pripažinkite įspėjimą "
         "(acknowledged) su priežastimi.",
         "Check the service code or the target group (e.g. day care for the elderly, not children's day care); "
         "if the service is really given to this group, acknowledge the warning with a reason."),
    Rule("W0316", W, "SPĮ 14 str. 5 d. 6 p. (skelbiami teikėjai, jų paslaugos ir vietos)",
         "Teikėjas „{ref}“ neturi nė vienos paslaugos (services).", "Provider '{ref}' lists no services.",
         "Nurodykite teikėjo paslaugas (ir vietas) arba pašalinkite teikėją, jei jis paslaugų nebeteikia.",
         "List the provider's services (and places), or remove the provider if it no longer provides any."),
    Rule("E0320", E, f"{_FORM}: priemonės susiejamos su tikslais ar prioritetinėmis kryptimis",
         "Priemonė „{ref}“ nesusieta nei su tikslu, nei su prioritetine kryptimi.",
         "Measure '{ref}' is linked to neither a goal nor a priority direction.",
         "Įrašykite goal (introduction.goals), priority (introduction.priorities) arba abu.",
         "Add goal (introduction.goals), priority (introduction.priorities), or both."),
    Rule("E0321", E, f"{_FORM}: priemonių įvykdymo terminai", "Netinkamas terminas „{value}“.",
         "Invalid deadline '{value}'.",
         "Terminą rašykite data (2023-12-31), ketvirčiu (2023-Q4) arba metais (2023).",
         "Write the deadline as a date (2023-12-31), a quarter (2023-Q4) or a year (2023)."),
    Rule("W0322", W, f"{_FORM}: priemonių įvykdymo terminai (daugiametės priemonės)",
         "Priemonės „{ref}“ terminas ({deadline}) yra po plano metų ({plan_year}).",
         "Measure '{ref}' has its deadline ({deadline}) after the plan year ({plan_year}).",
         "Daugiametė priemonė gali baigtis vėliau: tuomet plano metų darbus ir rodiklius aprašykite šiame plane, "
         "o priemonę kartokite kitų metų plane; kitaip patikrinkite terminą.",
         "A multi-year measure may end later: then describe this year's work and indicators here and carry the "
         "measure into next year's plan; otherwise check the deadline."),
    Rule("E0323", E, f"{_FORM}, 4 skirsnis: rodiklis su matavimo vienetu",
         "Savo rodiklis „{ref}“ neturi matavimo vieneto.", "Own indicator '{ref}' has no unit.",
         "Įrašykite unit, pvz. „asm.“, „šeimų“, „proc.“ (žinyno rodikliai jį turi: `planas reference indicators`).",
         "Add unit, e.g. 'asm.', 'šeimų', 'proc.' (listed indicators have one: `planas reference indicators`)."),
    # --- the form and a plan's own sections ----------------------------------------------------
    Rule("E1501", E, f"{_FORM}: plano papildomi skirsniai (sections)",
         "Skirsnis „{ref}“, po kurio ar kurio dalimi turi būti „{section}“, nerastas.",
         "Section '{ref}', which '{section}' is placed after or within, does not exist.",
         "Nurodykite formos ar ankstesnio papildomo skirsnio identifikatorių: {known}.",
         "Name a section of the form or an earlier added section: {known}."),
    Rule("E1502", E, f"{_FORM}: plano papildomi skirsniai (sections)",
         "Skirsnio „{ref}“ vieta nenurodyta vienareikšmiškai ({detail}).",
         "The place of section '{ref}' is not given unambiguously ({detail}).",
         "Įrašykite vieną iš dviejų: after (skirsnis eina po nurodyto) arba within (nurodyto skirsnio dalis).",
         "Give exactly one of: after (the section follows that one) or within (it is a part of that one)."),
    Rule("E1503", E, f"{_FORM}: skyriai, skirsniai ir priedai (form_layouts.yaml)",
         "Skirsnio identifikatorius „{ref}“ jau yra plano formoje.",
         "Section id '{ref}' is already a section of the plan form.",
         "Pasirinkite kitą identifikatorių; formos skirsnio antraštę keiskite document.headings.",
         "Choose another id; to rename a form section use document.headings."),
    Rule("E1504", E, f"{_FORM}: plano papildomi skirsniai (sections)",
         "Skirsnis „{section}“ negali būti poskirsnio „{ref}“ dalis.",
         "Section '{section}' cannot be a part of the sub-section '{ref}'.",
         "Poskirsniai turi tik vieną lygį: within nurodykite skirsnį, ne poskirsnį (arba naudokite after).",
         "Sub-sections have one level: name a section in within, not a sub-section (or use after)."),
    Rule("E1505", E, f"{_FORM}: papildomų skirsnių lentelės",
         "Lentelės eilutėje yra raktas „{key}“, o tokio stulpelio nėra.",
         "A table row has the key '{key}', which is not a column.",
         "Stulpeliai: {known}. Pataisykite raktą arba pridėkite stulpelį į columns.",
         "Columns: {known}. Correct the key or add the column to columns."),
    Rule("E1506", E, f"{_FORM}: papildomų skirsnių lentelės",
         "Stulpelio „{column}“ ({type}) reikšmė „{value}“ netinka.",
         "Value '{value}' does not fit column '{column}' ({type}).",
         "Stulpelio tipas {type}: {expected}.", "The column's type is {type}: {expected_en}."),
    Rule("E1507", E, "planas duomenų schema: patvirtinimas (metadata.approval)",
         "Laukas approval.note nebenaudojamas: jis buvo spausdinamas dokumente kaip viešas tekstas.",
         "The field approval.note is no longer used: it was printed in the document as public text.",
         "Viešą tekstą rašykite approval.text, vidinę pastabą – approval.comment (nespausdinama); "
         "iliustraciniam sprendimui – approval.illustrative: true.",
         "Put public text in approval.text and an internal remark in approval.comment (never printed); "
         "for an illustrative decision, approval.illustrative: true."),
    Rule("E1508", E, _YAML, "Raktas „{key}“ atsirado iš kablelio reikšmėje {{ }} skliaustuose.",
         "The key '{key}' comes from a comma inside a value in {{ }} braces.",
         "Reikšmę su kableliu rašykite kabutėse, pvz. {{{previous}: \"{value}, {key}\"}}.",
         "Quote a value that holds a comma, e.g. {{{previous}: \"{value}, {key}\"}}."),
    Rule("E1510", E, "planas: saugyklos vietinis žinynas (.planas.yaml: reference)",
         "Vietinis kodas „{ref}“ jau yra planas žinyne ({kind}).",
         "The local code '{ref}' already exists in planas's reference data ({kind}).",
         "Naudokite žinyno kodą arba pasirinkite kitą vietinį kodą (žinyno kodai: `planas reference {kind}`).",
         "Use the listed code or choose another local code (listed codes: `planas reference {kind}`)."),
    Rule("E1511", E, "planas: saugyklos vietinis žinynas (.planas.yaml: reference)",
         "Vietinio žinyno failas netinka: {detail}.", "The local reference file is not valid: {detail}.",
         "Failo sandara tokia pati kaip planas žinyno (pvz. groups: - {{id, name_lt, name_en}}); "
         "žr. README „Vietinis žinynas“.",
         "The file has the shape of planas's own data (e.g. groups: - {{id, name_lt, name_en}}); "
         "see README 'Local reference data'."),
    # --- totals and numbers --------------------------------------------------------------
    Rule("E0401", E, f"{_FORM}, 7 skirsnis: sumos turi sutapti", "Nurodyta suma {stated} Eur nesutampa su šaltinių suma {computed} Eur.",
         "The stated total {stated} EUR differs from the sum of sources {computed} EUR.",
         "Pataisykite sumą arba šaltinius (skirtumas {difference} Eur).",
         "Correct the total or the sources (difference {difference} EUR)."),
    Rule("E0402", E, f"{_FORM}: biudžeto rodikliai", "Socialinės programos lėšos ({part} Eur) viršija viso biudžeto išlaidas ({total} Eur).",
         "The social programme ({part} EUR) exceeds the whole budget ({total} EUR).",
         "Patikrinkite, ar sumos įrašytos teisingai.", "Check both amounts."),
    Rule("W0403", W, f"{_FORM}: priemonių lėšos ir 7 skirsnio finansavimo lentelė",
         "Priemonės „{ref}“ lėšos ({measure} Eur) viršija {year} m. finansavimo lentelės planą jos paslaugoms "
         "({services}: {finance} Eur).",
         "Measure '{ref}' funding ({measure} EUR) exceeds the {year} finance table's plan for its services "
         "({services}: {finance} EUR).",
         "Patikrinkite, ar suma perrašyta teisingai (skaitmenys, metai, paslauga); jei priemonė finansuojama ir "
         "lėšomis, kurių lentelėje nėra (pvz., investicijos), pripažinkite įspėjimą su priežastimi.",
         "Check that the amount was copied right (digits, year, service); if the measure is also funded from money "
         "the table does not show (e.g. investment), acknowledge the warning with a reason."),
    Rule("W0404", W, f"{_FORM}: biudžeto rodikliai ir 7 skirsnio finansavimas",
         "{year} m. paslaugų lėšos iš savivaldybės biudžeto ir valstybės dotacijų (SB ir VBD: {services} Eur) "
         "viršija socialinės programos lėšas ({programme} Eur).",
         "The {year} services' funds from the municipal budget and state grants (SB and VBD: {services} EUR) "
         "exceed the social programme ({programme} EUR).",
         "Socialinės programos lėšos paprastai apima paslaugų lėšas; patikrinkite sumas ir metus, o jei dalis "
         "paslaugų finansuojama iš kitų programų, pripažinkite įspėjimą su priežastimi.",
         "The social programme usually includes the services' funds; check the amounts and years, and if some "
         "services are funded from other programmes, acknowledge the warning with a reason."),
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
    Rule("W0505", W, "Metodika 1132: planas rengiamas metams, faktas – praėjusių metų duomenys",
         "{year} m. lėšos pažymėtos kaip faktas, nors tai plano metai: faktas žinomas tik jiems pasibaigus.",
         "The {year} funds are marked as facts, but it is the plan year: facts are known only after it ends.",
         "Plano metų lėšoms rašykite kind: planas; faktas įrašomas kitų metų plane.",
         "Write kind: planas for the plan year's funds; the facts go into next year's plan."),
    Rule("W0506", W, f"{_FORM}, 7 skirsnis: praėjusių metų faktas",
         "{year} m. (praėję metai) lėšos nurodytos tik kaip planas (kind: planas), be fakto.",
         "The {year} funds (a past year) are given only as a plan (kind: planas), without the facts.",
         "Įrašykite tų metų faktines lėšas (kind: faktas); planą galima palikti šalia palyginimui.",
         "Add that year's actual funds (kind: faktas); the plan may stay beside them for comparison."),
    Rule("W0507", W, f"{_FORM}, priemonių planas: priemonės vykdomos plano metais",
         "Priemonės „{ref}“ terminas {date} yra anksčiau nei plano metai ({year}).",
         "Measure '{ref}' has its deadline {date} before the plan year ({year}).",
         "Patikrinkite terminą (ar neliko iš praėjusių metų plano?); įvykdytos praėjusių metų priemonės "
         "aprašomos įgyvendinimo ataskaitoje.",
         "Check the deadline (left over from last year's plan?); last year's completed measures belong in the "
         "implementation report."),
    Rule("E0508", E, "planas: datos negali būti vėlesnės nei plano metai",
         "Data {date} vėlesnė nei plano metai ({year}): {what} negali būti iš ateities.",
         "Date {date} is after the plan year ({year}): {what_en} cannot be from the future.",
         "Patikrinkite datos metus (pvz., 2066 vietoj 2006).", "Check the date's year (e.g. 2066 for 2006)."),
    Rule("W0509", W, "planas new: kitų metų projektas iš šių metų plano",
         "Tekste liko {year} m. paminėjimas („{excerpt}“) – {new_year} m. plane gal reikia {suggested} m.?",
         "The text still mentions {year} ('{excerpt}') – should the {new_year} plan say {suggested}?",
         "Perskaitykite sakinį: praėjusių metų plano tekstą atnaujinkite, istoriniai faktai gali likti.",
         "Read the sentence: update last year's wording; historical facts may stay."),
    # --- funding (art. 42) -----------------------------------------------------------------
    Rule("W0601", W, "SPĮ 42 str. (2024 m. redakcija): taikoma 2025 m. ir vėlesnių metų planams",
         "Šaltinis {source} neįvardytas tarp leidžiamų paslaugai „{service}“ ({category}): {allowed} ({rule}).",
         "Source {source} is not among those allowed for '{service}' ({category}): {allowed} ({rule}).",
         "Patikrinkite finansavimo šaltinį; jei jis teisingas (pvz., projekto lėšos), pripažinkite įspėjimą "
         "plane (acknowledged: code, path, reason).",
         "Check the funding source; if it is right (e.g. project money), acknowledge the warning in the plan "
         "(acknowledged: code, path, reason)."),
    Rule("W0602", W, "SPĮ 37 str., 38 str. 1 d. (2024 m. redakcija; nemokamos paslaugos): taikoma 2025 m. ir "
         "vėlesnių metų planams",
         "Paslauga „{service}“ teikiama nemokamai, bet nurodyti gavėjų mokėjimai (GM).",
         "Service '{service}' is free of charge, but recipients' payments (GM) are given.",
         "Patikrinkite paslaugą ir GM; jei mokėjimai teisėti (pvz., už maitinimą), pripažinkite įspėjimą su "
         "priežastimi.",
         "Check the service and GM; if the payments are lawful (e.g. for meals), acknowledge the warning with a "
         "reason."),
    # --- measures ---------------------------------------------------------------------------
    Rule("E0701", E, f"{_FORM}, priemonių planas: rodiklis su matavimo vienetu", "Rodiklis „{ref}“ neturi matavimo vieneto.",
         "Indicator '{ref}' has no unit.", "Įrašykite unit, pvz. „asm.“, „vnt.“, „proc.“.",
         "Add unit, e.g. 'asm.', 'vnt.', 'proc.'."),
    Rule("E0702", E, f"{_FORM}, priemonių planas: rodiklis su siektina reikšme", "Rodiklis „{ref}“ neturi siektinos reikšmės.",
         "Indicator '{ref}' has no target.", "Įrašykite target.", "Add a target."),
    Rule("W0703", W, f"{_FORM}: kiekvienas tikslas įgyvendinamas priemonėmis",
         "Tikslui „{ref}“ nenumatyta nė viena priemonė.", "Goal '{ref}' has no measure.",
         "Susiekite priemonę su šiuo tikslu (goal: {ref}) arba pašalinkite tikslą.",
         "Link a measure to this goal (goal: {ref}) or remove the goal."),
    # --- completeness (stricter for approved plans) ----------------------------------------
    Rule("C0801", E, "Metodika 1132 33 p.; nuo 2025 m. SPĮ 14 str. 2 d. 1 p.: planą tvirtina savivaldybės taryba", "Patvirtintame plane trūksta tarybos sprendimo {what}.",
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
    Rule("X1002", W, "Metodika 1132: plano įgyvendinimo ataskaita",
         "{year} m. plano ({old_file}) rodiklis „{ref}“ turi siektiną reikšmę {target}, bet pasiekta reikšmė "
         "(actual) neįrašyta.",
         "The {year} plan's ({old_file}) indicator '{ref}' has a target {target} but no actual.",
         "Pasiektą reikšmę įrašykite šio plano pradine reikšme (baseline) arba įgyvendinimo ataskaitoje; radinys "
         "priskiriamas naujesniam planui, kad patvirtintas planas liktų nepakeistas.",
         "Give the achieved value as this plan's baseline or in the implementation report; the finding belongs to "
         "the newer plan, so that the approved plan stays as it is."),
    Rule("X1003", W, "planas: metų palyginimas", "{what} pasikeitė {change} proc. ({old} → {new}) be paaiškinimo.",
         "{what} changed by {change} % ({old} → {new}) without a note.",
         "Patikrinkite skaičių arba įrašykite pastabą (note), kodėl jis taip pasikeitė.",
         "Check the figure or add a note explaining the change."),
    # --- a repository of plans (planas check) ------------------------------------------------
    Rule("W1601", W, "planas init: saugyklos schemos kopija",
         "Schemos kopija {file} neatitinka šios planas versijos ({version}) schemos.",
         "The schema copy {file} does not match the schema of this planas ({version}).",
         "Atnaujinkite ją: planas schema -o {file} (redaktoriai tikrina planus pagal šią kopiją).",
         "Update it: planas schema -o {file} (editors check plans against this copy)."),
    # --- plausibility (plausibility.yaml: planas's own bounds, not an act) ------------------------
    Rule("W1401", W, "planas: tikėtinumas – reikšmė palyginama su jos istorija (plausibility.yaml)",
         "{what}: {value} – {ratio} karto {direction} nei {other_year} ({other}).",
         "{what_en}: {value} is {ratio} times {direction_en} than in {other_year_en} ({other}).",
         "Patikrinkite, ar skaičius neperrašytas iš kitos lentelės (lėšos vietoj gavėjų ar atvirkščiai) ir ar "
         "nepridėta ar nepraleista skaitmenų; jei jis teisingas, pripažinkite įspėjimą su priežastimi.",
         "Check that the figure was not copied from another table (money for recipients or the reverse) and that "
         "no digits were added or lost; if it is right, acknowledge the warning with a reason."),
    Rule("W1402", W, "planas: tikėtinumas – gavėjai ir vietos (vietos apyvarta pagal paslaugą, plausibility.yaml)",
         "{what}: {value} gavėjų {year} m., o vietų – {places}; viena vieta per metus paprastai aptarnauja ne "
         "daugiau kaip {turnover} asm. (iš viso iki {capacity}).",
         "{what}: {value} recipients in {year} for {places} places; a place usually serves at most {turnover} "
         "persons a year (up to {capacity} in all).",
         "Patikrinkite gavėjų ir vietų skaičius (ar ne lėšos, ar ne kitos paslaugos eilutė); jei vietų kaita iš "
         "tiesų didesnė, pripažinkite įspėjimą su priežastimi.",
         "Check the recipients and the places (money? another service's row?); if the places really turn over "
         "faster, acknowledge the warning with a reason."),
    Rule("W1403", W, "planas: tikėtinumas – palyginimas su gyventojų skaičiumi",
         "{what}: {value} – daugiau nei savivaldybėje gyventojų ({population}, {year} m.).",
         "{what}: {value} is more than the municipality's residents ({population}, {year}).",
         "Patikrinkite skaičių (ar ne lėšos, ar ne paslaugų gavimo atvejai); jei paslauga teikiama ir kitų "
         "savivaldybių gyventojams, pripažinkite įspėjimą su priežastimi.",
         "Check the figure (money? service uses?); if the service also serves other municipalities' residents, "
         "acknowledge the warning with a reason."),
    Rule("E1404", E, "Rodiklių apibrėžtys (indicators.yaml): dalis negali viršyti visumos (plausibility.yaml)",
         "{part_title} ({part}) daugiau nei {whole_title} ({whole}) {year} m.: dalis negali viršyti visumos.",
         "{part_title} ({part}) exceeds {whole_title} ({whole}) in {year}: a part cannot exceed its whole.",
         "Patikrinkite abu skaičius ir jų metus (ar reikšmės neįrašytos ne į tą eilutę).",
         "Check both figures and their years (were the values typed into the wrong row?)."),
    Rule("W1405", W, "SPĮ 14 str. 5 d. 6 p. (skelbiamos kainos); tikėtinumo ribos – plausibility.yaml",
         "Kaina {amount} {unit} neįtikima (tokiam vienetui paprastai ne daugiau kaip {limit}).",
         "The price {amount} {unit} is implausible (at most {limit} is usual for this unit).",
         "Patikrinkite kainą ir vienetą (gal įrašyta metinė suma ar paslaugos lėšos?).",
         "Check the price and its unit (a yearly sum or the service's funds?)."),
    Rule("W1406", W, "Metodika 1132: rodikliai; tikėtinumas – reikšmė palyginama su pradine (plausibility.yaml)",
         "Rodiklio „{ref}“ siektina reikšmė {target} – {ratio} karto didesnė nei pradinė ({baseline}).",
         "Indicator '{ref}' target {target} is {ratio} times its baseline ({baseline}).",
         "Patikrinkite siektiną reikšmę (ar ne lėšos, ar nepridėta skaitmenų); jei tikslas toks ir yra, "
         "pripažinkite įspėjimą su priežastimi.",
         "Check the target (money? extra digits?); if the target really is that, acknowledge the warning with a "
         "reason."),
    Rule("W1407", W, "planas: tikėtinumas – dalis procentais",
         "Rodiklio „{ref}“ {field} {value} proc. – daugiau nei 100 proc.",
         "Indicator '{ref}' {field_en} {value} % is more than 100 %.",
         "Dalis negali viršyti 100 proc.; jei tai pokytis, ne dalis, pripažinkite įspėjimą arba pakeiskite "
         "matavimo vienetą.",
         "A share cannot exceed 100 %; if this is a change, not a share, acknowledge the warning or change the "
         "unit."),
    Rule("W1408", W, "planas: tikėtinumas – laukiančiųjų eilė ir gavėjai (plausibility.yaml)",
         "{what}: {year} m. laukiančiųjų {waiting}, o gavėjų tik {recipients}.",
         "{what}: {waiting} waiting in {year} against only {recipients} recipients.",
         "Patikrinkite, ar eilė neperrašyta iš kitos eilutės ar stulpelio; jei poreikis iš tiesų toks, "
         "pripažinkite įspėjimą su priežastimi.",
         "Check that the waiting list was not copied from another row or column; if the need really is that, "
         "acknowledge the warning with a reason."),
    # --- planas import: a Word plan read into a draft (family 21) ------------------------------
    Rule("E2101", E, f"{_IMPORT}: plano antraštė (SPĮ 14 str. 2 d. 1 p.: savivaldybės metų planas)",
         "Dokumente nerastas {what}: be jo projekto sudaryti negalima.",
         "The document does not show the {what}: no draft can be made without it.",
         "Patikrinkite, ar dokumento antraštėje yra savivaldybės pavadinimas ir metai (pvz. „BIRŠTONO "
         "SAVIVALDYBĖS 2021 METŲ SOCIALINIŲ PASLAUGŲ PLANAS“), arba įrašykite juos į dokumentą ir importuokite "
         "iš naujo.",
         "Check that the document's title names the municipality and the year (e.g. 'BIRŠTONO SAVIVALDYBĖS "
         "2021 METŲ SOCIALINIŲ PASLAUGŲ PLANAS'), or type them into the document and import again."),
    Rule("W2101", W, f"{_IMPORT}: sekami pakeitimai (--track-changes)",
         "Dokumente yra sekamų pakeitimų (įterpta: {insertions}, ištrinta: {deletions}, ištrintų eilučių: "
         "{rows}); importuota juos priėmus (arba atmetus su --track-changes reject).",
         "The document holds tracked changes ({insertions} insertions, {deletions} deletions, {rows} deleted "
         "rows); imported with them accepted (or rejected with --track-changes reject).",
         "Patikrinkite, ar pakeitimai turėjo būti priimti; Word programoje priimkite arba atmeskite juos ir "
         "importuokite iš naujo.",
         "Check that the changes were meant to be accepted; accept or reject them in Word and import again."),
    Rule("W2102", W, f"{_IMPORT}: Socialinių paslaugų katalogas (catalogue.yaml)",
         "Paslauga „{name}“ kataloge nerasta; eilutė perkelta į „Neimportuoti duomenys“. Artimiausios: {nearest}.",
         "The service '{name}' is not in the catalogue; the row was moved to 'Neimportuoti duomenys'. Nearest: "
         "{nearest}.",
         "Parinkite katalogo paslaugą (`planas reference services --search …`) arba aprašykite savo paslaugą "
         "saugyklos vietiniame žinyne, tada perkelkite eilutę į planą.",
         "Pick the catalogue's service (`planas reference services --search ...`) or describe a local service in "
         "the repository's local reference data, then move the row into the plan."),
    Rule("W2103", W, f"{_IMPORT}: gavėjų grupės (target_groups.yaml)",
         "Gavėjų grupė „{name}“ nerasta žinyne. Artimiausios: {nearest}.",
         "The target group '{name}' is not in the reference data. Nearest: {nearest}.",
         "Parinkite žinyno grupę (`planas reference groups`) ir įrašykite ją projekte.",
         "Pick the reference group (`planas reference groups`) and write it into the draft."),
    Rule("W2104", W, f"{_IMPORT}: „Iš viso“ eilutės tikrinamos, bet neimportuojamos",
         "„Iš viso“ eilutėje nurodyta {stated}, o eilučių suma – {computed}.",
         "The 'Iš viso' row states {stated}, the rows add up to {computed}.",
         "Patikrinkite dokumento sumas: planas sumas skaičiuoja pats, todėl eilutė neimportuota.",
         "Check the document's sums: planas computes totals itself, so the row was not imported."),
    Rule("W2105", W, f"{_IMPORT}: sumos eurais (SPĮ 41 str.)",
         "Suma „{text}“ nurodyta tūkstančiais: įrašyta {value} Eur.",
         "The amount '{text}' is given in thousands: {value} Eur written.",
         "Patikrinkite, ar tūkstančiai perskaičiuoti teisingai.", "Check that the thousands were scaled right."),
    Rule("W2106", W, f"{_IMPORT}: teikėjai (analysis.providers)",
         "Teikėjas „{name}“ nerastas teikėjų lentelėje; jis neįrašytas kaip teikėjas (žr. komentarą projekte).",
         "The provider '{name}' is not in the providers table; not linked as a provider (see the draft's comment).",
         "Įrašykite teikėją į analysis.providers ir nurodykite jo identifikatorių.",
         "Add the provider to analysis.providers and give its id."),
    Rule("W2107", W, f"{_IMPORT}: atpažinta tik pagal vietą ar spėta",
         "{what}: dokumente „{value}“ – reikšmė spėta (projekte pažymėta komentaru).",
         "{what}: '{value}' in the document – the value is a guess (marked by a comment in the draft).",
         "Patikrinkite pažymėtą reikšmę projekte ir ištaisykite ją, tada ištrinkite komentarą.",
         "Check the marked value in the draft and correct it, then delete the comment."),
    Rule("W2108", W, f"{_IMPORT}: dokumento pastabos ir išnašos",
         "Dokumento {kind}: „{text}“ – perkelta į projektą kaip komentaras (arba neprisegta prie reikšmės).",
         "The document's {kind}: '{text}' – carried into the draft as a comment (or attached to no value).",
         "Perskaitykite pastabą: jei ji svarbi, įrašykite ją į note arba comment lauką.",
         "Read the note: if it matters, write it into a note or comment field."),
    Rule("W2109", W, f"{_IMPORT}: lėšos pagal šaltinius (SPĮ 41 str. 1 d.)",
         "Lėšos „{text}“ nurodytos bendrai ({sources}): įrašyta tik bendra suma (total).",
         "The funds '{text}' are given jointly ({sources}): only the total was written.",
         "Išskirstykite sumą pagal šaltinius (funding: {{SB: …, VB: …}}).",
         "Split the sum by source (funding: {{SB: ..., VB: ...}})."),
    Rule("W2110", W, f"{_IMPORT}: skaičiuojamos lentelės",
         "Lentelė „{caption}“ apskaičiuojama iš plano duomenų (kriterijai, paslaugų aprašai, diagramos duomenys) ir "
         "neimportuojama.",
         "The table '{caption}' is computed from the plan's data (criteria, service descriptions, a chart's data) and not "
         "imported.",
         "Nieko daryti nereikia; jei reikšmės įrašytos ranka, perkelkite jas į criteria.overrides su priežastimi.",
         "Nothing to do; if values were typed by hand, move them to criteria.overrides with a reason."),
    Rule("W2111", W, f"{_IMPORT}: eilutės, kurios nėra duomenys",
         "Eilutė praleista: {role}.", "Row skipped: {role}.",
         "Patikrinkite, ar eilutėje nebuvo duomenų.", "Check that the row held no data."),
    Rule("W2112", W, f"{_IMPORT}: patvirtinimo žyma (metodikos 1132 33 p.)",
         "Dokumente yra patvirtinimo žyma; projektas įrašytas su status: projektas.",
         "The document carries an approval mark; the draft is written with status: projektas.",
         "Patvirtinus planą tarybos sprendimu, pakeiskite status į patvirtintas ir patikrinkite sprendimo duomenis.",
         "Once the council approves the plan, set status to patvirtintas and check the decision's data."),
    Rule("W2113", W, f"{_IMPORT}: priemonės terminas (data, ketvirtis ar metai)",
         "Terminas „{text}“ nėra data, ketvirtis ar metai; neįrašytas (tekstas komentare).",
         "The deadline '{text}' is not a date, quarter or year; not written (the text is in a comment).",
         "Įrašykite terminą: 2023-12-31, 2023-Q4 arba 2023.", "Write the deadline: 2023-12-31, 2023-Q4 or 2023."),
    Rule("W2114", W, f"{_IMPORT}: skaičiai, kaip juos rašo lietuviai",
         "Reikšmės „{text}“ nepavyko perskaityti kaip skaičiaus; neįrašyta.",
         "The value '{text}' could not be read as a number; not written.",
         "Įrašykite skaičių projekte ranka (pvz. 1 214 000,00 → 1214000.00).",
         "Write the number into the draft by hand (e.g. 1 214 000,00 -> 1214000.00)."),
    Rule("W2115", W, f"{_IMPORT}: lentelės pagal antraščių prasmę",
         "Lentelė „{caption}“ neatpažinta; perkelta į „Neimportuoti duomenys“ tokia, kokia buvo.",
         "The table '{caption}' was not recognised; moved to 'Neimportuoti duomenys' as it was.",
         "Perkelkite jos duomenis į plano laukus arba palikite kaip savo skirsnio lentelę.",
         "Move its data into the plan's fields, or keep it as a table of an own section."),
    Rule("W2116", W, f"{_IMPORT}: įdėtos lentelės",
         "Lentelės langelyje yra įdėta lentelė; jos turinys neimportuotas kaip duomenys.",
         "A cell of the table holds a nested table; its content was not imported as data.",
         "Patikrinkite įdėtos lentelės duomenis ir įrašykite juos ranka.",
         "Check the nested table's data and write it in by hand."),
    Rule("W2117", W, f"{_IMPORT}: tikslų skirsnio tekstas",
         "Tikslų skirsnio tekstas, kuris nėra tikslų sąrašas, perkeltas į įvado tekstą.",
         "Text of the goals section that is not the list of goals was moved to the introduction's text.",
         "Patikrinkite introduction.text.", "Check introduction.text."),
    Rule("W2119", W, f"{_IMPORT}: lentelės pagal antraščių prasmę",
         "Stulpelis „{title}“ neatpažintas; jo reikšmės perkeltos į „Neimportuoti duomenys“.",
         "The column '{title}' was not recognised; its values were moved to 'Neimportuoti duomenys'.",
         "Perkelkite reikšmes į plano laukus arba, jei jos nereikalingos, ištrinkite.",
         "Move the values into the plan's fields, or delete them if they are not needed."),
    Rule("W2118", W, f"{_IMPORT}: plano papildomi skirsniai (sections)",
         "Skirsnio „{title}“ formoje nėra: įrašytas kaip plano papildomas skirsnis su tekstu, kaip parašyta.",
         "The form has no section '{title}': written as an own section of the plan with its text as typed.",
         "Patikrinkite, ar skirsnis neatitinka formos skirsnio kitu pavadinimu (tada perkelkite tekstą).",
         "Check whether it is a form section under another title (then move its text)."),
    Rule("W2130", W, f"{_IMPORT}: priemonės vykdytojas (executor) ir partneriai (partners)",
         "Vykdytojo langelyje nurodyti {count} vykdytojai ({names}); projekte vienas vykdytojas, todėl įrašyta, "
         "kaip parašyta dokumente.",
         "The executor cell names {count} executors ({names}); a measure has one executor, so it was written as "
         "typed in the document.",
         "Palikite vykdytoju atsakingą įstaigą, kitas perkelkite į partners (partneriai).",
         "Keep the responsible body as the executor and move the others to partners."),
    Rule("W2131", W, f"{_IMPORT}: teikėjai (analysis.providers)",
         "Teikėjo langelyje nurodyti {count} teikėjai ({names}); gavėjų eilutė siejama su vienu teikėju, todėl "
         "teikėjas neįrašytas (žr. komentarą projekte).",
         "The provider cell names {count} providers ({names}); a provision row links one provider, so none was "
         "written (see the draft's comment).",
         "Nurodykite teikėją (provider) arba padalykite eilutę pagal teikėjus, jei dokumentas skaičius skiria.",
         "Give the provider (provider), or split the row by provider if the document tells the figures apart."),
    Rule("W2132", W, f"{_IMPORT}: teikėjų paslaugos (analysis.providers services)",
         "Teikėjo langelyje nurodyti {count} teikėjai ({names}): paslauga įrašyta kiekvienam iš jų, su tomis "
         "pačiomis vietomis ir kaina.",
         "The provider cell names {count} providers ({names}): the service was written for each of them, with the "
         "same places and price.",
         "Patikrinkite, ar vietos ir kaina nurodytos kiekvienam teikėjui, ar visiems kartu; jei kartu, "
         "padalykite jas.",
         "Check whether the places and price are each provider's or all of theirs together; if together, "
         "split them."),
    # --- acknowledgements (acknowledged: in the plan) ----------------------------------------
    Rule("E1301", E, "planas: pripažinti įspėjimai (acknowledged)",
         "Pripažinimas {code} [{path}] neatitinka jokio radinio.",
         "The acknowledgement {code} [{path}] matches no finding.",
         "Patikrinkite kodą ir vietą (ataskaita vietą rodo laužtiniuose skliaustuose); jei įspėjimo nebėra, "
         "pašalinkite pripažinimą (projekte jis gali laukti dar neįrašytų duomenų).",
         "Check the code and the path (reports show the path in square brackets); if the warning is gone, remove "
         "the acknowledgement.",
         draft_severity=W),  # a draft carried over by `planas new` may not have the figures the warning needs yet
    Rule("E1302", E, "planas: pripažinti įspėjimai (acknowledged)",
         "Radinys {code} [{path}] yra klaida: pripažinti galima tik įspėjimus.",
         "Finding {code} [{path}] is an error: only warnings can be acknowledged.",
         "Klaidą ištaisykite, o pripažinimą pašalinkite.", "Fix the error and remove the acknowledgement."),
    # --- the plan's web page (render --format html, site) ---------------------------------------
    Rule("W2001", W, "planas: tinklalapio nuorodų žymės (WCAG 2.1 4.1.1; id unikalūs puslapyje)",
         "Tinklalapyje žymė #{anchor} tenka ir {first}, ir {second}: antrajam duota #{anchor}-2 ir pan.",
         "On the web page the anchor #{anchor} belongs to both {first} and {second}: the second gets "
         "#{anchor}-2 and so on.",
         "Pakeiskite vieną identifikatorių, kad jie skirtųsi ne tik raidžių dydžiu ar skyrybos ženklais.",
         "Change one identifier so that they differ by more than letter case or punctuation."),
    # --- last year's implementation review (planas render --previous / --report) ------------------
    Rule("W1901", W, _REVIEW,
         "{year} m. plano priemonės {measure} rodikliui {indicator} („{name}“) neįrašyta pasiekta reikšmė.",
         "Measure {measure} of the {year} plan: indicator {indicator} ('{name}') has no achieved value.",
         "Įrašykite pasiektą reikšmę praėjusių metų plane: indicators[].actual (jei nieko nepasiekta – 0).",
         "Write the achieved value in last year's plan: indicators[].actual (0 if nothing was achieved)."),
    Rule("W1902", W, _REVIEW,
         "{year} m. plano priemonei {measure} („{title}“) įvykdymo nustatyti negalima: nėra nei rodiklio su "
         "siektina ir pasiekta reikšme, nei būsenos.",
         "Measure {measure} ('{title}') of the {year} plan: its implementation cannot be told; it has no "
         "indicator with a target and an achieved value, and no status.",
         "Įrašykite rodiklio target ir actual arba priemonės status (ivykdyta, vykdoma, neivykdyta, planuojama).",
         "Write an indicator's target and actual, or the measure's status (ivykdyta, vykdoma, neivykdyta, "
         "planuojama)."),
    # --- providers' forms (planas forms merge) ------------------------------------------------
    Rule("E1801", E, _FORMS, "Failas nėra XLSX skaičiuoklė: {detail}.", "The file is not an XLSX spreadsheet: {detail_en}.",
         "Grąžinkite užpildytą formą tuo pačiu .xlsx formatu (ne .xls, .ods, .pdf ar nuotrauka).",
         "Return the filled form in the same .xlsx format (not .xls, .ods, .pdf or a picture)."),
    Rule("E1802", E, _FORMS, "Failas tuščias.", "The file is empty.",
         "Paprašykite teikėjo atsiųsti užpildytą formą dar kartą.", "Ask the provider to send the filled form again."),
    Rule("E1803", E, _FORMS, "XLSX failas neįprastas ir neatidaromas: {detail}.",
         "The XLSX file is unusual and is not opened: {detail_en}.",
         "Tikra forma užima keliasdešimt KB; paprašykite teikėjo atsiųsti formą iš naujo (gal tai ne ta forma).",
         "A real form is a few dozen KB; ask the provider to send the form again (it may be another file)."),
    Rule("E1804", E, _FORMS, "Tai ne planas teikėjo forma: {detail}.", "This is not a planas provider form: {detail_en}.",
         "Naudokite formas, kurias parengė `planas forms`; teikėjo savo lentelės duomenis perkelkite į tokią formą.",
         "Use the forms `planas forms` wrote; copy a provider's own table into such a form."),
    Rule("E1805", E, _FORMS, "Forma parengta kitam planui: {form_plan}, o sujungiama į {plan}.",
         "The form was made for another plan: {form_plan}, merged into {plan}.",
         "Sujunkite formą su tuo planu, kuriam ji parengta, arba išsiųskite šių metų formas (`planas forms`).",
         "Merge the form into the plan it was made for, or send this year's forms (`planas forms`)."),
    Rule("E1806", E, _FORMS, "Formos versija {version} nepalaikoma (ši planas versija skaito {expected} versiją).",
         "Form version {version} is not supported (this planas reads version {expected}).",
         "Parenkite formas iš naujo su šia planas versija (`planas forms`).",
         "Make the forms again with this planas (`planas forms`)."),
    Rule("E1807", E, _FORMS, "Formos teikėjo „{ref}“ plane nėra.", "The form's provider '{ref}' is not in the plan.",
         "Gal teikėjas plane pervadintas ar pašalintas? Patikrinkite analysis.providers arba parenkite formas iš naujo.",
         "Was the provider renamed or removed in the plan? Check analysis.providers or make the forms again."),
    Rule("E1808", E, _FORMS, "Nėra lapo „{sheet}“ (lapas pervadintas ar pašalintas?).",
         "The sheet '{sheet}' is missing (renamed or removed?).",
         "Grąžinkite lapui pavadinimą „{sheet}“ arba perkelkite atsakymus į naują formą.",
         "Give the sheet back its name '{sheet}', or copy the answers into a fresh form."),
    Rule("E1809", E, _FORMS, "Antraštė „{found}“ ne vietoje: čia turi būti „{expected}“ (stulpelis ar eilutė perkelti?).",
         "The header '{found}' is out of place: '{expected}' belongs here (a column or row moved?).",
         "Grąžinkite stulpelius ir eilutes į jų vietas; atsakymai skaitomi pagal vietą.",
         "Put columns and rows back in place; answers are read by position."),
    Rule("E1810", E, _FORMS, "Langelyje formulė ({formula}); forma priima tik reikšmes.",
         "The cell holds a formula ({formula}); the form takes values only.",
         "Įrašykite apskaičiuotą reikšmę (kopijuoti – „įklijuoti tik reikšmes“).",
         "Write the computed value (copy, then 'paste values only')."),
    Rule("E1811", E, _FORMS, "Sujungti langeliai {range}.", "Merged cells {range}.",
         "Atskirkite langelius: kiekvienas atsakymas – savo langelyje.", "Unmerge the cells: each answer in its own cell."),
    Rule("E1812", E, _FORMS, "„{value}“ – ne {expected}.", "'{value}' is not {expected_en}.",
         "Įrašykite tik skaičių, be teksto ir vienetų (pvz. 12, ne „12 asm.“).",
         "Write the number alone, without text or units (e.g. 12, not '12 persons')."),
    Rule("E1813", E, _FORMS, "„{value}“ – ne suma eurais (neneigiama, ne daugiau kaip 2 skaitmenys po kablelio).",
         "'{value}' is not an amount in euros (non-negative, at most 2 decimals).",
         "Įrašykite sumą, pvz. 5.20; be „Eur“ ir be tarpų.", "Write the amount, e.g. 5.20; without 'Eur' or spaces."),
    Rule("E1814", E, _FORMS, "„{value}“ – ne data.", "'{value}' is not a date.",
         "Įrašykite datą, pvz. 2016-05-10.", "Write a date, e.g. 2016-05-10."),
    Rule("E1815", E, _FORMS, "„{value}“ nėra sąraše ({kind}).", "'{value}' is not in the list ({kind_en}).",
         "Pasirinkite reikšmę iš langelio sąrašo ({where}).",
         "Choose a value from the cell's list ({where_en})."),
    Rule("E1816", E, "SPĮ 14 str.; socialinių paslaugų katalogas (plano metų redakcija)",
         "Paslauga „{value}“ nebeteikiama pagal {year} m. katalogą.",
         "The service '{value}' is not in the {year} catalogue.",
         "Pasirinkite atitinkamą šių metų katalogo paslaugą iš sąrašo.",
         "Choose the matching service of this year's catalogue from the list."),
    Rule("E1817", E, _FORMS, "Neužpildytas privalomas laukas „{field}“.", "The required field '{field}' is empty.",
         "Įrašykite reikšmę (privalomi laukai pažymėti *; paslaugos eilutėje – paslauga).",
         "Fill it in (required fields are marked *; on a service row, the service)."),
    Rule("E1818", E, _FORMS, "Paslauga „{service}“ grupei „{group}“ jau įrašyta {other} eilutėje.",
         "The service '{service}' for the group '{group}' is already on row {other}.",
         "Palikite vieną eilutę vienai paslaugai ir gavėjų grupei (skaičius sudėkite).",
         "Keep one row per service and target group (add the figures up)."),
    Rule("E1819", E, _FORMS, "Paslaugos „{service}“ {what} {other} eilutėje yra {first}, čia – {value}.",
         "The service '{service}' has {what_en} {first} on row {other} and {value} here.",
         "Vietos, lankytojai per dieną ir kaina priklauso paslaugai: visose jos eilutėse įrašykite tą pačią "
         "reikšmę (arba palikite tuščią).",
         "Places, daily visitors and the price belong to the service: write the same value on each of its rows "
         "(or leave them empty)."),
    Rule("E1820", E, _FORMS, "Paslaugos „{service}“ kaina be vieneto.", "The service '{service}' has a price without a unit.",
         "Įrašykite kainos vienetą, pvz. Eur/val., Eur/mėn.", "Write the price's unit, e.g. Eur/val., Eur/mėn."),
    Rule("E1821", E, _FORMS, "Gavėjų skaičiai be gavėjų grupės.", "Recipient figures without a target group.",
         "Pasirinkite gavėjų grupę: gavėjai skaičiuojami paslaugai ir grupei.",
         "Choose the target group: recipients are counted per service and group."),
    Rule("E1822", E, _FORMS, "Teikėjo „{ref}“ forma pateikta du kartus (taip pat {other}).",
         "The provider '{ref}' has two forms (also {other}).",
         "Sujunkite vieną galutinę formą.", "Merge one final form."),
    Rule("W1830", W, _FORMS, "Eilutės paslaugai „{service}“ grupei „{group}“ formoje nebėra; plane ji lieka.",
         "The row of '{service}' for '{group}' is gone from the form; the plan keeps it.",
         "Jei teikėjas paslaugos nebeteikia, pašalinkite ją plane patys; forma nieko neištrina.",
         "If the provider no longer gives the service, remove it from the plan yourself; a form deletes nothing."),
    Rule("W1831", W, _FORMS, "Teikėjas nurodė projektą „{title}“: plane projektų skyriaus nėra, jis neperkeltas.",
         "The provider gives the project '{title}': the plan has no projects part, it is not copied.",
         "Perskaitykite projektą formoje ir, jei reikia, aprašykite jį plano tekste ar priemonėse.",
         "Read the project in the form and, if need be, describe it in the plan's text or measures."),
    Rule("W1832", W, _FORMS, "Teikėjo pasiūlymas: „{excerpt}“ – planas jo neperkelia.",
         "The provider's proposal: '{excerpt}' – planas does not copy it.",
         "Perskaitykite pasiūlymą ir nuspręskite, ar jis keičia planą (pvz. nauja priemonė).",
         "Read the proposal and decide whether it changes the plan (e.g. a new measure)."),
    Rule("W1833", W, _FORMS, "Reikšmė „{value}“ ne atsakymų langelyje: neskaitoma.",
         "The value '{value}' is outside the answer cells: it is not read.",
         "Perkelkite ją į atsakymo langelį (geltoną) arba į lapą „Pasiūlymai“.",
         "Move it into an answer cell (yellow) or to the sheet 'Pasiūlymai'."),
    # --- the 2025+ regime (family 17: SPĮ 2024 m. redakcija, įsakymas A1-368) ---------------------
    Rule("E1701", E, "SPĮ 14 str. 4 d. 1 p. (gyventojų socialinių paslaugų poreikių vertinimas ir analizė)",
         "Nėra gyventojų socialinių paslaugų poreikių vertinimo ({path}).",
         "The residents' needs assessment is missing ({path}).",
         "Įrašykite vertinimo metodus, laikotarpį ir išvadas (analysis.needs_assessment).",
         "Write the assessment's methods, period and findings (analysis.needs_assessment).", draft_severity=W),
    Rule("E1702", E, "A1-368 4.1 p. (veiksniai, turintys įtakos gyventojų socialinių paslaugų poreikiams)",
         "Nenurodyti socialinių paslaugų poreikius lemiantys veiksniai ({path}).",
         "The factors behind the needs for social services are missing ({path}).",
         "Įrašykite veiksnius ir jų poveikį (analysis.need_factors.items).",
         "List the factors and their effect (analysis.need_factors.items).", draft_severity=W),
    Rule("E1703", E, "A1-368 2 p. (planuojamos ir paslaugos, kurių reikia gyventojams)",
         "Nenurodytas nepatenkintas socialinių paslaugų poreikis ({path}).",
         "The unmet need for social services is missing ({path}).",
         "Įrašykite paslaugas, kurių reikia, bet niekas neteikia (items), arba tekstą, kad tokių nėra (text).",
         "List the services needed that nobody provides (items), or state in text that there are none.",
         draft_severity=W),
    Rule("E1704", E, "A1-368 4.1 p.; SPĮ 14 str. 3 d. 2 p. (lėšų suma, reikalinga socialinėms paslaugoms finansuoti)",
         "Nenurodytas lėšų, reikalingų socialinėms paslaugoms finansuoti, poreikis ({path}).",
         "The amount of money social services need is missing ({path}).",
         "Įrašykite lėšų poreikį ir skirtas lėšas pagal šaltinius (analysis.funding_need.items).",
         "Write the money needed and allocated by source (analysis.funding_need.items).", draft_severity=W),
    Rule("E1705", E, "SPĮ 14 str. 3 d. 1 p. (prognozė pagal socialinių paslaugų išvystymo normatyvus)",
         "Nėra prognozės, palygintos su socialinių paslaugų išvystymo normatyvais ({path}).",
         "The forecast against the development norms is missing ({path}).",
         "Įrašykite normatyvus, jų reikšmes, esamą ir planuojamą reikšmę (analysis.development_norms.items).",
         "Write the norms, their values, the actual and the planned figure (analysis.development_norms.items).",
         draft_severity=W),
    Rule("E1706", E, "A1-368 4.2 p. (asmenų priklausomumo (savarankiškumo netekimo) prevencija)",
         "Neaprašyta asmenų priklausomumo (savarankiškumo netekimo) prevencija ({path}).",
         "Dependency (loss of autonomy) prevention is not described ({path}).",
         "Aprašykite prevenciją ir nurodykite jai skirtas priemones (action_plan.dependency_prevention).",
         "Describe the prevention and name its measures (action_plan.dependency_prevention).", draft_severity=W),
    Rule("W1707", W, "SPĮ 14 str. 3 d. 3 p. (priemonės, numatytos savivaldybės strateginiame plėtros plane)",
         "Priemonė {ref} nesusieta su savivaldybės strateginio plėtros plano priemone (svp_code).",
         "Measure {ref} is not linked to a measure of the strategic development plan (svp_code).",
         "Įrašykite svp_code – strateginio plėtros ar veiklos plano priemonės kodą.",
         "Add svp_code, the code of the strategic development or operational plan's measure."),
    Rule("W1708", W, "SPĮ 8 str. 2 d.; 10 str. 2 d. (2024 m. redakcija: paslauga perkelta į kitą rūšį)",
         "Paslauga {service} nurodyta kaip {stated}, bet pagal 2024 m. įstatymą ji yra {expected} ({clause}).",
         "Service {service} is given as {stated}, but under the 2024 law it is {expected} ({clause}).",
         "Įrašykite category: {expected} arba pašalinkite category (rūšis nustatoma pagal katalogą).",
         "Write category: {expected}, or remove category (the catalogue gives it)."),
    Rule("E1709", E, "SPĮ 14 str. 4 d. 2 p. (laikino atokvėpio paslauga akredituojama nuo 2024-07-01)",
         "Teikėjo {provider} laikino atokvėpio paslaugos akreditacijos data {date} ankstesnė nei 2024-07-01.",
         "Provider {provider}'s respite accreditation is dated {date}, before 2024-07-01.",
         "Iki 2024-07-01 akredituota tik socialinė priežiūra: pataisykite datą arba sritį (area: socialine_prieziura).",
         "Before 2024-07-01 only supervision was accredited: correct the date or the area."),
    Rule("E1710", E, "Laikino atokvėpio paslaugos teikimo formos (categories.yaml respite_forms; nepatvirtinta)",
         "Laikino atokvėpio forma {form} nurodyta paslaugai {service}, kuri nėra laikino atokvėpio paslauga.",
         "Respite form {form} is given for service {service}, which is not respite.",
         "Formą nurodykite paslaugai laikino_atokvepio_paslauga arba pašalinkite respite_form.",
         "Give the form on the service laikino_atokvepio_paslauga, or remove respite_form."),
    Rule("W1711", W, "Plano forma pagal metus (form_layouts.yaml): blokai nuo 2025 m. (A1-368_2024)",
         "Blokas {path} priklauso 2025 m. ir vėlesnių planų formai; šio plano dokumente jis nespausdinamas.",
         "Block {path} belongs to the form of plans for 2025 and later; this plan's document does not print it.",
         "Perkelkite turinį į papildomą skirsnį (sections) arba pašalinkite bloką.",
         "Move the content into an own section (sections), or remove the block."),
    Rule("E1712", E, "A1-368 4.2 p. (priklausomumo prevencijos priemonės)",
         "Priklausomumo prevencijoje nurodyta priemonė {ref}, kurios nėra priemonių plane (žinomos: {known}).",
         "Dependency prevention names measure {ref}, which is not in the action plan (known: {known}).",
         "Pataisykite priemonės identifikatorių (action_plan.measures[].id).",
         "Correct the measure's id (action_plan.measures[].id)."),
    Rule("W1713", W, "SPĮ 7–10 str. (paslaugų rūšys pagal plano metų tvarką)",
         "Paslauga {service} nurodyta kaip {stated}, bet plano metais ji yra {expected} ({clause}).",
         "Service {service} is given as {stated}, but in the plan's year it is {expected} ({clause}).",
         "Įrašykite category: {expected} arba pašalinkite category.", "Write category: {expected}, or remove it."),
    Rule("W1714", W, "A1-368 4.1 p. (lėšų poreikis plano metams)",
         "Lėšų poreikis nurodytas {year} m., o planas – {plan_year} m.",
         "The money needed is given for {year}; the plan is for {plan_year}.",
         "Įrašykite plano metų lėšų poreikį (analysis.funding_need.year).",
         "Write the need for the plan's year (analysis.funding_need.year)."),
    # --- criteria -----------------------------------------------------------------------------
    Rule("W0901", W, "Efektyvumo vertinimo kriterijai (A1-104 2 priedas; sąrašas kandidatinis)",
         "Kriterijaus {criterion} („{name}“) {years} m. apskaičiuoti negalima – trūksta duomenų: {missing}.",
         "Criterion {criterion} ('{name}') cannot be computed for {years}; missing data: {missing}.",
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
