#!/usr/bin/env python3
"""Instructions per row of `skm import FILE.xlsx` (both threads: reader and writer), counted by
callgrind: (cost of importing N rows − cost of importing one) / (N − 1), each into a fresh database,
so start-up, schema creation, opening the workbook and the commit cancel out. The workbook is
shaped like skm-bench-xlsx-import's (a merged title row, a header, then per row: No, an Excel date
serial with a date style, unit and service as shared strings, U1…U9 as numbers with 2 % blanks,
gender), written with Python's zipfile from a fixed seed.

    python3 Benchmarks/callgrind/xlsx_import_rows.py [--skm .build/release/skm] [--rows 2000]
        [--keep DIR] [--check REFERENCE_FILE]

With --check, exits 1 when the figure is more than 20 % above the number in REFERENCE_FILE
(a release build; see Benchmarks/README.md, "Excel import").
"""
import argparse, os, random, re, subprocess, sys, tempfile, zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
STRINGS = (["DATA SURVEI KEPUASAN MASYARAKAT 2025", "No", "Tanggal", "Unit", "Layanan", "Jenis Kelamin"]
           + ["U0", "U1"] + ["S%d" % i for i in range(10)] + ["L", "P"])
LETTERS = "EFGHIJKLM"


def sheet(count, seed=2025):
    rng = random.Random(seed)
    out = ['<worksheet xmlns="%s"><sheetData>' % MAIN,
           '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3">']
    out += ['<c r="%s3" t="s"><v>%d</v></c>' % (c, i + 1) for i, c in enumerate("ABCD")]
    out += ['<c r="%s3" t="inlineStr"><is><t>U%d</t></is></c>' % (c, i + 1) for i, c in enumerate(LETTERS)]
    out.append('<c r="N3" t="s"><v>5</v></c></row>')
    for i in range(count):
        r = i + 4
        out.append('<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" s="1"><v>%d</v></c>'
                   % (r, r, i + 1, r, 45658 + rng.randrange(365)))
        out.append('<c r="C%d" t="s"><v>%d</v></c><c r="D%d" t="s"><v>%d</v></c>' % (r, 6 + i % 2, r, 8 + i % 10))
        for c in LETTERS:
            p = rng.random()
            if p >= 0.02:
                out.append('<c r="%s%d"><v>%d</v></c>' % (c, r, 2 if p < 0.10 else (3 if p < 0.55 else 4)))
        out.append('<c r="N%d" t="s"><v>%d</v></c></row>' % (r, 18 + rng.randrange(2)))
    out.append('</sheetData><mergeCells count="1"><mergeCell ref="A1:N1"/></mergeCells></worksheet>')
    return "".join(out)


def workbook(path, count):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("_rels/.rels", '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>' % (PKG, REL))
        z.writestr("xl/workbook.xml", '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Data SKM" sheetId="1" '
                   'r:id="rId1"/></sheets></workbook>' % (MAIN, REL))
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
                   '<Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
                   '<Relationship Id="rId3" Type="%s/styles" Target="styles.xml"/></Relationships>' % (PKG, REL, REL, REL))
        z.writestr("xl/styles.xml", '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'
                   '</styleSheet>')
        z.writestr("xl/sharedStrings.xml", "<sst>" + "".join("<si><t>%s</t></si>" % s for s in STRINGS) + "</sst>")
        z.writestr("xl/worksheets/sheet1.xml", sheet(count))


def instructions(skm, count, directory, name):
    xlsx = os.path.join(directory, name + ".xlsx")
    workbook(xlsx, count)
    db = os.path.join(directory, name + ".sqlite")
    out = os.path.join(directory, name + ".callgrind")
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                          skm, "import", xlsx, "--create-missing", "--db", db],
                         capture_output=True, stdin=subprocess.DEVNULL)
    if run.returncode != 0:
        sys.exit("skm import gagal: %s" % run.stderr.decode()[-2000:])
    stored = re.search(r"([\d.]+) disimpan", run.stdout.decode())
    if stored is None or int(stored.group(1).replace(".", "")) != count:
        sys.exit("skm import tidak menyimpan %d baris: %s" % (count, run.stdout.decode()[-600:]))
    total = sum(int(n) for n in re.findall(r"Collected : (\d+)", run.stderr.decode()))
    if total == 0:
        sys.exit("callgrind tidak mencetak total: %s" % run.stderr.decode()[-2000:])
    return total, out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--skm", default=".build/release/skm")
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--keep", help="folder for the files, databases and callgrind output")
    parser.add_argument("--check", help="reference file: fail when more than 20 % above its first number")
    args = parser.parse_args()
    if args.rows < 2:
        sys.exit("--rows harus 2 atau lebih")
    directory = args.keep or tempfile.mkdtemp(prefix="skm-callgrind-xlsx-")
    os.makedirs(directory, exist_ok=True)
    one, _ = instructions(args.skm, 1, directory, "one")
    many, out = instructions(args.skm, args.rows, directory, "many")
    per = (many - one) // (args.rows - 1)
    print("skm import .xlsx, %d baris: %d instruksi per baris, kedua thread (callgrind: %s)" % (args.rows, per, out))
    if args.check:
        reference.check(per, args.check, "instruksi per baris")


if __name__ == "__main__":
    main()
