"""Tests of SkmRpc.bas without Excel: VBA cannot run here, so

- the module's JSON parser and its selection reading are transliterated below, line for line
  (1-based InStr/Mid like VBA's), and those mirrors are tested: the parser on a real 1,000-row
  `response.list` answer of skm (the characters InStr scans must grow linearly with the text;
  the mirror of the former parser is shown to be quadratic by the same measure), the selection
  against the Calc macro's rules;
- facts the module relies on are checked on the real skm ($SKM_BINARY, required): every answer
  line ends with ,"id":<id>} (how Exchange finds the answer it waits for), and an unreadable
  notification is answered with id null before the next request's answer;
- the module file itself is checked: no Dir() call (it would reset the user's own Dir loop).

What is NOT run: the VBA itself, WScript.Shell, the cmd/ping/taskkill watchdog, Excel ranges.

    SKM_BINARY=/path/to/skm python3 -m unittest -v test_vba_mirror
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "libreoffice"))
import skm_calc  # noqa: E402

BINARY = os.environ.get("SKM_BINARY", "")
MODULE = os.path.join(HERE, "SkmRpc.bas")


def setUpModule():
    if not BINARY or not os.access(BINARY, os.X_OK):
        raise RuntimeError("SKM_BINARY must name the built skm binary (now %r)" % BINARY)


class Null:
    """VBA's Null (distinct from Empty/None in the mirror)."""

    def __repr__(self):
        return "Null"


NULL = Null()


class JsonFail(Exception):
    pass


class Vba:
    """VBA string functions, 1-based, counting the characters InStr looks at."""

    def __init__(self):
        self.scanned = 0

    def instr(self, start, text, what):
        found = text.find(what, start - 1) + 1
        self.scanned += (found if found else len(text) + 1) - start + 1
        return found

    @staticmethod
    def mid(text, start, length=None):
        return text[start - 1:] if length is None else text[start - 1:start - 1 + length]


class MirrorParser(Vba):
    """SkmRpc.bas JsonParse/ParseValue/ParseObject/ParseArray/ParseString/ParseNumber as they are
    now: the next quote and backslash are cached (mQuote, mSlash)."""

    def parse(self, text):
        self.json, self.pos = text, 1
        self.quote = self.instr(1, self.json, '"')
        self.slash = self.instr(1, self.json, "\\")
        v = self.value()
        self.skip_space()
        if self.pos <= len(self.json):
            raise JsonFail("teks berlebih")
        return v

    def value(self):
        self.skip_space()
        c = self.mid(self.json, self.pos, 1)
        if c == "{":
            return self.object()
        if c == "[":
            return self.array()
        if c == '"':
            return self.string()
        for word, v in (("true", True), ("false", False), ("null", NULL)):
            if c == word[0]:
                if self.mid(self.json, self.pos, len(word)) != word:
                    raise JsonFail(word)
                self.pos += len(word)
                return v
        return self.number()

    def object(self):
        d = {}
        self.pos += 1
        self.skip_space()
        if self.mid(self.json, self.pos, 1) == "}":
            self.pos += 1
            return d
        while True:
            self.skip_space()
            if self.mid(self.json, self.pos, 1) != '"':
                raise JsonFail("kunci")
            key = self.string()
            self.skip_space()
            if self.mid(self.json, self.pos, 1) != ":":
                raise JsonFail(":")
            self.pos += 1
            v = self.value()
            if key in d:
                raise JsonFail("Dictionary.Add: key already exists")
            d[key] = v
            self.skip_space()
            c = self.mid(self.json, self.pos, 1)
            self.pos += 1
            if c == "}":
                return d
            if c != ",":
                raise JsonFail(", atau }")

    def array(self):
        items = []
        self.pos += 1
        self.skip_space()
        if self.mid(self.json, self.pos, 1) == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            self.skip_space()
            c = self.mid(self.json, self.pos, 1)
            self.pos += 1
            if c == "]":
                return items
            if c != ",":
                raise JsonFail(", atau ]")

    ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}

    def string(self):
        parts = []
        self.pos += 1
        while True:
            if self.quote != 0 and self.quote < self.pos:
                self.quote = self.instr(self.pos, self.json, '"')
            if self.quote == 0:
                raise JsonFail("akhir teks")
            if self.slash != 0 and self.slash < self.pos:
                self.slash = self.instr(self.pos, self.json, "\\")
            if self.slash == 0 or self.slash > self.quote:
                piece = self.mid(self.json, self.pos, self.quote - self.pos)
                self.pos = self.quote + 1
                return piece if not parts else "".join(parts + [piece])
            parts.append(self.mid(self.json, self.pos, self.slash - self.pos))
            escaped = 2
            c = self.mid(self.json, self.slash + 1, 1)
            if c in self.ESCAPES:
                parts.append(self.ESCAPES[c])
            elif c == "u":
                code = 0
                for i in range(self.slash + 2, self.slash + 6):
                    digit = "0123456789abcdef".find(self.mid(self.json, i, 1).lower())
                    if digit < 0:
                        raise JsonFail("\\uXXXX")
                    code = code * 16 + digit
                parts.append(chr(code))  # ChrW$: one UTF-16 unit; pairs are joined below
                escaped = 6
            else:
                raise JsonFail("escape")
            self.pos = self.slash + escaped

    def number(self):
        start = self.pos
        while self.pos <= len(self.json) and self.mid(self.json, self.pos, 1) in "+-0123456789.eE":
            self.pos += 1
        if self.pos == start:
            raise JsonFail("nilai")
        return float(self.mid(self.json, start, self.pos - start))  # Val: a Double

    def skip_space(self):
        while self.pos <= len(self.json) and self.mid(self.json, self.pos, 1) in " \t\r\n":
            self.pos += 1


