"""The English of planas's help texts, for a run in English (`--lang en` or an English `LANG`).

Keyed by the Lithuanian text as `commands.py` writes it; tests/test_cli_terminal.py
requires every help text of every command to be here, so an English run's help is
English throughout.
"""

ENGLISH = {
    "Savivaldybės socialinių paslaugų planas kaip YAML: tikrinimas, dokumentai, palyginimas.":
        "A municipality's Social Services Plan as YAML: validation, documents, comparison.",
    "Parodyti versiją ir baigti.": "Show the version and exit.",
    "Savivaldybės plano Word dokumentas (.docx).": "The municipality's plan as a Word document (.docx).",
    "Kur įrašyti projektą (numatyta: šalia, plan.yaml; - – standartinė išvestis).":
        "Where to write the draft (default: beside it, plan.yaml; - for standard output).",
    "Sekamus pakeitimus priimti (accept) ar atmesti (reject).": "Accept or reject tracked changes.",
    "Įspėjimai taip pat laikomi klaidomis: projektas neįrašomas (exit 1).":
        "Treat warnings as errors too: no draft is written (exit 1).",
    "Importuoti savivaldybės Word planą į YAML projektą (status: projektas) su radiniais.":
        "Import the municipality's Word plan into a YAML draft (status: projektas), with findings.",
    "Vidinės klaidos atveju parodyti visą klaidos eigą.": "On an internal error, show the whole traceback.",
    "Rodyti tik rezultatus ir klaidas.": "Show only results and errors.",
    "Rodyti daugiau informacijos (stderr).": "Show more detail (stderr).",
    "Patikrinti planus: 0 – tinkami, 1 – rasta klaidų, 2 – nepavyko patikrinti.":
        "Validate plans: 0 valid, 1 errors found, 2 could not validate.",
    "Plano YAML failai (- – standartinė įvestis).": "Plan YAML files (- for standard input).",
    "Išvesties formatas.": "Output format.",
    "Pranešimų kalba (numatyta: pagal LANG, kitaip lt).": "Message language (default: from LANG, else lt).",
    "Įspėjimai taip pat laikomi klaidomis (exit 1).": "Treat warnings as errors too (exit 1).",
    "Praleisti YAML failus, kurie ne planai (pagal turinį; pre-commit).":
        "Skip YAML files that are no plans (by their content; pre-commit).",
    "Parengti plano dokumentą (Word, Markdown, tinklalapį arba PDF) su apskaičiuotais kriterijais.":
        "Render the plan's document (Word, Markdown, a web page or PDF) with the criteria computed.",
    "Plano YAML failas (- – standartinė įvestis).": "Plan YAML file (- for standard input).",
    "Dokumento formatas.": "Document format.",
    "Svetainės aplankas (perrašomas visas, kai kas nors pakito).":
        "The site's folder (replaced whole when anything changed).",
    "Šalia kiekvieno plano puslapio – DOCX ir PDF (tik pakitusiems).":
        "A DOCX and a PDF beside each plan's page (made only for changed plans).",
    "Parengti saugyklos planų svetainę: rodyklė, planų puslapiai, pokyčiai per metus, kriterijai.":
        "Build the repository's site: index, plan pages, year-over-year changes, criteria.",
    "Kur įrašyti (numatyta: šalia plano, plan.docx / .md / .html / .pdf; - – standartinė išvestis).":
        "Where to write (default: beside the plan, plan.docx / .md / .html / .pdf; - for standard output).",
    "Savivaldybės Word (.docx) arba Markdown šablonas: failas arba numatytojo šablono vardas "
    "(plan.docx, plan.md.j2).":
        "The municipality's Word (.docx) or Markdown template: a file, or a default template's name "
        "(plan.docx, plan.md.j2).",
    "Nieko nerašyti: exit 1, jei diske esantis dokumentas pasenęs.":
        "Write nothing: exit 1 when the document on disk is out of date.",
    "Pridėti priedą apie dokumento parengimą (programa, žinynų versijos).":
        "Add an appendix on how the document was made (program, reference data versions).",
    "Praėjusių metų planas įgyvendinimo apžvalgai (numatyta: ieškomas saugykloje pagal savivaldybę ir metus).":
        "Last year's plan, for the implementation review (default: looked up in the repository by "
        "municipality and year).",
    "Parengti tik praėjusių metų plano įgyvendinimo ataskaitą (tarybai).":
        "Render only the implementation report of last year's plan (for the council).",
    "Palyginti du planus: kas pridėta, pašalinta, pakeista (pagal identifikatorius).":
        "Compare two plans: what was added, removed, changed (matched by identifiers).",
    "Senesnis planas: failas, metai (2020), REV:KELIAS arba - (standartinė įvestis).":
        "The older plan: a file, a year (2020), REV:PATH or - (standard input).",
    "Naujesnis planas: failas, metai (2021), REV:KELIAS arba -.":
        "The newer plan: a file, a year (2021), REV:PATH or -.",
    "Planų saugykla, kai nurodomi metai.": "The plans repository, when years are given.",
    "Savivaldybė, kai saugykloje jų kelios.": "The municipality, when the repository holds several.",
    "Exit 1, kai yra skirtumų (kaip git diff).": "Exit 1 when there are differences (like git diff).",
    "Parengti kitų metų plano projektą iš šių metų plano (komentarai ir tvarka išlieka).":
        "Draft next year's plan from this year's (comments and order are kept).",
    "Naujo plano metai.": "The new plan's year.",
    "Praėjusių metų planas.": "Last year's plan.",
    "Kur įrašyti (numatyta: šalia, su naujais metais; - – standartinė išvestis).":
        "Where to write (default: beside it, with the new year; - for standard output).",
    "Perrašyti esamą failą.": "Overwrite an existing file.",
    "Patikrinti visus saugyklos planus, metų seką ir užpildymą (CI).":
        "Check every plan of a repository, the sequence of years and completeness (CI).",
    "Planų saugykla (aplankas).": "The plans repository (a folder).",
    "Išvestis ekrane.": "Output on screen.",
    "Ataskaita į failą: junit:FAILAS, sarif:FAILAS, codequality:FAILAS, json:FAILAS, md:FAILAS "
    "(FAILAS - – standartinė išvestis).":
        "A report to a file: junit:FILE, sarif:FILE, codequality:FILE, json:FILE, md:FILE "
        "(FILE - for standard output).",
    "Įspėjimai taip pat laikomi klaidomis.": "Treat warnings as errors too.",
    "Žinomų radinių failas: jie nebelaiko klaidomis.": "A file of known findings: they no longer fail.",
    "Įrašyti dabartinius radinius kaip bazinius.": "Write today's findings as the baseline.",
    "Procesų skaičius (numatyta: branduolių).": "Number of processes (default: the CPU cores).",
    "Saugyklos šaknis SARIF ir Code Quality keliams (numatyta: git šaknis).":
        "The repository root for SARIF and Code Quality paths (default: the git top level).",
    "Tikrinti visus failus iš naujo (nenaudoti išsaugotų rezultatų).":
        "Check every file again (do not use the results kept from earlier runs).",
    "Išvesti plano JSON schemą (ta pati, kaip schemas/plan.schema.json; saugykloje – su vietiniu žinynu).":
        "Print the plan's JSON Schema (as schemas/plan.schema.json; in a repository, with its local codes).",
    "Įrašyti į failą (pvz., schemas/plan.schema.json; - – standartinė išvestis).":
        "Write to a file (e.g. schemas/plan.schema.json; - for standard output).",
    "Paruošti planų saugyklą: nustatymai, schema, pre-commit, GitHub ir GitLab CI, README.":
        "Set up a plans repository: settings, schema, pre-commit, GitHub and GitLab CI, README.",
    "Planų saugyklos aplankas.": "The plans repository's folder.",
    "Perrašyti esamus failus.": "Overwrite existing files.",
    "Išvesti apvalkalo užbaigimo scenarijų, pvz.: planas completion bash > "
    "~/.local/share/bash-completion/completions/planas.":
        "Print the shell completion script, e.g.: planas completion bash > "
        "~/.local/share/bash-completion/completions/planas.",
    "Apvalkalas.": "The shell.",
    "Žinynai: paslaugos, gavėjų grupės, įstaigų tipai, rodikliai, šaltiniai, savivaldybės, taisyklės.":
        "Reference data: services, target groups, institution types, indicators, sources, municipalities, "
        "rules.",
    "Žinynas; nenurodžius – žinynų sąrašas.": "The list; without one, the lists there are.",
    "Ieškoti kode, pavadinime ir senuose pavadinimuose.": "Search codes, names and former names.",
    "Plano metai: tų metų paslaugos ir jų rūšys.": "The plan year: that year's services and their kinds.",
    "PLANAS.yaml – parengti formas; merge PLANAS.yaml FORMA.xlsx… – sujungti užpildytas formas į planą.":
        "PLAN.yaml to make the forms; merge PLAN.yaml FORM.xlsx... to merge filled forms into the plan.",
    "Aplankas, į kurį įrašyti formas (po vieną teikėjui ir tuščią naujam).":
        "The folder to write the forms to (one per provider and a blank one for a new provider).",
    "Perrašyti aplanke esamas formas.": "Overwrite forms already in the folder.",
    "merge: įrašyti pakeitimus į planą (be jo – tik peržiūra kaip diff).":
        "merge: write the changes into the plan (without it, a preview as a diff).",
    "merge: radinių išvesties formatas.": "merge: the findings' output format.",
    "Teikėjų duomenų formos (XLSX): planas forms PLANAS.yaml -o APLANKAS – parengti; planas forms merge "
    "PLANAS.yaml FORMA.xlsx… [--write] – sujungti užpildytas su planu.":
        "Providers' data forms (XLSX): planas forms PLAN.yaml -o FOLDER makes them; planas forms merge "
        "PLAN.yaml FORM.xlsx... [--write] merges the filled ones into the plan.",
}
