"""The model accessibility statement (pareiškimas dėl prieinamumo) the municipality completes itself.

planas makes pages built to meet WCAG 2.1 AA and checks them with automated
tools, but only the municipality can state the conformance of its website,
after its own review: so this is a model with blanks, and never a claim.
Its structure follows the EU model statement (Commission Implementing Decision
(EU) 2018/1523); the Lithuanian wording is planas's own (unverified translation).
"""

from __future__ import annotations

STATEMENT_FILE = "PAREISKIMAS-DEL-PRIEINAMUMO.md"

STATEMENT = """\
# Pareiškimas dėl prieinamumo (pavyzdys, kurį užpildo savivaldybė)

> Tai pavyzdinis tekstas, kurį parengė programa planas. Jis nėra pareiškimas:
> savivaldybė jį papildo, patikrina savo svetainę ir paskelbia pati. planas
> neteigia, kad svetainė ar jos dokumentai atitinka prieinamumo reikalavimus.

[Savivaldybės pavadinimas] siekia, kad jos interneto svetainė [adresas] būtų
prieinama pagal Lietuvos Respublikos Vyriausybės 2003 m. balandžio 18 d.
nutarimą Nr. 480 (su 2018 m. pakeitimais, Nr. 1261), įgyvendinantį Direktyvą
(ES) 2016/2102, ir standartą EN 301 549 (WCAG 2.1 AA lygis).

Šis pareiškimas taikomas socialinių paslaugų planų skiltiai [adresas].

## Atitikties būklė

[Pasirinkite po savo vertinimo: visiškai atitinka / iš dalies atitinka / neatitinka]
reikalavimų dėl toliau išvardytų neatitikčių ir išimčių.

## Neprieinamas turinys

[Išvardykite, kas neprieinama ir kodėl: pvz., seni PDF dokumentai, paskelbti
iki 2018 m. rugsėjo 23 d.; kiekvienam – prieinama alternatyva.]

## Pareiškimo parengimas

Pareiškimas parengtas [data]. Vertinimo būdas: [savivaldybės atliktas
įsivertinimas / trečiosios šalies vertinimas]. Puslapiai tikrinti automatiniais
įrankiais (axe-core, Nu Html Checker) kuriant juos programa planas; automatinis
patikrinimas neatstoja žmogaus atlikto vertinimo.

## Grįžtamasis ryšys ir kontaktai

Pastebėję prieinamumo trūkumų, rašykite [el. paštas] arba skambinkite [telefonas].
Atsakysime per [terminas] darbo dienų.

## Įgyvendinimo tvarka

Jei atsakymas netenkina, galite kreiptis į [priežiūros institucija – įrašykite
pagal galiojančią tvarką; nepatikrinta].
"""