class FormerParser(MirrorParser):
    """ParseString as it was: both InStr calls from mPos for every string and every escape."""

    def parse(self, text):
        self.json, self.pos = text, 1
        v = self.value()
        return v

    def string(self):
        out = ""
        self.pos += 1
        while True:
            quote = self.instr(self.pos, self.json, '"')
            if quote == 0:
                raise JsonFail("akhir teks")
            slash = self.instr(self.pos, self.json, "\\")
            if slash == 0 or slash > quote:
                out += self.mid(self.json, self.pos, quote - self.pos)
                self.pos = quote + 1
                return out
            out += self.mid(self.json, self.pos, slash - self.pos)
            c = self.mid(self.json, slash + 1, 1)
            if c == "u":
                out += chr(int(self.mid(self.json, slash + 2, 4), 16))
                slash += 4
            else:
                out += self.ESCAPES[c]
            self.pos = slash + 2


def plain(value):
    """The mirror's VBA-typed value as Python's json module would give it."""
    if value is NULL:
        return None
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):  # surrogate halves come as two ChrW$ units, as in VBA
        return value.encode("utf-16", "surrogatepass").decode("utf-16")
    return value


def normalised(value):
    """json.loads' value with every number a float (VBA gives Double)."""
    if isinstance(value, dict):
        return {k: normalised(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalised(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    return float(value)


def rpc(db, lines, *args):
    """The real skm rpc: lines in, answer lines out."""
    done = subprocess.run([BINARY, "rpc", "--db", db] + list(args), input=("\n".join(lines) + "\n").encode(),
                          capture_output=True, timeout=120)
    return done.stdout.decode("utf-8").splitlines()


def request(method, params, id=None):
    message = {"jsonrpc": "2.0", "method": method, "params": params}
    if id is not None:
        message["id"] = id
    return json.dumps(message, separators=(",", ":"))


class ParserTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory(prefix="skm-vba-")
        db = os.path.join(cls.folder.name, "skm.sqlite")
        rows = [{"unit": "KEC", "service": "KTP", "date": "2025-03-%02d" % (1 + i % 28), "time": "09:30",
                 "answers": [1 + (i + k) % 4 for k in range(9)], "respondent": {"gender": "LP"[i % 2], "age": 20 + i % 50},
                 "comment": ("Ruang tunggu \u00e9 \"nyaman\" \\ baris %d\nkedua" if i < 10 else "Pelayanan cepat %d") % i,
                 "clientId": "lembar-%d" % i} for i in range(1000)]
        answers = rpc(db, [request("unit.add", {"code": "KEC", "name": "Kecamatan C\u00e9"}, 1),
                           request("service.add", {"unit": "KEC", "code": "KTP", "name": "KTP-el"}, 2),
                           request("response.submitMany", {"responses": rows}, 3),
                           request("response.list", {"limit": 1000}, 4)])
        cls.line = answers[3]
        cls.stored = json.loads(answers[2])["result"]["stored"]

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def test_a_1000_row_response_list_parses_right_and_linearly(self):
        self.assertEqual(self.stored, 1000)
        parser = MirrorParser()
        started = time.monotonic()
        value = parser.parse(self.line)
        elapsed = time.monotonic() - started
        self.assertEqual(plain(value), normalised(json.loads(self.line)))
        self.assertEqual(len(value["result"]["responses"]), 1000)
        self.assertLess(parser.scanned, 3 * len(self.line), "InStr scans must stay linear in the text")
        self.assertLess(elapsed, 1.0)

    def test_the_measure_catches_the_former_quadratic_parser(self):
        former = FormerParser()
        self.assertEqual(plain(former.parse(self.line)), normalised(json.loads(self.line)))
        self.assertGreater(former.scanned, 100 * len(self.line))  # each string scanned to the end

    def test_escapes_and_errors(self):
        text = r'{"a":"x\"y\\z\/\u00e9\ud83c\udfdb\n","b":[1,-2.5e-7,true,false,null],"c":{}}'
        self.assertEqual(plain(MirrorParser().parse(text)), normalised(json.loads(text)))
        for bad in ('{"a":"x', '{"a":1', '{"a":"\\q"}', "[1 2]", '{"a":1}x', '{"a":1,"a":2}'):
            with self.assertRaises(JsonFail, msg=bad):
                MirrorParser().parse(bad)


class ServerFactsTests(unittest.TestCase):
    def test_every_answer_line_ends_with_its_id_and_an_unreadable_notification_gets_id_null(self):
        with tempfile.TemporaryDirectory() as folder:
            db = os.path.join(folder, "skm.sqlite")
            lines = [request("sample.size", {"population": 500}, 1),
                     request("unit.add", {"code": "X", "name": "x" * 2000}),  # a notification, too long
                     request("sample.size", {"population": 1}, 2),              # SkmNotify's sync request
                     request("ikm.classify", {"ikm": "bukan angka"}, 3),
                     request("ikm.hitung", {}, 4),
                     request("unit.add", {"code": "KEC", "name": "Kecamatan C\u00e9 \U0001F3DB"}, 5)]
            answers = rpc(db, lines, "--max-line-bytes", "1024")
            self.assertEqual(len(answers), 6)
            self.assertEqual(json.loads(answers[1])["id"], None)
            self.assertEqual(json.loads(answers[1])["error"]["data"]["code"], "line_too_long")
            for line, id in zip([answers[0]] + answers[2:], (1, 2, 3, 4, 5)):
                self.assertTrue(line.endswith(',"id":%d}' % id), line)  # AnswersId's rule
            self.assertFalse(answers[1].endswith(',"id":2}'))
            self.assertTrue(all(ord(c) < 128 for c in "".join(answers)))  # ASCII for the ANSI pipe


def selection_answers_vba(values):
    """SkmRpc.bas SelectionAnswers, transliterated (values: 1-based rows of 1-based cells, as
    Range.Value; None is Empty). Returns (answers, rowsOut)."""
    def is_blank(v):
        return v is None or v is NULL or (isinstance(v, str) and not v.strip())

    def looks_numeric(v):
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return True
        if isinstance(v, str):
            for s in (v.strip(), v.strip().replace(",", ".")):
                try:
                    float(s)
                    return True
                except ValueError:
                    pass
        return False

    def unsur_code(v):
        if not isinstance(v, str):
            return ""
        s = v.strip()
        return "U%d" % int(s[1:]) if re.fullmatch(r"[Uu][0-9]{1,3}", s) else ""

    def answer_value(v):
        return NULL if is_blank(v) else v.strip() if isinstance(v, str) else v

    def is_true(v):
        if is_blank(v):
            return False
        text = ("True" if v else "False") if isinstance(v, bool) else \
            ("%d" % v if isinstance(v, float) and v.is_integer() else str(v))
        return text.strip().lower() in ("true", "1", "1.0", "ya", "yes", "benar")

    def is_header_row(row):
        filled = False
        for v in row:
            if not is_blank(v):
                filled = True
                if looks_numeric(v):
                    return False
        return filled

    result, rows_out, codes, voided_col = [], [], {}, 0
    first = 1
    if is_header_row(values[0]):
        for c, v in enumerate(values[0], start=1):
            code = unsur_code(v)
            if code:
                if code in codes.values():
                    raise ValueError("Kolom %s muncul dua kali di baris judul seleksi." % code)
                codes[c] = code
            elif isinstance(v, str) and v.strip().lower() == "voided":
                voided_col = c
        first = 2
    for r in range(first, len(values) + 1):
        row = values[r - 1]
        blank = True
        if codes:
            by_unsur = {}
            for c, code in codes.items():
                if not is_blank(row[c - 1]):
                    blank = False
                by_unsur[code] = answer_value(row[c - 1])
            if voided_col > 0 and is_true(row[voided_col - 1]):
                blank = True
            if not blank:
                result.append(by_unsur)
                rows_out.append(r)
        else:
            in_order = []
            for v in row:
                if not is_blank(v):
                    blank = False
                in_order.append(answer_value(v))
            if not blank:
                result.append(in_order)
                rows_out.append(r)
    return result, rows_out


def sheet_row_message_vba(message, field, rows, top_row):
    """SkmRpc.bas SheetRowMessage, transliterated."""
    if field[:8] != "answers[":
        return message
    closing = field.find("]", 8) + 1
    if closing < 10 or not field[8:closing - 1].isdigit():
        return message
    k = int(field[8:closing - 1]) + 1
    if k < 1 or k > len(rows):
        return message
    if message[:13] == "Responden ke-":
        prefix = message.find(": ", 13) + 1
        if prefix > 0:
            message = message[prefix + 1:]
    return "Baris %d: %s" % (top_row + rows[k - 1] - 1, message)


class SelectionTests(unittest.TestCase):
    """The Excel module reads a selection as the Calc macro does."""

    CASES = [
        [("U1", "U2", ""), (4.0, "", " 3 "), ("", "", ""), (2.0, 1.5, "x")],
        [("tgl", "U2", "u1", "voided"), (45730.0, 3.0, 4.0, "false"), ("", "", "", ""),
         (45730.0, 1.0, 1.0, "true"), (45731.0, "", 2.0, 0.0), (45731.0, 2.0, 2.0, True)],
        [(4.0, 3.0), ("", None), (2.0, 1.0)],
        [("P1", "P2"), (4.0, 3.0), (" ", "")],
        [("tanggal", "U1", "U3"), ("2025-01-02", "", "")],
    ]

    def test_the_same_answers_and_rows_as_the_calc_macro(self):
        for cells in self.CASES:
            calc_answers, calc_rows = skm_calc.selection_answers(cells)
            vba_answers, vba_rows = selection_answers_vba(cells)
            self.assertEqual(plain(vba_answers), calc_answers, cells)
            self.assertEqual(vba_rows, [n + 1 for n in calc_rows], cells)  # 1-based within the selection

    def test_messages_name_the_sheet_row_as_in_calc(self):
        message = "Responden ke-2: Jawaban pertanyaan 3 (U3 Waktu Penyelesaian) harus 1\u20134, diterima 5."
        error = skm_calc.RpcError(-32001, message, {"field": "answers[1][2]"})
        self.assertEqual(sheet_row_message_vba(message, "answers[1][2]", [2, 4], 10),
                         skm_calc.sheet_row_message(error, [1, 3], 10))
        self.assertEqual(sheet_row_message_vba("Bobot salah.", "weighting", [2], 10), "Bobot salah.")

    def test_an_export_selection_scores_the_worked_example_on_the_real_server(self):
        sys.path.insert(0, os.path.join(HERE, "..", "libreoffice"))
        import test_skm_calc  # the worked example and the form order, from the real server
        skm_calc.SKM_BINARY = BINARY
        cells = test_skm_calc.unsur_order_cells(test_skm_calc.form_order())
        answers, _ = selection_answers_vba(cells)
        result = skm_calc.call_skm("ikm.score", {"answers": plain(answers)})
        self.assertEqual((result["ikmDisplay"], result["respondents"]), (91.48, 29))


class ModuleFileTests(unittest.TestCase):
    def setUp(self):
        with open(MODULE, "rb") as f:
            self.raw = f.read()
        code_lines = [line.split("'")[0] if '"' not in line else line for line in self.raw.decode("ascii").splitlines()]
        self.code = "\n".join(code_lines)

    def test_no_dir_call_resets_the_users_own_dir_loop(self):
        self.assertIsNone(re.search(r"\bDir\$?\s*\(", self.code), "Dir() resets the caller's Dir loop")

    def test_crlf_line_ends_and_ascii(self):
        self.assertNotIn(b"\r\r", self.raw)
        self.assertEqual(self.raw.count(b"\n"), self.raw.count(b"\r\n"))
        self.assertTrue(all(b < 128 for b in self.raw))

    def test_voided_rows_are_recognised_not_ignored(self):
        self.assertRegex(self.code, r'Case "voided": FieldOfHeader = "voided"')
        self.assertRegex(self.code, r"If voided Then")


if __name__ == "__main__":
    unittest.main()
