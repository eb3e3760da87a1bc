#!/usr/bin/env python3
"""Baseline for skm's RPC benchmark: a minimal JSON-RPC 2.0 stdio server in plain Python.

The same framing as `skm rpc` (one message per line on stdin, one answer per line on stdout,
flushed after each; exit 0 at the end of input) and the same work for the methods the benchmark
uses, with the standard library only:

- ikm.score            NRR per unsur (blank = null, excluded), indeks = sum(NRR)/9, IKM = x25,
                       mutu per PermenPANRB 14/2017, a 95 % interval from 2 respondents up; the
                       result has the same shape as skm's (questionnaire, unsur list, ikm...).
- unit.add, service.add
- response.submit      one transaction per request (SQLite WAL, synchronous=FULL: the commit
                       waits for fsync), client ids unique (same content: duplicate; other
                       content: conflict error).
- response.submitMany  all items in one transaction; atomic (default) stores nothing when an
                       item fails.

It is a fair minimal implementation (params validated, errors mapped to JSON-RPC errors), not
a strawman; it does less than skm per write (no audit log, no running aggregates).

    python3 rpc_server.py [--db FILE]
"""
import datetime
import json
import math
import sys

QUESTIONNAIRE = {"id": "permenpanrb-14-2017", "title": "Survei Kepuasan Masyarakat (PermenPANRB 14/2017)"}
UNSUR = [
    ("U1", "Persyaratan"),
    ("U2", "Sistem, Mekanisme, dan Prosedur"),
    ("U3", "Waktu Penyelesaian"),
    ("U4", "Biaya/Tarif"),
    ("U5", "Produk Spesifikasi Jenis Pelayanan"),
    ("U6", "Kompetensi Pelaksana"),
    ("U7", "Perilaku Pelaksana"),
    ("U8", "Penanganan Pengaduan, Saran dan Masukan"),
    ("U9", "Sarana dan Prasarana"),
]
UNSUR_CODES = [code for code, _ in UNSUR]
# The paper form asks U9 (question 8) before U8 (question 9).
QUESTION_UNSUR = [0, 1, 2, 3, 4, 5, 6, 8, 7]
BANDS = [(88.31, "A", "Sangat Baik"), (76.61, "B", "Baik"), (65.0, "C", "Kurang Baik"), (25.0, "D", "Tidak Baik")]
WEIGHTINGS = {"exact": 1 / 9, "0.111": 0.111, "0.11": 0.11}


class RPCError(Exception):
    def __init__(self, code, message, data=None):
        super().__init__(message)
        self.code, self.message, self.data = code, message, data

    def json(self):
        error = {"code": self.code, "message": self.message}
        if self.data is not None:
            error["data"] = self.data
        return error


def invalid(message, code, field):
    return RPCError(-32001, message, {"code": code, "field": field})


def wrong_type(field, expected):
    return RPCError(-32602, f"Parameter \"{field}\" harus {expected}.", {"code": "wrong_type", "field": field})


def display(value):
    return math.floor(value * 100 + 0.5 + 1e-9) / 100


def band(ikm):
    shown = display(ikm)
    for minimum, mutu, kinerja in BANDS:
        if shown >= minimum:
            return mutu, kinerja
    return BANDS[-1][1], BANDS[-1][2]


def answers_of(value, field):
    """The 9 answers of one respondent in unsur order (None = blank)."""
    if isinstance(value, list):
        if len(value) != 9:
            raise invalid(f"{field} harus berisi 9 jawaban, diterima {len(value)}.", "answer_count", field)
        by_unsur = [None] * 9
        for i, a in enumerate(value):
            by_unsur[QUESTION_UNSUR[i]] = check_answer(a, f"{field}[{i}]")
    elif isinstance(value, dict):
        unknown = [k for k in value if k not in UNSUR_CODES]
        if unknown:
            raise invalid(f"Unsur {unknown[0]} tidak dikenal.", "unknown_unsur", field)
        if len(value) != 9:
            raise invalid(f"{field} harus memuat semua 9 unsur.", "answer_count", field)
        by_unsur = [check_answer(value[c], f"{field}.{c}") for c in UNSUR_CODES]
    else:
        raise wrong_type(field, "array atau objek")
    if all(a is None for a in by_unsur):
        raise invalid(f"{field}: tidak ada jawaban.", "no_answers", field)
    return by_unsur


def check_answer(a, field):
    if a is None:
        return None
    if isinstance(a, bool) or not isinstance(a, int):
        raise invalid(f"{field} harus angka 1-4 atau null.", "answer_not_a_number", field)
    if not 1 <= a <= 4:
        raise invalid(f"{field} harus 1-4, diterima {a}.", "answer_out_of_range", field)
    return a


