"""Tests of skm_calc.py: the pure part against the real `skm` ($SKM_BINARY, required), and the
macros themselves in a headless LibreOffice when `soffice` and Python's `uno` are installed.

    SKM_BINARY=/path/to/skm python3 -m unittest -v test_skm_calc
"""

import datetime
import os
import re
import shutil
import signal
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


def write_program(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, stat.S_IRWXU)
    return path


def unsur_order_cells(order):
    """The worked example as an `skm export` sheet holds it: U1...U9 in unsur order beside other
    columns, plus a voided row that must not count."""
    by_question = worked_example_cells()[1:]
    header = ("tanggal", "unit") + tuple("U%d" % u for u in range(1, 10)) + ("voided",)
    rows = []
    for row in by_question:
        if all(v == "" for v in row):
            continue
        answers = dict(zip(order, row))
        rows.append(("2025-03-14", "KEC") + tuple(answers["U%d" % u] for u in range(1, 10)) + ("false",))
    rows.insert(5, ("2025-03-14", "KEC") + (1.0,) * 9 + ("true",))
    return (header,) + tuple(rows)


class SelectionTests(unittest.TestCase):
    def test_unsur_headers_are_read_by_name_and_voided_rows_left_out(self):
        cells = [("tgl", "U2", "u1", "voided"), (45730.0, 3.0, 4.0, "false"), ("", "", "", ""),
                 (45730.0, 1.0, 1.0, "true"), (45731.0, "", 2.0, 0.0)]
        answers, where = skm_calc.selection_answers(cells)
        self.assertEqual(answers, [{"U2": 3, "U1": 4}, {"U2": None, "U1": 2}])
        self.assertEqual(where, [1, 4])
        with self.assertRaises(skm_calc.MacroError):
            skm_calc.selection_answers([("U1", "U1"), (4.0, 4.0)])
        # Without unsur names: the form's question order, as before.
        self.assertEqual(skm_calc.selection_answers([("P1", "P2"), (4.0, 3.0), ("", "")]), ([[4, 3]], [1]))
        self.assertEqual(skm_calc.selection_answers([(4.0, 3.0), ("", ""), (2.0, 1.0)]), ([[4, 3], [2, 1]], [0, 2]))

    def test_messages_name_the_sheet_row(self):
        error = skm_calc.RpcError(-32001, "Responden ke-2: Jawaban pertanyaan 3 harus 1\u20134, diterima 5.",
                                  {"code": "answer_out_of_range", "field": "answers[1][2]"})
        self.assertEqual(skm_calc.sheet_row_message(error, [1, 3], 10),
                         "Baris 13: Jawaban pertanyaan 3 harus 1\u20134, diterima 5.")
        other = skm_calc.RpcError(-32001, "Bobot tidak dikenal.", {"code": "invalid_weighting", "field": "weighting"})
        self.assertEqual(skm_calc.sheet_row_message(other, [1, 3], 10), "Bobot tidak dikenal.")

    def test_a_document_from_a_web_address_needs_skm_db(self):
        saved = os.environ.pop("SKM_DB", None)
        try:
            for url in ("https://contoh.go.id/survei.ods", "vnd.sun.star.webdav://contoh/survei.ods"):
                with self.assertRaises(skm_calc.MacroError) as caught:
                    skm_calc.database_path(url)
                self.assertIn("SKM_DB", str(caught.exception))
                self.assertIn("bukan dari berkas", str(caught.exception))
            with self.assertRaises(skm_calc.MacroError):
                skm_calc.database_path("", has_location=False)
            os.environ["SKM_DB"] = "/data/skm.sqlite"
            self.assertEqual(skm_calc.database_path("https://contoh.go.id/survei.ods"), "/data/skm.sqlite")
        finally:
            os.environ.pop("SKM_DB", None)
            if saved is not None:
                os.environ["SKM_DB"] = saved

    def test_a_wrong_program_gives_an_indonesian_message(self):
        with tempfile.TemporaryDirectory() as folder:
            not_executable = os.path.join(folder, "skm.txt")
            with open(not_executable, "w") as f:
                f.write("bukan program")
            for binary, words in ((not_executable, "tidak dapat dijalankan"), (folder, "menunjuk folder"),
                                  (write_program(folder, "gema", "#!/bin/sh\necho halo\n"), "bukan JSON-RPC")):
                with self.assertRaises(skm_calc.MacroError) as caught:
                    skm_calc.call_skm("skm.info", {}, binary=binary)
                self.assertIn(words, str(caught.exception))

    def test_timeout_seconds_from_the_environment(self):
        saved = os.environ.get("TIMEOUT_SECONDS")
        with tempfile.TemporaryDirectory() as folder:
            silent = write_program(folder, "diam", "#!/bin/sh\nexec sleep 5\n")
            try:
                os.environ["TIMEOUT_SECONDS"] = "0.5"
                start = time.monotonic()
                with self.assertRaises(skm_calc.MacroError) as caught:
                    skm_calc.call_skm("skm.info", {}, binary=silent)
                self.assertLess(time.monotonic() - start, 3)
                self.assertIn("dalam 0,5 detik", str(caught.exception))
                os.environ["TIMEOUT_SECONDS"] = "lama"
                with self.assertRaises(skm_calc.MacroError) as caught:
                    skm_calc.call_skm("skm.info", {}, binary=silent)
                self.assertIn("TIMEOUT_SECONDS harus angka", str(caught.exception))
            finally:
                os.environ.pop("TIMEOUT_SECONDS", None)
                if saved is not None:
                    os.environ["TIMEOUT_SECONDS"] = saved


