#!/usr/bin/env python3
"""Checks a workbook written by `skm export --format xlsx` / `skm ikm --xlsx` with real readers.

1. openpyxl reads sheet "Data" and every response of the CSV export (same filter) is there, row for
   row: id, date, unit, service, answers (blank stays empty), profile and comment as text exactly
   (a comment starting with = stays text, never a formula), questionnaire, client id and global id
   (the columns an import recognises skm's own rows by; `idGlobal` is the last column and 32 lowercase
   hex digits, the same as the CSV export's).
2. LibreOffice headless recalculates a copy whose formula results were removed, and every formula's
   value equals the value skm wrote beside it / as its result, to display precision (2 decimals,
   half away from zero) for numbers and exactly for text.

Prints one JSON object: counts, mismatches and the defined names' recalculated values.
Usage: check_workbook.py WORKBOOK.xlsx EXPORT.csv
"""
import csv, datetime, decimal, json, os, re, shutil, subprocess, sys, tempfile, zipfile

import openpyxl

TRIGGERS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\t", "\r")


def unneutralise(text):
    if text.startswith("'") and text.lstrip("'")[:1] in TRIGGERS and text.lstrip("'") != "":
        return text[1:]
    return text


def ooxml_text(value):
    """openpyxl leaves OOXML's _xHHHH_ escapes as written; Excel and LibreOffice decode them."""
    if not isinstance(value, str):
        return value
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def display(value):
    return decimal.Decimal(repr(value)).quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)


def check_data(book_path, csv_path, problems):
    book = openpyxl.load_workbook(book_path, read_only=True)
    sheet = book["Data"]
    rows = sheet.iter_rows(values_only=True)
    header = list(next(rows))
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        expected = list(csv.DictReader(f))
    unsur = [h for h in header if re.fullmatch(r"U\d+", h or "")]
    if header[-1:] != ["idGlobal"]:
        problems.append(f"Data header does not end with idGlobal: {header[-3:]!r}")
    seen = 0
    for row, want in zip(rows, expected):
        got = dict(zip(header, list(row) + [None] * (len(header) - len(row))))
        seen += 1
        where = f"Data row id {want['id']}"
        if got["id"] != int(want["id"]):
            problems.append(f"{where}: id {got['id']!r}")
        date = got["tanggal"]
        if not isinstance(date, datetime.datetime) or date.date().isoformat() != want["date"]:
            problems.append(f"{where}: tanggal {date!r} != {want['date']}")
        for key, csv_key in (("unit", "unit"), ("layanan", "service"), ("jam", "time"), ("jenis_kelamin", "gender"),
                             ("pendidikan", "education"), ("pekerjaan", "occupation"), ("saran", "comment"),
                             ("kuesioner", "questionnaire"), ("clientId", "clientId"), ("idGlobal", "idGlobal")):
            value = ooxml_text(got[key]) if got[key] is not None else ""
            if value != unneutralise(want[csv_key]):
                problems.append(f"{where}: {key} {value!r} != {unneutralise(want[csv_key])!r}")
        if not re.fullmatch(r"[0-9a-f]{32}", ooxml_text(got.get("idGlobal") or "")):
            problems.append(f"{where}: idGlobal {got.get('idGlobal')!r} is not 32 lowercase hex digits")
        age = got["usia"]
        if (str(age) if age is not None else "") != want["age"]:
            problems.append(f"{where}: usia {age!r} != {want['age']!r}")
        for code in unsur:
            value = got[code]
            if (str(value) if value is not None else "") != want[code]:
                problems.append(f"{where}: {code} {value!r} != {want[code]!r}")
    extra = sum(1 for _ in rows)
    if seen != len(expected) or extra:
        problems.append(f"Data has {seen + extra} rows, the CSV export {len(expected)}")
    # Text cells are inline strings and never formulas: no formula cell on the data sheet.
    with zipfile.ZipFile(book_path) as z:
        if "<f>" in z.read("xl/worksheets/sheet1.xml").decode("utf-8"):
            problems.append("sheet Data holds a formula")
    return seen


def strip_results(source, target):
    """A copy of the workbook in which no formula carries a cached result."""
    pattern = re.compile(r'<c ([^>]*?)( t="(?:str|e)")?([^>]*)>(<f>[^<]*</f>)<v>[^<]*</v></c>')
    stripped = 0
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                text, n = pattern.subn(lambda m: f"<c {m.group(1)}{m.group(3)}>{m.group(4)}</c>", data.decode("utf-8"))
                stripped += n
                data = text.encode("utf-8")
            dst.writestr(item, data)
    return stripped


def recalculate(path, workdir):
    soffice = shutil.which("soffice") or shutil.which("libreoffice") or "/usr/lib/libreoffice/program/soffice"
    out = os.path.join(workdir, "recalculated")
    os.makedirs(out, exist_ok=True)
    profile = "file://" + os.path.join(workdir, "lo-profile")
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", out, path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=240)
    return os.path.join(out, os.path.basename(path))


def same(got, want):
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        return isinstance(got, (int, float)) and display(got) == display(want)
    return got == want


def check_formulas(book_path, problems, workdir):
    stripped_path = os.path.join(workdir, "ohne-werte.xlsx")
    stripped = strip_results(book_path, stripped_path)
    recalculated = openpyxl.load_workbook(recalculate(stripped_path, workdir), data_only=True)
    formulas = openpyxl.load_workbook(book_path)
    cached = openpyxl.load_workbook(book_path, data_only=True)
    checked = 0
    for name in formulas.sheetnames:
        if name == "Data":
            continue
        for row in formulas[name].iter_rows():
            for cell in row:
                if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                    continue
                want = cached[name][cell.coordinate].value
                got = recalculated[name][cell.coordinate].value
                checked += 1
                if not same(got, want):
                    problems.append(f"{name}!{cell.coordinate} {cell.value}: LibreOffice {got!r}, skm {want!r}")
    named = {}
    for name, defined in recalculated.defined_names.items():
        sheet, ref = next(defined.destinations)
        named[name] = recalculated[sheet][ref.replace("$", "")].value
    return checked, stripped, named


def main():
    book_path, csv_path = sys.argv[1], sys.argv[2]
    problems = []
    workdir = tempfile.mkdtemp(prefix="skm-xlsx-")
    try:
        rows = check_data(book_path, csv_path, problems)
        checked, stripped, named = check_formulas(book_path, problems, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps({"rows": rows, "formulas": checked, "stripped": stripped, "named": named, "problems": problems[:50]},
                     ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
