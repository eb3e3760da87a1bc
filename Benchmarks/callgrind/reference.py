"""The instruction-count gate shared by the callgrind scripts: a committed reference file whose
first number is the expected figure; a run fails when it counts more than 20 % above it."""
import re, sys


def check(figure, path, unit):
    """Exits 1 (with a message naming `unit`, e.g. "instruksi per baris") when `figure` is more than
    20 % above the first number in the file at `path`; prints the reference and limit otherwise."""
    with open(path) as f:
        found = re.match(r"\s*(\d+)", f.read())
    if not found:
        sys.exit("%s tidak berisi angka acuan" % path)
    expected = int(found.group(1))
    limit = expected * 120 // 100
    if figure > limit:
        sys.exit("GAGAL: %d %s, lebih dari 20 %% di atas acuan %d (batas %d; %s)" % (figure, unit, expected, limit, path))
    print("lolos: acuan %d, batas %d" % (expected, limit))
