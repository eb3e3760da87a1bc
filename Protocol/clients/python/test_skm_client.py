"""Tests of skm_client against the real `skm` binary (path in $SKM_BINARY, required).

    SKM_BINARY=/path/to/skm python3 -m unittest -v test_skm_client
"""

import os
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from skm_client import Notification, SkmClient, SkmError, SkmProcessError, SkmTimeout  # noqa: E402

BINARY = os.environ.get("SKM_BINARY", "")

# The worked example: 29 respondents answering 3 or 4, per-unsur totals below.
WORKED_TOTALS = [105, 101, 100, 116, 102, 105, 106, 105, 115]

# A stand-in server for timeout tests: answers each request after params.delay seconds.
SLOW_ECHO = r"""
import json, sys, time
for line in sys.stdin:
    request = json.loads(line)
    time.sleep(request["params"]["delay"])
    print(json.dumps({"jsonrpc": "2.0", "result": request["params"], "id": request["id"]}), flush=True)
"""


def setUpModule():
    if not BINARY:
        raise RuntimeError("SKM_BINARY is not set: point it at the built skm binary, "
                           "e.g. SKM_BINARY=.build/debug/skm python3 -m unittest test_skm_client")
    if not os.access(BINARY, os.X_OK):
        raise RuntimeError(f"SKM_BINARY={BINARY!r} is not an executable file")


def worked_example_rows():
    """29 respondents keyed by unsur; unsur u gets (total - 87) fours and the rest threes."""
    return [{f"U{u + 1}": 4 if r < total - 87 else 3 for u, total in enumerate(WORKED_TOTALS)} for r in range(29)]


class RealServerTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="skm-client-")
        self.db = os.path.join(self.folder.name, "skm.sqlite")
        self.skm = SkmClient(binary=BINARY, db=self.db, timeout=30)

    def tearDown(self):
        self.skm.close()
        self.folder.cleanup()

    def registry(self):
        self.registry_on(self.skm)

    @staticmethod
    def registry_on(skm):
        skm.add_unit("KEC", "Kecamatan Uji")
        skm.add_service("KEC", "KTP", "KTP-el")

    def stored_total(self):
        return self.skm.info()["responses"]["total"]

    def test_rekap_names_its_method_87_50_against_92_00(self):
        self.skm.add_unit("KAB", "Kabupaten Uji")
        for code in ("DINKES", "KEC-X"):
            self.skm.add_unit(code, code, parent="KAB")
            self.skm.add_service(code, "LYN", "Layanan")
        rows = [{"unit": "DINKES", "service": "LYN", "date": "2025-03-03", "answers": [4] * 9}] * 17
        rows += [{"unit": "KEC-X", "service": "LYN", "date": "2025-03-03", "answers": [3] * 9}] * 8
        self.skm.submit_many(rows)
        pooled = self.skm.rekap(2025, parent="KAB")
        mean = self.skm.rekap(2025, parent="KAB", method="mean-of-units")
        self.assertEqual((pooled["method"], pooled["consolidated"]["ikmDisplay"]), ("pooled", 92))
        self.assertEqual((mean["method"], mean["consolidated"]["ikmDisplay"]), ("mean-of-units", 87.5))
        self.assertEqual(pooled["ranking"], ["DINKES", "KEC-X"])

    def test_registry_then_submit_and_retry_with_the_same_client_id(self):
        unit = self.skm.add_unit("KEC", "Kecamatan Uji")
        self.assertEqual(unit, {"code": "KEC", "name": "Kecamatan Uji", "parent": None, "depth": 0,
                                "population": None, "services": []})
        service = self.skm.add_service("KEC", "KTP", "KTP-el")
        self.assertEqual(service["unit"], "KEC")
        fields = dict(date="2025-03-14", time="09:30", clientId="lembar1-baris2",
                      respondent={"gender": "P", "age": 34}, comment="Ruang tunggu sempit")
        first = self.skm.submit("KEC", "KTP", [4, 3, 4, 3, 4, 4, 3, 4, None], **fields)
        self.assertEqual(first["duplicate"], False)
        again = self.skm.submit("KEC", "KTP", [4, 3, 4, 3, 4, 4, 3, 4, None], **fields)
        self.assertEqual(again, {"id": first["id"], "duplicate": True})
        self.assertEqual(self.stored_total(), 1)
        stored = self.skm.call("response.get", {"id": first["id"]})
        self.assertEqual(stored["answers"], [4, 3, 4, 3, 4, 4, 3, 4, None])
        self.assertEqual(stored["clientId"], "lembar1-baris2")

    def test_a_validation_error_raises_with_the_server_message_and_stores_nothing(self):
        self.registry()
        with self.assertRaises(SkmError) as caught:
            self.skm.submit("KEC", "KTP", [4, 3, 5, 3, 4, 4, 3, 4, 4], date="2025-03-14")
        e = caught.exception
        self.assertEqual(e.code, -32001)
        self.assertEqual(e.data_code, "answer_out_of_range")
        self.assertEqual(e.field, "answers[2]")
        self.assertEqual(e.data["details"]["received"], 5)
        self.assertIn("diterima 5", e.message)  # Indonesian, from the server
        self.assertEqual(str(e), e.message)
        self.assertEqual(self.stored_total(), 0)
        self.assertEqual(self.skm.call("response.list")["responses"], [])
        # The process is still usable after an error.
        self.assertEqual(self.skm.call("sample.size", {"population": 500})["minimum"], 217)

    def test_non_ascii_text_comes_back_equal(self):
        name = "Kecamatan C\u00e9 \U0001F3DB"  # é and a character above U+FFFF (surrogate pair)
        self.assertEqual(self.skm.add_unit("CE", name)["name"], name)
        self.assertEqual(self.skm.call("unit.list")[0]["name"], name)

    def test_worked_example_scores_91_48_and_90_56_with_weighting_0_11(self):
        rows = worked_example_rows()
        exact = self.skm.score(rows)
        self.assertEqual(exact["respondents"], 29)
        self.assertEqual([u["sum"] for u in exact["unsur"]], WORKED_TOTALS)
        self.assertAlmostEqual(exact["ikm"], 91.4751, places=4)
        self.assertEqual(exact["ikmDisplay"], 91.48)
        self.assertEqual((exact["mutu"], exact["kinerja"]), ("A", "Sangat Baik"))
        self.assertEqual(self.skm.score(rows, weighting="0.11")["ikmDisplay"], 90.56)
        self.assertEqual(self.stored_total(), 0)  # ikm.score stores nothing

    def test_compute_over_stored_responses_matches_score(self):
        self.registry()
        rows = worked_example_rows()
        batch = self.skm.submit_many([{"unit": "KEC", "service": "KTP", "date": "2025-06-02", "answers": a}
                                      for a in rows])
        self.assertEqual((batch["stored"], batch["failed"]), (29, 0))
        result = self.skm.compute({"year": 2025, "unit": "KEC"})
        self.assertEqual(result["respondents"], 29)
        self.assertEqual(result["ikmDisplay"], 91.48)
        self.assertEqual(self.skm.compute({"year": 2024})["respondents"], 0)

    def test_a_batch_with_a_notification(self):
        results = self.skm.call_many([
            ("sample.size", {"population": 100}),
            Notification("unit.add", {"code": "NTF", "name": "Lewat notifikasi"}),
            ("ikm.classify", {"ikm": "bukan angka"}),
            ("ikm.classify", {"ikm": 76.6}),
        ])
        self.assertEqual(len(results), 3)
        self.assertEqual(results[0], {"population": 100, "minimum": 80})
        self.assertIsInstance(results[1], SkmError)
        self.assertEqual(results[1].code, -32602)
        self.assertEqual(results[2]["mutu"], "C")
        # The notification ran although nothing answered it.
        self.assertEqual([u["code"] for u in self.skm.call("unit.list")], ["NTF"])

    def test_notifications_get_no_answer_line(self):
        self.skm.notify("unit.add", {"code": "N1", "name": "Satu"})
        self.assertEqual(self.skm.call_many([Notification("unit.add", {"code": "N2", "name": "Dua"})]), [])
        # Were an answer line written for either, this call would read it and fail on the id.
        self.assertEqual(sorted(u["code"] for u in self.skm.call("unit.list")), ["N1", "N2"])

    def test_unknown_method_and_positional_params(self):
        with self.assertRaises(SkmError) as caught:
            self.skm.call("ikm.hitung")
        self.assertEqual(caught.exception.code, -32601)
        self.assertEqual(caught.exception.data_code, "method_not_found")
        with self.assertRaises(TypeError):
            self.skm.call("sample.size", [500])

    def test_a_line_too_long_is_an_error_and_the_next_call_works(self):
        with SkmClient(binary=BINARY, db=self.db, extra_args=["--max-line-bytes", "1024"], timeout=30) as skm:
            with self.assertRaises(SkmError) as caught:
                skm.add_unit("PANJANG", "x" * 2000)
            self.assertEqual(caught.exception.code, -32600)
            self.assertEqual(skm.call("sample.size", {"population": 100})["minimum"], 80)

    def test_an_unreadable_notification_never_answers_a_later_call(self):
        # The server answers a notification it cannot read with an error whose id is null. Were
        # that line left unread, the next call would take it for its own answer and every later
        # call the previous call's: a submit retried "until it worked" was stored three times.
        with SkmClient(binary=BINARY, db=self.db, extra_args=["--max-line-bytes", "1024"], timeout=30) as skm:
            self.registry_on(skm)
            unread = None
            try:
                skm.notify("unit.add", {"code": "PANJANG", "name": "x" * 2000})
            except SkmError as e:
                unread = e
            attempts = 0
            while True:  # a clerk's script retrying a submit until it works (no clientId)
                attempts += 1
                try:
                    stored = skm.submit("KEC", "KTP", [4, 3, 4, 3, 4, 4, 3, 4, 4], date="2025-03-14")
                    break
                except (SkmError, SkmProcessError):
                    self.assertLess(attempts, 5)
            self.assertEqual(skm.info()["responses"]["total"], 1)
            self.assertEqual((attempts, stored["duplicate"]), (1, False))
            self.assertEqual((unread.code, unread.data_code), (-32600, "line_too_long"))  # not silently lost
            self.assertEqual(skm.call("response.get", {"id": stored["id"]})["id"], stored["id"])
            self.assertEqual(skm.call("sample.size", {"population": 100})["minimum"], 80)

    def test_an_unreadable_notification_in_a_batch_is_reported_apart(self):
        with SkmClient(binary=BINARY, db=self.db, extra_args=["--max-line-bytes", "1024"], timeout=30) as skm:
            # A method that is not text: the server cannot read the request, answers id null.
            results = skm.call_many([("sample.size", {"population": 100}), Notification(7, {}),
                                     ("ikm.classify", {"ikm": 76.6})])
            self.assertEqual(results[0]["minimum"], 80)
            self.assertEqual(results[1]["mutu"], "C")
            self.assertEqual([e.data_code for e in skm.notification_errors], ["invalid_request"])
            # A batch of notifications only, too long for the server: raised, not left for later.
            with self.assertRaises(SkmError) as caught:
                skm.call_many([Notification("unit.add", {"code": "PANJANG", "name": "x" * 2000})])
            self.assertEqual(caught.exception.data_code, "line_too_long")
            self.assertEqual(skm.call("sample.size", {"population": 500})["minimum"], 217)

    def test_close_lets_the_server_exit_0(self):
        self.skm.info()
        process = self.skm._process
        self.assertEqual(self.skm.close(), 0)
        self.assertEqual(process.returncode, 0)
        with self.assertRaises(SkmProcessError):
            self.skm.info()

    def test_context_manager_closes(self):
        with SkmClient(binary=BINARY, db=self.db) as skm:
            process = skm._process
            skm.info()
        self.assertEqual(process.returncode, 0)

    def test_a_missing_binary_fails_clearly(self):
        with self.assertRaises(SkmProcessError) as caught:
            SkmClient(binary=os.path.join(self.folder.name, "tidak-ada"))
        self.assertIn("SKM_BINARY", str(caught.exception))