def check_params(params, allowed):
    if params is None:
        return {}
    if not isinstance(params, dict):
        raise RPCError(-32602, "Parameter harus objek bernama.", {"code": "wrong_type", "field": "params"})
    for key in params:
        if key not in allowed:
            raise RPCError(-32602, f"Parameter \"{key}\" tidak dikenal.", {"code": "unknown_field", "field": key})
    return params


def ikm_score(params, _server):
    params = check_params(params, ("questionnaire", "answers", "weighting"))
    items = params.get("answers")
    if items is None:
        raise RPCError(-32602, "Parameter \"answers\" wajib diisi.", {"code": "missing_field", "field": "answers"})
    if not isinstance(items, list) or not items:
        raise invalid("answers harus array respons yang tidak kosong.", "no_answers", "answers")
    weighting = str(params.get("weighting") or "exact")
    if weighting not in WEIGHTINGS:
        raise invalid("weighting harus \"exact\", \"0.111\" atau \"0.11\".", "invalid_weighting", "weighting")
    weight = WEIGHTINGS[weighting]
    sheets = [answers_of(item, f"answers[{i}]") for i, item in enumerate(items)]
    answered, sums = [0] * 9, [0] * 9
    for sheet in sheets:
        for u, a in enumerate(sheet):
            if a is not None:
                answered[u] += 1
                sums[u] += a
    unsur, missing = [], None
    for u, (code, name) in enumerate(UNSUR):
        if answered[u]:
            nrr = sums[u] / answered[u]
            mutu, kinerja = band(nrr * 25)
            unsur.append({"code": code, "name": name, "answered": answered[u], "sum": sums[u], "nrr": nrr,
                          "weight": weight, "weighted": nrr * weight, "ikm": nrr * 25, "mutu": mutu, "kinerja": kinerja})
        else:
            missing = missing or code
            unsur.append({"code": code, "name": name, "answered": 0, "sum": 0, "nrr": None, "weight": weight,
                          "weighted": None, "ikm": None, "mutu": None, "kinerja": None})
    result = {"questionnaire": QUESTIONNAIRE, "weighting": weighting, "aggregation": "pooled",
              "respondents": len(sheets), "unsur": unsur}
    if missing:
        result.update(indeks=None, ikm=None, ikmDisplay=None, mutu=None, kinerja=None, ci95=None,
                      reason=f"IKM tidak dapat dihitung: unsur {missing} tidak dijawab oleh satu responden pun.")
        return result
    indeks = sum(entry["weighted"] for entry in unsur)
    ikm = indeks * 25
    mutu, kinerja = band(ikm)
    ci95, reason = None, "Selang kepercayaan memerlukan sedikitnya 2 responden."
    if len(sheets) >= 2:
        scores = [sum(a for a in s if a is not None) / sum(1 for a in s if a is not None) * 25 for s in sheets]
        mean = sum(scores) / len(scores)
        sd = math.sqrt(sum((x - mean) ** 2 for x in scores) / (len(scores) - 1))
        se = sd / math.sqrt(len(scores))
        ci95 = {"low": ikm - 1.96 * se, "high": ikm + 1.96 * se, "standardError": se,
                "method": "normal (Wald) 95%"}
        reason = None
    result.update(indeks=indeks, ikm=ikm, ikmDisplay=display(ikm), mutu=mutu, kinerja=kinerja, ci95=ci95, reason=reason)
    return result


def text(params, key, prefix="", required=True, limit=200):
    value = params.get(key)
    if value is None:
        if required:
            raise RPCError(-32602, f"Parameter \"{prefix}{key}\" wajib diisi.", {"code": "missing_field", "field": prefix + key})
        return None
    if not isinstance(value, str):
        raise wrong_type(prefix + key, "teks")
    if len(value) > limit:
        raise invalid(f"{prefix}{key} terlalu panjang.", "text_too_long", prefix + key)
    return value


