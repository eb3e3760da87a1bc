#!/usr/bin/env python3
"""Reads a blank entry workbook written by `skm template --xlsx` with openpyxl, fills one row as an
office would (answers typed in the form's column order), and lets LibreOffice headless save sheet
"Isian" as CSV, which `skm import` then reads (the test does that part).

Prints one JSON object: sheet names, the header row, every data validation, and the CSV's path.
Usage: check_template.py TEMPLATE.xlsx OUTPUT-FOLDER 'VALUES-JSON'   (VALUES: {header: value})
"""
import json, os, shutil, subprocess, sys

import openpyxl


def main():
    template, folder, values = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    validations = [
        {"type": v.type, "sqref": str(v.sqref), "formula1": v.formula1, "formula2": v.formula2,
         "allowBlank": bool(v.allow_blank), "errorStyle": v.errorStyle or "stop"}
        for v in sheet.data_validations.dataValidation
    ]
    for name, value in values.items():
        sheet.cell(row=2, column=header.index(name) + 1, value=value)
    filled = os.path.join(folder, "terisi.xlsx")
    book.save(filled)
    soffice = shutil.which("soffice") or shutil.which("libreoffice") or "/usr/lib/libreoffice/program/soffice"
    profile = "file://" + os.path.join(folder, "lo-profile")
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", folder, filled],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=240)
    print(json.dumps({"sheets": book.sheetnames, "header": header, "validations": validations,
                      "csv": os.path.join(folder, "terisi.csv")}, ensure_ascii=False))


if __name__ == "__main__":
    main()