class StandInServerTests(unittest.TestCase):
    """Timeouts and dead servers, with stand-in programs instead of skm."""

    def test_a_server_that_never_answers_times_out_without_hanging(self):
        client = SkmClient(command=[sys.executable, "-c", "import time; time.sleep(5)"], timeout=0.5)
        process = client._process
        start = time.monotonic()
        with self.assertRaises(SkmTimeout):
            client.info()
        self.assertLess(time.monotonic() - start, 2.5)
        self.assertIsNotNone(process.poll(), "the silent process must have been stopped")
        client.close(timeout=1)

    def test_a_late_answer_is_not_taken_for_the_next_call(self):
        client = SkmClient(command=[sys.executable, "-c", SLOW_ECHO], timeout=0.5)
        try:
            with self.assertRaises(SkmTimeout):
                client.call("echo", {"delay": 1.5, "which": "late"})
            time.sleep(1.5)  # the killed process would have answered by now
            # A generous timeout: a fresh interpreter must start first.
            self.assertEqual(client.call("echo", {"delay": 0, "which": "next"}, timeout=10), {"delay": 0, "which": "next"})
            self.assertEqual(client.call("echo", {"delay": 0.1, "which": "slow"}, timeout=5)["which"], "slow")
        finally:
            client.close(timeout=1)

    def test_a_server_that_exits_raises_instead_of_hanging(self):
        client = SkmClient(command=[sys.executable, "-c", "import sys; sys.stderr.write('rusak')"], timeout=5)
        with self.assertRaises(SkmProcessError) as caught:
            client.info()
        self.assertIn("rusak", str(caught.exception))
        client.close(timeout=1)


if __name__ == "__main__":
    unittest.main()
