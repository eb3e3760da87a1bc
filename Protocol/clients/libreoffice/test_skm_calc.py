"""Tests of skm_calc.py: the pure part against the real `skm` ($SKM_BINARY, required), and the
macros themselves in a headless LibreOffice when `soffice` and Python's `uno` are installed.

    SKM_BINARY=/path/to/skm python3 -m unittest -v test_skm_calc
"""

import datetime
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import skm_calc  # noqa: E402

BINARY = os.environ.get("SKM_BINARY", "")
SKIP_HEADLESS = "LibreOffice tidak terpasang; uji makro headless dilewati"
WORKED_TOTALS = [105, 101, 100, 116, 102, 105, 106, 105, 115]  # per unsur U1..U9, 29 respondents


def setUpModule():
    if not BINARY or not os.access(BINARY, os.X_OK):
        raise RuntimeError("SKM_BINARY must name the built skm binary (now %r), e.g. "
                           "SKM_BINARY=.build/debug/skm python3 -m unittest test_skm_calc" % BINARY)
    skm_calc.SKM_BINARY = BINARY


def form_order():
    """Unsur code of each question, in the paper form's order, as the server defines it."""
    q = skm_calc.call_skm("questionnaire.get", {"id": "permenpanrb-14-2017"})
    return [question["unsur"] for question in q["questions"]]


def worked_example_cells():
    """The worked example as Calc hands a selection over: a header row, floats, a blank row."""
    order = form_order()
    totals = dict(("U%d" % (u + 1), t) for u, t in enumerate(WORKED_TOTALS))
    rows = [tuple(4.0 if r < totals[code] - 87 else 3.0 for code in order) for r in range(29)]
    return (tuple(order),) + tuple(rows[:10]) + (("",) * 9,) + tuple(rows[10:])


HEADER = ("tanggal", "jam", "unit", "layanan", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9",
          "jenis_kelamin", "usia", "saran", "status")


def sheet_row(date, answers, status="", time=0.3958333333, gender="P", age=34.0, comment=""):
    return (date, time, "KEC", "KTP") + tuple(answers) + (gender, age, comment, status)


class PureTests(unittest.TestCase):
    def test_cells_become_answers(self):
        answers, header, blank = skm_calc.answer_rows([("U1", "U2", ""), (4.0, "", " 3 "), ("", "", ""), (2.0, 1.5, "x")])
        self.assertTrue(header)
        self.assertEqual(blank, 1)
        self.assertEqual(answers, [[4, None, "3"], [2, 1.5, "x"]])
        self.assertEqual(skm_calc.answer_rows([(4.0, 3.0)])[1], False)  # numbers are no header

    def test_dates_and_times_from_calc_numbers(self):
        self.assertEqual(skm_calc.date_text(45730.0), "2025-03-14")
        self.assertEqual(skm_calc.date_text(1.0, datetime.date(1904, 1, 1)), "1904-01-02")  # another null date
        self.assertEqual(skm_calc.date_text(" 2025-03-14 "), "2025-03-14")
        self.assertEqual(skm_calc.time_text(0.3958333333), "09:30")
        self.assertEqual(skm_calc.time_text("9:30"), "9:30")

    def test_unknown_and_missing_columns_are_refused(self):
        with self.assertRaises(skm_calc.MacroError) as caught:
            skm_calc.sheet_columns(("tanggal", "unit", "layanan", "U1", "nilai", "catatan"))
        self.assertIn('nilai, catatan', str(caught.exception))
        with self.assertRaises(skm_calc.MacroError) as caught:
            skm_calc.sheet_columns(("unit", "U1"))
        self.assertIn("date, service", str(caught.exception))

    def test_a_row_becomes_submit_params(self):
        columns = skm_calc.sheet_columns(HEADER)
        row = sheet_row(45730.0, (4.0, 3.0, "", 3.0, 4.0, 4.0, 3.0, 4.0, 4.0), comment="Cepat")
        self.assertEqual(skm_calc.row_response(columns, row), {
            "date": "2025-03-14", "time": "09:30", "unit": "KEC", "service": "KTP",
            "answers": {"U1": 4, "U2": 3, "U3": None, "U4": 3, "U5": 4, "U6": 4, "U7": 3, "U8": 4, "U9": 4},
            "respondent": {"gender": "P", "age": 34}, "comment": "Cepat"})
        self.assertIsNone(skm_calc.row_response(columns, ("",) * 16 + ("Galat: lama",)))

    def test_a_missing_binary_and_a_silent_one_fail_clearly(self):
        with tempfile.TemporaryDirectory() as folder:
            with self.assertRaises(skm_calc.MacroError) as caught:
                skm_calc.call_skm("skm.info", {}, binary=os.path.join(folder, "tidak-ada"))
            self.assertIn("tidak ditemukan", str(caught.exception))
            silent = os.path.join(folder, "diam")
            with open(silent, "w") as f:
                f.write("#!/bin/sh\nexec sleep 5\n")
            os.chmod(silent, stat.S_IRWXU)
            start = time.monotonic()
            with self.assertRaises(skm_calc.MacroError) as caught:
                skm_calc.call_skm("skm.info", {}, binary=silent, timeout=0.5)
            self.assertLess(time.monotonic() - start, 3)
            self.assertIn("tidak menjawab", str(caught.exception))


class RealServerTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="skm-calc-")
        self.db = os.path.join(self.folder.name, "skm.sqlite")
        skm_calc.run_skm([("unit.add", {"code": "KEC", "name": "Kecamatan C\u00e9"}),
                          ("service.add", {"unit": "KEC", "code": "KTP", "name": "KTP-el"})], db=self.db)

    def tearDown(self):
        skm_calc.ATOMIC = True
        self.folder.cleanup()

    def stored(self):
        return skm_calc.call_skm("response.list", {"limit": 1000}, db=self.db)["responses"]

    def test_score_of_a_selection_gives_the_worked_example(self):
        result = skm_calc.call_skm("ikm.score", skm_calc.score_params(worked_example_cells()))
        self.assertEqual([u["sum"] for u in result["unsur"]], WORKED_TOTALS)
        self.assertEqual(skm_calc.score_cells(result),
                         (("IKM", 91.48), ("Mutu", "A"), ("Kinerja", "Sangat Baik"), ("Responden", 29)))
        weighted = skm_calc.call_skm("ikm.score", skm_calc.score_params(worked_example_cells(), "0.11"))
        self.assertEqual(weighted["ikmDisplay"], 90.56)

    def test_blank_cells_are_blank_answers_and_the_reason_is_shown(self):
        cells = [(4.0, 3.0, 4.0, 3.0, 4.0, 4.0, 3.0, 4.0, "")]
        result = skm_calc.call_skm("ikm.score", skm_calc.score_params(cells))
        self.assertEqual(result["unsur"][7]["answered"], 0)  # question 9 is U8
        rows = dict(skm_calc.score_cells(result))
        self.assertEqual(rows["IKM"], "")
        self.assertIn("U8", rows["Keterangan"])
        with self.assertRaises(skm_calc.RpcError) as caught:
            skm_calc.call_skm("ikm.score", skm_calc.score_params([(4.0, 5.0, 4.0, 3.0, 4.0, 4.0, 3.0, 4.0, 4.0)]))
        self.assertEqual(caught.exception.data["code"], "answer_out_of_range")

    def test_submitting_a_sheet_writes_statuses_and_a_second_run_sends_nothing_twice(self):
        good = (4.0, 3.0, 4.0, 3.0, 4.0, 4.0, 3.0, 4.0, "")
        cells = [HEADER,
                 sheet_row(45730.0, good),
                 sheet_row(45731.0, (4.0, 3.0, 5.0, 3.0, 4.0, 4.0, 3.0, 4.0, 4.0)),
                 ("",) * len(HEADER),
                 sheet_row(45732.0, good, status="Tersimpan (id 99)")]
        _, requests, statuses = skm_calc.sheet_requests(cells)
        self.assertEqual([n for n, _ in requests], [0, 1])
        self.assertEqual(statuses, [None, None, "", "Tersimpan (id 99)"])
        self.assertEqual(skm_calc.submit_rows(requests, statuses, db=self.db), (0, 2))
        self.assertTrue(statuses[0].startswith("Tidak disimpan: "))  # atomic: the bad row holds all back
        self.assertTrue(statuses[1].startswith("Galat: ") and "U3" in statuses[1] and "diterima 5" in statuses[1],
                        statuses[1])
        self.assertEqual(self.stored(), [])

        cells[2] = sheet_row(45731.0, (4.0, 3.0, 2.0, 3.0, 4.0, 4.0, 3.0, 4.0, 4.0), status=statuses[1])
        _, requests, statuses = skm_calc.sheet_requests(cells)
        self.assertEqual(skm_calc.submit_rows(requests, statuses, db=self.db), (2, 0))
        self.assertRegex(statuses[0], r"^Tersimpan \(id \d+\)$")
        stored = self.stored()
        self.assertEqual([(r["date"], r["answers"][2]) for r in stored], [("2025-03-14", 4), ("2025-03-15", 2)])
        self.assertEqual(stored[0]["respondent"]["age"], 34)
        self.assertIsNone(stored[0]["answersByUnsur"]["U9"])  # the blank U9 cell

        for n, s in enumerate(statuses):  # as the macro writes them back into the sheet
            cells[n + 1] = cells[n + 1][:-1] + (s or "",)
        _, requests, _ = skm_calc.sheet_requests(cells)
        self.assertEqual(requests, [])

    def test_not_atomic_stores_the_good_rows(self):
        skm_calc.ATOMIC = False
        cells = [HEADER, sheet_row(45730.0, (4.0,) * 9), sheet_row(45730.0, (0.0,) * 9)]
        _, requests, statuses = skm_calc.sheet_requests(cells)
        self.assertEqual(skm_calc.submit_rows(requests, statuses, db=self.db), (1, 1))
        self.assertTrue(statuses[0].startswith("Tersimpan"))
        self.assertIn("0 bukan jawaban", statuses[1])

    def test_a_refused_call_marks_the_named_row(self):
        answers = {"U%d" % i: 4 for i in range(1, 10)}
        requests = [(0, {"unit": "KEC", "service": "KTP", "date": "2025-03-14", "answers": answers}),
                    (1, {"unit": "KEC", "service": "KTP", "date": 20250314, "answers": answers})]
        statuses = [None, None]
        self.assertEqual(skm_calc.submit_rows(requests, statuses, db=self.db), (0, 2))
        self.assertTrue(statuses[1].startswith("Galat: "), statuses[1])
        self.assertTrue(statuses[0].startswith("Tidak disimpan: "), statuses[0])