class SelectionServerTests(unittest.TestCase):
    def test_an_export_sheet_in_unsur_order_gives_the_worked_example(self):
        result = skm_calc.call_skm("ikm.score", skm_calc.score_params(unsur_order_cells(form_order())))
        self.assertEqual([u["sum"] for u in result["unsur"]], WORKED_TOTALS)
        self.assertEqual((result["ikmDisplay"], result["respondents"]), (91.48, 29))

    def test_a_selection_over_the_line_limit_gets_the_servers_message(self):
        with tempfile.TemporaryDirectory() as folder:
            limited = write_program(folder, "skm-terbatas", '#!/bin/sh\nexec "%s" "$@" --max-line-bytes 1024\n' % BINARY)
            with self.assertRaises(skm_calc.RpcError) as caught:
                skm_calc.call_skm("ikm.score", skm_calc.score_params(unsur_order_cells(form_order())), binary=limited)
            self.assertIn("Baris terlalu panjang", caught.exception.message)
            self.assertEqual(caught.exception.data["code"], "line_too_long")


class HeadlessMacroTests(unittest.TestCase):
    """The macros run by a real LibreOffice: the file installed in a fresh user profile, called
    through the script provider over UNO, configured at its top as a user would."""

    def test_macros_in_headless_libreoffice(self):
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        try:
            import uno
            from com.sun.star.beans import PropertyValue
        except ImportError:
            uno = None
        if not soffice or uno is None:
            missing = "soffice" if not soffice else "modul Python 'uno' (python3-uno)"
            if os.environ.get("CI") == "true":
                self.fail("LibreOffice wajib di CI, tetapi %s tidak ada: pasang libreoffice-calc-nogui "
                          "libreoffice-script-provider-python python3-uno" % missing)
            print(SKIP_HEADLESS + " (%s tidak ada)" % missing, file=sys.stderr)
            self.skipTest(SKIP_HEADLESS)
        with tempfile.TemporaryDirectory(prefix="skm-lo-") as folder:
            pipe = "skmtest%d" % os.getpid()
            environment = dict((k, v) for k, v in os.environ.items()
                               if k not in ("SKM_BINARY", "SKM_DB", "TIMEOUT_SECONDS"))
            office = subprocess.Popen([soffice, "--headless", "--invisible", "--norestore", "--nologo",
                                       "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.join(folder, "profile")),
                                       "--accept=pipe,name=%s;urp;" % pipe],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment,
                                      start_new_session=True)  # its own group: soffice.bin is a grandchild
            try:
                self.run_macros(uno, PropertyValue, pipe, folder)
            finally:
                self.stop(office)

    def stop(self, office):
        """Asks LibreOffice to quit; its process group is killed if it has not within 30 s."""
        try:
            if getattr(self, "desktop", None) is not None:
                self.desktop.terminate()
        except Exception:  # the bridge closes as it quits
            pass
        try:
            office.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(office.pid, signal.SIGKILL)
            office.wait(30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # soffice.bin may outlive the wrapper script
            try:
                os.killpg(office.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)
        os.killpg(office.pid, signal.SIGKILL)

    def install(self, folder, **settings):
        """Copies skm_calc.py into the profile with its settings edited, as a user would."""
        with open(skm_calc.__file__) as f:
            text = f.read()
        for name, value in settings.items():
            text, count = re.subn(r"^%s = .*$" % name, "%s = %r" % (name, value), text, count=1, flags=re.M)
            self.assertEqual(count, 1, name)
        target = os.path.join(folder, "profile", "user", "Scripts", "python")
        os.makedirs(target, exist_ok=True)
        path = os.path.join(target, "skm_calc.py")
        with open(path, "w") as f:
            f.write(text)
        self.installs = getattr(self, "installs", 0) + 1
        stamp = time.time() + 10 * self.installs  # LibreOffice reloads a module whose file is newer
        os.utime(path, (stamp, stamp))

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
        desktop = self.desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                           (PropertyValue(Name="Hidden", Value=True),))
        form = worked_example_cells()
        doc.Sheets.getByIndex(0).getCellRangeByPosition(0, 0, 8, len(form) - 1).setDataArray(form)
        export = unsur_order_cells(form_order())
        doc.Sheets.insertNewByName("Ekspor", 1)
        doc.Sheets.getByName("Ekspor").getCellRangeByPosition(0, 0, 11, len(export) - 1).setDataArray(export)
        wrong = (("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"), (4.0,) * 9, ("",) * 9, (3.0,) * 9,
                 (4.0, 4.0, 5.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0))
        doc.Sheets.insertNewByName("Salah", 2)
        doc.Sheets.getByName("Salah").getCellRangeByPosition(0, 2, 8, 6).setDataArray(wrong)  # rows 3-7
        rows = (HEADER, sheet_row(45730.0, (4.0,) * 9), sheet_row(45731.0, (3.0,) * 9))
        doc.Sheets.insertNewByName("Respons", 3)
        doc.Sheets.getByName("Respons").getCellRangeByPosition(0, 0, len(HEADER) - 1, 2).setDataArray(rows)
        doc.storeAsURL(uno.systemPathToFileUrl(os.path.join(folder, "uji.ods")), ())
        frame = doc.getCurrentController().getFrame()
        desktop.setActiveFrame(frame)  # the document the macro sees (XSCRIPTCONTEXT.getDocument())
        frame.activate()
        self.assertEqual(desktop.getCurrentComponent().getURL(), doc.getURL())
        skm_calc.run_skm([("unit.add", {"code": "KEC", "name": "Kecamatan"}),
                          ("service.add", {"unit": "KEC", "code": "KTP", "name": "KTP"})],
                         db=os.path.join(folder, "skm.sqlite"))  # beside the document: the default
        provider = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.script.provider.MasterScriptProviderFactory", ctx).createScriptProvider("")
        controller = doc.getCurrentController()

        def run(macro, sheet, rows=None, columns=9):
            controller.setActiveSheet(doc.Sheets.getByName(sheet) if isinstance(sheet, str) else doc.Sheets.getByIndex(sheet))
            if rows is not None:
                target = controller.getActiveSheet()
                controller.select(target.getCellRangeByPosition(0, rows[0], columns - 1, rows[1]))
            script = provider.getScript("vnd.sun.star.script:skm_calc.py$%s?language=Python&location=user" % macro)
            return script.invoke((), (), ())[0]

        self.install(folder, SKM_BINARY=BINARY)
        self.assertIsNone(run("hitung_ikm_seleksi", 0, (0, len(form) - 1)))
        out = doc.Sheets.getByIndex(0).getCellRangeByPosition(10, 0, 11, 3).getDataArray()
        self.assertEqual(out[0], ("IKM", 91.48))
        self.assertEqual(out[1][1], "A")

        # An export sheet: U1...U9 in unsur order, found by their headers; the voided row left out.
        self.assertIsNone(run("hitung_ikm_seleksi", "Ekspor", (0, len(export) - 1), columns=12))
        out = doc.Sheets.getByName("Ekspor").getCellRangeByPosition(13, 0, 14, 3).getDataArray()
        self.assertEqual((out[0], out[3]), (("IKM", 91.48), ("Responden", 29.0)))

        # The message names the sheet row (7), not the respondent counted after the blank row (3).
        message = run("hitung_ikm_seleksi", "Salah", (2, 6))
        self.assertTrue(message.startswith("Baris 7: "), message)
        self.assertIn("diterima 5", message)

        message = run("kirim_respons_lembar", "Respons")
        self.assertTrue(message.startswith("Selesai: 2 tersimpan"), message)
        status = doc.Sheets.getByName("Respons").getCellRangeByPosition(16, 0, 16, 2).getDataArray()
        self.assertEqual(status[0][0], "status")
        self.assertTrue(status[1][0].startswith("Tersimpan"), status)

        # Settings a user gets wrong: an Indonesian message each, never a Python traceback.
        self.install(folder, SKM_BINARY=os.path.join(folder, "tidak-ada", "skm"))
        self.assertIn("tidak ditemukan", run("hitung_ikm_seleksi", 0, (0, 5)))
        self.install(folder, SKM_BINARY=os.path.join(folder, "uji.ods"))
        self.assertIn("tidak dapat dijalankan", run("hitung_ikm_seleksi", 0, (0, 5)))
        self.install(folder, SKM_BINARY=write_program(folder, "diam", "#!/bin/sh\nexec sleep 10\n"), TIMEOUT_SECONDS=1)
        start = time.monotonic()
        self.assertIn("tidak menjawab dalam 1 detik", run("hitung_ikm_seleksi", 0, (0, 5)))
        self.assertLess(time.monotonic() - start, 5)
        limited = write_program(folder, "skm-terbatas", '#!/bin/sh\nexec "%s" "$@" --max-line-bytes 1024\n' % BINARY)
        self.install(folder, SKM_BINARY=limited)
        self.assertIn("Baris terlalu panjang", run("hitung_ikm_seleksi", "Ekspor", (0, len(export) - 1), columns=12))
        doc.close(True)


if __name__ == "__main__":
    unittest.main()