class Server:
    def __init__(self, db_path):
        self.db_path = db_path
        self.db = None
        self.services = None

    def open(self):
        """Opens the database on first use (so a one-shot ikm.score pays no SQLite start-up)."""
        if self.db is None:
            import sqlite3

            self.db = sqlite3.connect(self.db_path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.execute("CREATE TABLE IF NOT EXISTS units(code TEXT PRIMARY KEY, name TEXT NOT NULL)")
            self.db.execute("CREATE TABLE IF NOT EXISTS services(unit TEXT NOT NULL, code TEXT NOT NULL,"
                            " name TEXT NOT NULL, PRIMARY KEY(unit, code))")
            self.db.execute("CREATE TABLE IF NOT EXISTS responses(id INTEGER PRIMARY KEY, questionnaire TEXT NOT NULL,"
                            " unit TEXT NOT NULL, service TEXT NOT NULL, day TEXT NOT NULL, time_slot TEXT,"
                            " answers TEXT NOT NULL, gender TEXT, education TEXT, occupation TEXT, age INTEGER,"
                            " comment TEXT, client_id TEXT UNIQUE, created_at TEXT NOT NULL)")
            self.services = set(self.db.execute("SELECT unit, code FROM services").fetchall())
        return self.db

    def unit_add(self, params):
        params = check_params(params, ("code", "name"))
        code, name = text(params, "code", limit=40), text(params, "name")
        db = self.open()
        if db.execute("SELECT 1 FROM units WHERE code = ?", (code,)).fetchone():
            raise RPCError(-32003, f"Unit {code} sudah ada.", {"code": "duplicate_unit", "field": "code"})
        db.execute("INSERT INTO units(code, name) VALUES (?, ?)", (code, name))
        return {"code": code, "name": name, "services": []}

    def service_add(self, params):
        params = check_params(params, ("unit", "code", "name"))
        unit, code, name = text(params, "unit", limit=40), text(params, "code", limit=40), text(params, "name")
        db = self.open()
        if not db.execute("SELECT 1 FROM units WHERE code = ?", (unit,)).fetchone():
            raise RPCError(-32002, f"Unit {unit} tidak ada.", {"code": "unknown_unit", "field": "unit"})
        if (unit, code) in self.services:
            raise RPCError(-32003, f"Layanan {unit}/{code} sudah ada.", {"code": "duplicate_service", "field": "code"})
        db.execute("INSERT INTO services(unit, code, name) VALUES (?, ?, ?)", (unit, code, name))
        self.services.add((unit, code))
        return {"unit": unit, "code": code, "name": name}

    def draft(self, params, prefix=""):
        """A validated row for the responses table (everything except id and created_at)."""
        allowed = ("questionnaire", "unit", "service", "date", "time", "answers", "respondent", "comment", "clientId")
        for key in params:
            if key not in allowed:
                raise RPCError(-32602, f"Parameter \"{prefix}{key}\" tidak dikenal.",
                               {"code": "unknown_field", "field": prefix + key})
        questionnaire = text(params, "questionnaire", prefix, required=False) or QUESTIONNAIRE["id"]
        if questionnaire != QUESTIONNAIRE["id"]:
            raise RPCError(-32002, f"Kuesioner {questionnaire} tidak ada.", {"code": "unknown_questionnaire"})
        unit, service = text(params, "unit", prefix), text(params, "service", prefix)
        if (unit, service) not in self.services:
            raise RPCError(-32002, f"Layanan {unit}/{service} tidak ada.", {"code": "unknown_service", "field": prefix + "service"})
        day = text(params, "date", prefix, required=False)
        today = datetime.date.today()
        if day is None:
            day = today.isoformat()
        else:
            try:
                parsed = datetime.date.fromisoformat(day)
            except ValueError:
                raise invalid(f"{prefix}date bukan tanggal YYYY-MM-DD.", "invalid_date", prefix + "date") from None
            if parsed > today:
                raise invalid(f"{prefix}date di masa depan.", "future_date", prefix + "date")
        time_slot = text(params, "time", prefix, required=False, limit=5)
        answers = answers_of(params.get("answers"), prefix + "answers")
        respondent = params.get("respondent") or {}
        if not isinstance(respondent, dict):
            raise wrong_type(prefix + "respondent", "objek")
        age = respondent.get("age")
        if age is not None and (isinstance(age, bool) or not isinstance(age, int) or not 0 < age < 130):
            raise invalid(f"{prefix}respondent.age tidak sah.", "invalid_profile_value", prefix + "respondent.age")
        coded = "".join("-" if a is None else chr(48 + a) for a in answers)
        return (questionnaire, unit, service, day, time_slot, coded, respondent.get("gender"),
                respondent.get("education"), respondent.get("occupation"), age,
                text(params, "comment", prefix, required=False, limit=2000),
                text(params, "clientId", prefix, required=False))

    def store(self, row, now, seen):
        """Inserts one draft inside the open transaction: (id, duplicate)."""
        client_id = row[-1]
        if client_id is not None:
            earlier = seen.get(client_id)
            if earlier is None:
                found = self.db.execute(
                    "SELECT id, questionnaire, unit, service, day, time_slot, answers, gender, education, occupation,"
                    " age, comment, client_id FROM responses WHERE client_id = ?", (client_id,)).fetchone()
                earlier = (found[0], found[1:]) if found else None
            if earlier is not None:
                if earlier[1] != row:
                    raise RPCError(-32003, f"Client id \"{client_id}\" sudah dipakai respons #{earlier[0]} dengan isi lain.",
                                   {"code": "client_id_conflict", "field": "clientId"})
                return earlier[0], True
        cursor = self.db.execute(
            "INSERT INTO responses(questionnaire, unit, service, day, time_slot, answers, gender, education, occupation,"
            " age, comment, client_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", (*row, now))
        if client_id is not None:
            seen[client_id] = (cursor.lastrowid, row)
        return cursor.lastrowid, False

    def submit(self, params):
        params = check_params(params, ("questionnaire", "unit", "service", "date", "time", "answers", "respondent",
                                       "comment", "clientId"))
        db = self.open()
        row = self.draft(params)
        db.execute("BEGIN IMMEDIATE")
        try:
            rid, duplicate = self.store(row, now(), {})
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return {"id": rid, "duplicate": duplicate}

    def submit_many(self, params):
        params = check_params(params, ("responses", "atomic"))
        items = params.get("responses")
        if not isinstance(items, list):
            raise wrong_type("responses", "array respons")
        if len(items) > 10000:
            raise invalid("Paling banyak 10000 respons per panggilan.", "text_too_long", "responses")
        atomic = params.get("atomic", True)
        if not isinstance(atomic, bool):
            raise wrong_type("atomic", "true atau false")
        db = self.open()
        drafts = []
        for i, item in enumerate(items):
            try:
                if not isinstance(item, dict):
                    raise wrong_type(f"responses[{i}]", "objek")
                drafts.append(self.draft(item, f"responses[{i}]."))
            except RPCError as error:
                drafts.append(error)
        results, stored, duplicates, failed = [], 0, 0, 0
        stamp, seen = now(), {}
        db.execute("BEGIN IMMEDIATE")
        try:
            for i, row in enumerate(drafts):
                if isinstance(row, RPCError):
                    failed += 1
                    results.append({"index": i, "error": row.json()})
                    continue
                try:
                    rid, duplicate = self.store(row, stamp, seen)
                except RPCError as error:
                    failed += 1
                    results.append({"index": i, "error": error.json()})
                    continue
                if duplicate:
                    duplicates += 1
                else:
                    stored += 1
                results.append({"index": i, "id": rid, "duplicate": duplicate})
        except BaseException:
            db.execute("ROLLBACK")
            raise
        if atomic and failed:
            db.execute("ROLLBACK")
            stored = duplicates = 0
            results = [r if "error" in r else {"index": r["index"], "notStored": True,
                                               "reason": "Tidak disimpan karena butir lain gagal (atomic)."}
                       for r in results]
        else:
            db.execute("COMMIT")
        return {"atomic": atomic, "stored": stored, "duplicates": duplicates, "failed": failed, "results": results}


def now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def handle_single(server, methods, message):
    if not isinstance(message, dict) or message.get("jsonrpc") != "2.0" or not isinstance(message.get("method"), str):
        ident = message.get("id") if isinstance(message, dict) else None
        return {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Permintaan JSON-RPC 2.0 tidak sah."}, "id": ident}
    has_id = "id" in message
    method = methods.get(message["method"])
    try:
        if method is None:
            raise RPCError(-32601, f"Metode \"{message['method'][:60]}\" tidak dikenal.", {"method": message["method"][:200]})
        params = message.get("params")
        if params is not None and not isinstance(params, dict):
            raise RPCError(-32602, "Parameter harus objek bernama.", {"code": "wrong_type", "field": "params"})
        answer = {"jsonrpc": "2.0", "result": method(params or {}), "id": message.get("id")}
    except RPCError as error:
        answer = {"jsonrpc": "2.0", "error": error.json(), "id": message.get("id")}
    except Exception as error:  # a defect: answered, never a crash
        answer = {"jsonrpc": "2.0", "error": {"code": -32603, "message": f"Kesalahan internal: {error}."},
                  "id": message.get("id")}
    return answer if has_id else None


def main(argv):
    db_path = "skm.sqlite"
    if "--db" in argv:
        db_path = argv[argv.index("--db") + 1]
    server = Server(db_path)
    methods = {
        "ikm.score": lambda p: ikm_score(p, server),
        "unit.add": server.unit_add,
        "service.add": server.service_add,
        "response.submit": server.submit,
        "response.submitMany": server.submit_many,
    }
    out = sys.stdout.buffer
    dumps = json.JSONEncoder(ensure_ascii=True, separators=(",", ":")).encode
    for line in sys.stdin.buffer:
        line = line.strip()
        if not line:
            continue
        try:
            message = json.loads(line)
        except ValueError as error:
            answer = {"jsonrpc": "2.0", "error": {"code": -32700, "message": f"JSON tidak dapat dibaca: {error}."}, "id": None}
        else:
            if isinstance(message, list):
                if not message:
                    answer = {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Batch kosong."}, "id": None}
                else:
                    answer = [a for a in (handle_single(server, methods, m) for m in message) if a is not None] or None
            else:
                answer = handle_single(server, methods, message)
        if answer is not None:
            out.write(dumps(answer).encode("ascii") + b"\n")
            out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