class HeadlessMacroTests(unittest.TestCase):
    """The macros inside a headless LibreOffice, on a generated .ods."""

    def test_macros_in_headless_libreoffice(self):
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            print(SKIP_HEADLESS, file=sys.stderr)
            self.skipTest(SKIP_HEADLESS)
        try:
            import uno
            from com.sun.star.beans import PropertyValue
        except ImportError:
            print("Modul Python 'uno' tidak ada; uji makro headless dilewati", file=sys.stderr)
            self.skipTest("python uno module missing")
        with tempfile.TemporaryDirectory(prefix="skm-lo-") as folder:
            pipe = "skmtest%d" % os.getpid()
            office = subprocess.Popen([soffice, "--headless", "--invisible", "--norestore", "--nologo",
                                       "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.join(folder, "profile")),
                                       "--accept=pipe,name=%s;urp;" % pipe],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                self.run_macros(uno, PropertyValue, pipe, folder)
            finally:
                office.terminate()
                office.wait(30)

    def run_macros(self, uno, PropertyValue, pipe, folder):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:  # not listening yet
                time.sleep(0.5)
        else:
            self.fail("LibreOffice did not start listening")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        hidden = PropertyValue(Name="Hidden", Value=True)
        doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (hidden,))
        answers = doc.Sheets.getByIndex(0)
        cells = worked_example_cells()
        answers.getCellRangeByPosition(0, 0, 8, len(cells) - 1).setDataArray(cells)
        doc.Sheets.insertNewByName("Respons", 1)
        rows = (HEADER, sheet_row(45730.0, (4.0,) * 9), sheet_row(45731.0, (3.0,) * 9))
        doc.Sheets.getByName("Respons").getCellRangeByPosition(0, 0, len(HEADER) - 1, 2).setDataArray(rows)
        path = os.path.join(folder, "uji.ods")
        doc.storeToURL(uno.systemPathToFileUrl(path), ())
        doc.close(True)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (hidden,))

        class Context:
            def getDocument(self):
                return doc

        shown = []
        skm_calc.XSCRIPTCONTEXT = Context()
        skm_calc._show = lambda _doc, text, error=False: shown.append((text, error))
        skm_calc.SKM_DB = os.path.join(folder, "skm.sqlite")
        skm_calc.run_skm([("unit.add", {"code": "KEC", "name": "Kecamatan"}),
                          ("service.add", {"unit": "KEC", "code": "KTP", "name": "KTP"})], db=skm_calc.SKM_DB)
        controller = doc.getCurrentController()
        sheet = doc.Sheets.getByIndex(0)
        controller.select(sheet.getCellRangeByPosition(0, 0, 8, len(cells) - 1))
        skm_calc.hitung_ikm_seleksi()
        self.assertEqual(shown, [])
        out = sheet.getCellRangeByPosition(10, 0, 11, 3).getDataArray()
        self.assertEqual(out[0], ("IKM", 91.48))
        self.assertEqual(out[1][1], "A")

        controller.setActiveSheet(doc.Sheets.getByName("Respons"))
        skm_calc.kirim_respons_lembar()
        status = doc.Sheets.getByName("Respons").getCellRangeByPosition(16, 0, 16, 2).getDataArray()
        self.assertEqual(status[0][0], "status")
        self.assertTrue(status[1][0].startswith("Tersimpan"), status)
        self.assertEqual(shown[-1][1], False, shown)
        doc.close(True)


if __name__ == "__main__":
    unittest.main()
