"""The providers' data round in spreadsheets: one XLSX form per provider out, the answers merged back.

`planas.forms.workbook` writes the forms (`build_forms`), `planas.forms.reading`
reads a filled one back into answers with located findings, and
`planas.forms.merge` applies the answers to the plan's YAML text (round trip:
comments and key order kept) and validates the result. Nothing here prints:
the command line (`planas.cli.forms`) shows what comes back.
"""
