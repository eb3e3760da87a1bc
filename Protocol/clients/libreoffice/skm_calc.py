"""skm macros for LibreOffice Calc (Python).

Copy this one file into your LibreOffice user folder, Scripts/python/ (create it if needed):
  Windows: %APPDATA%\\LibreOffice\\4\\user\\Scripts\\python\\skm_calc.py
  Linux:   ~/.config/libreoffice/4/user/Scripts/python/skm_calc.py
  macOS:   ~/Library/Application Support/LibreOffice/4/user/Scripts/python/skm_calc.py
then run them from Tools > Macros > Run Macro... > My Macros > skm_calc:

  hitung_ikm_seleksi   IKM of the selected answers (rows = respondents, columns = questions in
                       the paper form's order, blank = not answered), written beside the selection.
  kirim_respons_lembar submits every row of the active sheet (first row: column names as in
                       `skm import`: date, unit, service, U1...U9, time, gender, ...) with
                       response.submitMany and writes each row's outcome in a "status" column.

Units and services must be registered first (`skm unit add`, `skm service add`, or the methods
unit.add and service.add); a row naming an unknown one gets the server's message in its status.

The file is self-contained (it does not import skm_client.py) so that it can be dropped in alone.
Each macro run starts `skm rpc` once, sends its requests, closes standard input and reads all
answers (subprocess.run with a timeout): that works the same on Windows, where select() cannot
wait on a pipe. Everything above the "LibreOffice" section has no `uno` import and is tested with
plain python3 (test_skm_calc.py).
"""

import datetime
import errno
import json
import os
import re
import subprocess

# -- Configuration: edit here, or set the environment variable of the same name (it wins) ---------

SKM_BINARY = "skm"  # e.g. r"C:\skm\skm.exe"; "skm" is looked up on the PATH
SKM_DB = ""  # empty: skm.sqlite in the folder of the document
TIMEOUT_SECONDS = 120  # for one whole macro run
ATOMIC = True  # submit: all rows of a chunk or none (fix the errors, then run again)
CHUNK = 2000  # rows per response.submitMany call (the server takes at most 10 000)


def setting(name):
    """A setting: the environment variable `name` when set and not empty, else the value above."""
    return os.environ.get(name) or globals()[name]


def timeout_seconds():
    """TIMEOUT_SECONDS as a number of seconds > 0 (MacroError otherwise)."""
    raw = setting("TIMEOUT_SECONDS")
    try:
        seconds = float(str(raw).strip().replace(",", "."))
    except ValueError:
        seconds = 0
    if not seconds > 0 or seconds != seconds or seconds == float("inf"):
        raise MacroError("TIMEOUT_SECONDS harus angka detik lebih dari 0, mis. 120; tertulis %r." % (raw,))
    return seconds

# -- Talking to skm --------------------------------------------------------------------------


class MacroError(Exception):
    """A problem before or around the server (not found, timed out); message in Indonesian."""


class RpcError(Exception):
    """A JSON-RPC error; `message` is the server's Indonesian text for the user."""

    def __init__(self, code, message, data=None):
        super().__init__(message)
        self.code, self.message, self.data = code, message, data


def run_skm(calls, binary=None, db=None, timeout=None):
    """Runs one `skm rpc` for a list of (method, params); returns one result or RpcError each.

    Each request gets exactly one answer line, in order. An answer is taken for a request only
    when it carries the request's id, or id null: the server could not read that line (e.g.
    "Baris terlalu panjang"), and its Indonesian message is the request's error.
    """
    binary = binary or setting("SKM_BINARY")
    timeout = timeout or timeout_seconds()
    lines = "".join(json.dumps({"jsonrpc": "2.0", "method": m, "params": p, "id": i},
                               ensure_ascii=True, separators=(",", ":")) + "\n"
                    for i, (m, p) in enumerate(calls))
    command = [binary, "rpc"] + (["--db", db] if db else [])
    if os.path.isdir(binary):
        raise MacroError("SKM_BINARY menunjuk folder %s, bukan program skm. Atur SKM_BINARY ke berkas "
                         "programnya (skm.exe di Windows)." % binary)
    try:
        done = subprocess.run(command, input=lines.encode("ascii"), capture_output=True, timeout=timeout,
                              creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))  # no console on Windows
    except FileNotFoundError:
        raise MacroError("Program skm tidak ditemukan: %s. Atur SKM_BINARY di awal skm_calc.py "
                         "atau sebagai variabel lingkungan." % binary) from None
    except subprocess.TimeoutExpired:
        raise MacroError("skm tidak menjawab dalam %s detik; proses dihentikan. Perbesar TIMEOUT_SECONDS "
                         "bila datanya memang banyak." % _seconds_text(timeout)) from None
    except OSError as e:
        raise MacroError("Program %s tidak dapat dijalankan: %s. Atur SKM_BINARY ke program skm "
                         "(skm.exe di Windows)." % (binary, _os_error_text(e))) from None
    try:
        answers = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines() if line.strip()]
    except ValueError:
        raise MacroError("Program %s menjawab sesuatu yang bukan JSON-RPC: apakah itu benar program skm? "
                         "Atur SKM_BINARY." % binary) from None
    if done.returncode != 0 or len(answers) != len(calls):
        raise MacroError("skm berhenti tanpa jawaban lengkap (status %s): %s"
                         % (done.returncode, done.stderr.decode("utf-8", "replace").strip()[:500]))
    outcomes = []
    for i, answer in enumerate(answers):
        if not isinstance(answer, dict) or answer.get("id") not in (i, None) \
                or (answer.get("id") is None and "error" not in answer):
            raise MacroError("Jawaban skm tidak cocok dengan permintaan ke-%d." % (i + 1))
        if "error" in answer:
            e = answer["error"] or {}
            outcomes.append(RpcError(e.get("code"), e.get("message", ""), e.get("data")))
        else:
            outcomes.append(answer.get("result"))
    return outcomes


def _seconds_text(seconds):
    return ("%g" % seconds).replace(".", ",")


def _os_error_text(e):
    """Why a program could not be started, in Indonesian."""
    if e.errno in (errno.EACCES, errno.EPERM):
        return "tidak boleh dijalankan (bukan berkas program, atau izin menjalankannya tidak ada)"
    if e.errno == errno.ENOEXEC:
        return "bukan program untuk sistem ini"
    if e.errno == errno.ENOTDIR:
        return "jalurnya tidak ada"
    return "galat sistem %s" % e.errno


def call_skm(method, params, binary=None, db=None, timeout=None):
    """One call; raises RpcError on a JSON-RPC error."""
    outcome = run_skm([(method, params)], binary, db, timeout)[0]
    if isinstance(outcome, RpcError):
        raise outcome
    return outcome


# -- Cells to requests (no uno) -----------------------------------------------------------------


def _is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _number_text(value):
    """4.0 -> 4 (Calc gives every number as a float); other numbers unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def answer_value(value):
    """A cell as an answer: blank -> None, 4.0 -> 4, text as written (the server judges it)."""
    if _is_blank(value):
        return None
    return value.strip() if isinstance(value, str) else _number_text(value)


def _looks_numeric(value):
    if isinstance(value, (int, float)):
        return True
    try:
        float(str(value).strip().replace(",", "."))
        return True
    except ValueError:
        return False


def answer_rows(cells):
    """Selection rows -> (answers per respondent, header skipped?, blank rows skipped).

    A first row of text only (e.g. U1, U2, ...) is taken as a header; wholly blank rows are
    left out (the server refuses a respondent without any answer).
    """
    rows = [list(r) for r in cells]
    header = bool(rows) and all(_is_blank(v) or not _looks_numeric(v) for v in rows[0]) \
        and not all(_is_blank(v) for v in rows[0])
    if header:
        rows = rows[1:]
    answers = [[answer_value(v) for v in r] for r in rows if not all(_is_blank(v) for v in r)]
    return answers, header, len(rows) - len(answers)


_UNSUR = re.compile(r"[Uu]([0-9]{1,3})")
_TRUE = ("true", "1", "1.0", "ya", "yes", "benar")


def selection_answers(cells):
    """Selection rows -> (answers per respondent, the selection row of each, 0-based).

    A first row of text is a header. When it names unsur (U1, U2, ... as in an `skm export`
    sheet, in any order, beside other columns), answers are read by those names, one object per
    respondent ({"U1": 4, ...}); other columns are left out, and a row whose `voided` column
    says so is not counted. Without unsur names, columns are the paper form's questions in order.
    Wholly blank rows are left out.
    """
    rows = [list(r) for r in cells]
    _, header, _ = answer_rows(rows[:1])
    codes = {}
    if header:
        for i, raw in enumerate(rows[0]):
            match = _UNSUR.fullmatch(str(raw).strip()) if isinstance(raw, str) else None
            if match:
                code = "U%d" % int(match.group(1))
                if code in codes.values():
                    raise MacroError("Kolom %s muncul dua kali di baris judul seleksi." % code)
                codes[i] = code
    voided = next((i for i, raw in enumerate(rows[0]) if isinstance(raw, str) and raw.strip().lower() == "voided"),
                  None) if header else None
    answers, where = [], []
    for n, row in enumerate(rows[1:] if header else rows, start=1 if header else 0):
        if codes:
            if voided is not None and voided < len(row) and str(_number_text(row[voided])).strip().lower() in _TRUE:
                continue
            values = [row[i] if i < len(row) else None for i in codes]
            if all(_is_blank(v) for v in values):
                continue
            answers.append(dict((codes[i], answer_value(v)) for i, v in zip(codes, values)))
        else:
            if all(_is_blank(v) for v in row):
                continue
            answers.append([answer_value(v) for v in row])
        where.append(n)
    return answers, where


def score_params(cells, weighting=None):
    answers, _ = selection_answers(cells)
    if not answers:
        raise MacroError("Seleksi tidak berisi jawaban: pilih baris responden (kolom = pertanyaan).")
    params = {"answers": answers}
    if weighting:
        params["weighting"] = weighting
    return params


def sheet_row_message(error, where, first_row):
    """The server's message about respondent `answers[k]` told by sheet row instead.

    `where` is selection_answers' second list, `first_row` the sheet row number (1-based) of the
    selection's first row. "Responden ke-3: Jawaban ..." becomes "Baris 14: Jawaban ...".
    """
    match = re.match(r"answers\[(\d+)\]", str((error.data or {}).get("field") or "")) \
        if isinstance(error.data, dict) else None
    if match is None or int(match.group(1)) >= len(where):
        return error.message
    text = re.sub(r"^Responden ke-\d+: ", "", error.message)
    return "Baris %d: %s" % (first_row + where[int(match.group(1))], text)


def score_cells(result):
    """An ikm.score / ikm.compute result -> rows of (label, value) to write beside the selection."""
    if result.get("ikm") is None:
        return (("IKM", ""), ("Keterangan", result.get("reason") or ""), ("Responden", result.get("respondents", 0)))
    return (("IKM", result["ikmDisplay"]), ("Mutu", result["mutu"]), ("Kinerja", result["kinerja"]),
            ("Responden", result["respondents"]))


# Column names as `skm import` reads them (English and Indonesian).
ALIASES = {
    "date": "date", "tanggal": "date", "tgl": "date", "tanggal_survei": "date",
    "unit": "unit", "unit_layanan": "unit", "kode_unit": "unit",
    "service": "service", "layanan": "service", "jenis_layanan": "service", "kode_layanan": "service",
    "time": "time", "jam": "time", "jam_survei": "time", "waktu": "time",
    "gender": "gender", "jenis_kelamin": "gender", "jk": "gender",
    "education": "education", "pendidikan": "education",
    "occupation": "occupation", "pekerjaan": "occupation",
    "age": "age", "usia": "age", "umur": "age",
    "comment": "comment", "saran": "comment", "komentar": "comment",
    "clientid": "clientId", "client_id": "clientId",
    "questionnaire": "questionnaire", "kuesioner": "questionnaire",
    "voided": "voided", "status": "status",
}
IGNORED = {"id", "createdat", "created_at", "voidedat", "voided_at", "voidreason", "void_reason"}
RESPONDENT = ("gender", "education", "occupation", "age")
STATUS_HEADER = "status"
DONE_PREFIXES = ("Tersimpan", "Sudah ada")  # rows with such a status are not sent again


def sheet_columns(header):
    """Header cells -> {column index: field or "U<n>"}; unknown names are refused, as in import."""
    columns, unknown = {}, []
    for i, raw in enumerate(header):
        name = str(_number_text(raw)).strip() if not _is_blank(raw) else ""
        key = name.lower()
        if not key or key in IGNORED:
            continue
        if key in ALIASES:
            columns[i] = ALIASES[key]
        elif re.fullmatch(r"u[0-9]{1,3}", key):
            columns[i] = key.upper()
        else:
            unknown.append(name)
    if unknown:
        raise MacroError("Kolom tidak dikenal: %s. Kolom yang dikenal: date/tanggal, unit, service/layanan, "
                         "U1...U9, time/jam, gender/jenis_kelamin, education/pendidikan, occupation/pekerjaan, "
                         "age/usia, comment/saran, clientId, questionnaire, status." % ", ".join(unknown))
    missing = [f for f in ("date", "unit", "service") if f not in columns.values()]
    if not any(f.startswith("U") for f in columns.values()):
        missing.append("U1...")
    if missing:
        raise MacroError("Kolom wajib tidak ada: %s." % ", ".join(missing))
    return columns


def date_text(value, null_date=datetime.date(1899, 12, 30)):
    """A date cell (Calc gives a day number counted from the document's null date) -> 2025-03-14."""
    if isinstance(value, (int, float)):
        return (null_date + datetime.timedelta(days=int(value))).isoformat()
    return str(value).strip()


def time_text(value):
    """A time cell (a fraction of a day) -> 09:30; text as written."""
    if isinstance(value, float) and 0 <= value < 1:
        minutes = int(round(value * 24 * 60))
        return "%02d:%02d" % divmod(minutes, 60)
    return str(_number_text(value)).strip()


def row_response(columns, row, null_date=datetime.date(1899, 12, 30)):
    """One sheet row -> response.submit params; None for a blank row."""
    if all(_is_blank(row[i]) for i in columns if i < len(row) and columns[i] not in ("status", "voided")):
        return None
    response, respondent, answers = {}, {}, {}
    for i, field in columns.items():
        value = row[i] if i < len(row) else None
        if field.startswith("U"):
            answers[field] = answer_value(value)
        elif field in ("status", "voided") or _is_blank(value):
            continue
        elif field == "date":
            response["date"] = date_text(value, null_date)
        elif field == "time":
            response["time"] = time_text(value)
        elif field == "age":
            respondent["age"] = answer_value(value)
        elif field in RESPONDENT:
            respondent[field] = str(_number_text(value)).strip()
        else:
            response[field] = str(_number_text(value)).strip()
    response["answers"] = answers
    if respondent:
        response["respondent"] = respondent
    return response


def sheet_requests(cells, null_date=datetime.date(1899, 12, 30)):
    """The sheet's cells (first row = header) -> (columns, [(row number, params)], statuses).

    `statuses` has one entry per data row: text to write now (None: filled in after sending).
    Row numbers count data rows from 0. Rows already stored, blank or voided are not sent.
    """
    header, rows = list(cells[0]), [list(r) for r in cells[1:]]
    columns = sheet_columns(header)
    status_col = next((i for i, f in columns.items() if f == "status"), None)
    voided_col = next((i for i, f in columns.items() if f == "voided"), None)
    requests, statuses = [], []
    for n, row in enumerate(rows):
        old = row[status_col] if status_col is not None and status_col < len(row) else ""
        if isinstance(old, str) and old.startswith(DONE_PREFIXES):
            statuses.append(old)
            continue
        if voided_col is not None and str(row[voided_col]).strip().lower() in ("true", "1", "1.0", "ya", "yes"):
            statuses.append("Tidak dikirim: respons yang sudah dibatalkan (voided).")
            continue
        response = row_response(columns, row, null_date)
        statuses.append("" if response is None else None)
        if response is not None:
            requests.append((n, response))
    return columns, requests, statuses


def status_text(item):
    """One item of a response.submitMany result -> the status cell's text."""
    if "error" in item:
        return "Galat: " + item["error"].get("message", "")
    if item.get("notStored"):
        return "Tidak disimpan: " + item.get("reason", "")
    return ("Sudah ada (id %s)" if item.get("duplicate") else "Tersimpan (id %s)") % item["id"]


def submit_rows(requests, statuses, binary=None, db=None, timeout=None):
    """Sends the rows in chunks (one skm run) and fills `statuses`.

    Returns (rows stored or already there, rows not stored).
    """
    chunks = [requests[k:k + CHUNK] for k in range(0, len(requests), CHUNK)]
    calls = [("response.submitMany", {"responses": [r for _, r in c], "atomic": ATOMIC}) for c in chunks]
    outcomes = run_skm(calls, binary, db, timeout) if calls else []
    stored = failed = 0
    for chunk, outcome in zip(chunks, outcomes):
        if isinstance(outcome, RpcError):  # the whole call was refused (e.g. a wrong type in one row)
            failed += len(chunk)
            where = re.match(r"responses\[(\d+)\]", (outcome.data or {}).get("field") or "")
            for k, (n, _) in enumerate(chunk):
                own = where is not None and int(where.group(1)) == k
                statuses[n] = ("Galat: " if own or where is None else "Tidak disimpan: ") + outcome.message
            continue
        for item in outcome["results"]:
            n = chunk[item["index"]][0]
            statuses[n] = status_text(item)
            if "id" in item:
                stored += 1
            else:
                failed += 1
    return stored, failed


# -- LibreOffice (uno) -------------------------------------------------------------------------

def _document():
    return XSCRIPTCONTEXT.getDocument()  # noqa: F821 (set by LibreOffice for macro files)


def _show(doc, text, error=False):
    """A message box (in a headless LibreOffice it returns at once)."""
    import uno  # noqa: F401 (only here: the pure part must not need it)
    from com.sun.star.awt.MessageBoxType import ERRORBOX, INFOBOX
    window = doc.getCurrentController().getFrame().getContainerWindow()
    box = window.getToolkit().createMessageBox(window, ERRORBOX if error else INFOBOX, 1, "skm", text)
    box.execute()


def _say(doc, text, error=False):
    """Shows `text` and returns it: a macro returns the message it showed (None: none)."""
    _show(doc, text, error)
    return text


def _null_date(doc):
    d = doc.NullDate
    return datetime.date(d.Year, d.Month, d.Day)


def database_path(doc_url, has_location=True):
    """The database for a document: SKM_DB, else skm.sqlite in the document's folder.

    A document never saved, or opened from something other than a file (a web or cloud address),
    has no folder of its own: then SKM_DB must be set (MacroError otherwise).
    """
    configured = setting("SKM_DB")
    if configured:
        return configured
    if not has_location:
        raise MacroError("Simpan dokumen ini dulu (basis data skm.sqlite dicari di foldernya) atau atur SKM_DB.")
    if not str(doc_url).lower().startswith("file:"):
        raise MacroError("Dokumen ini dibuka dari %s, bukan dari berkas di komputer ini, jadi tidak punya folder "
                         "untuk skm.sqlite. Atur SKM_DB (lokasi basis data skm) di awal skm_calc.py atau sebagai "
                         "variabel lingkungan." % str(doc_url).split("?")[0][:120])
    import uno
    return os.path.join(os.path.dirname(uno.fileUrlToSystemPath(doc_url)), "skm.sqlite")


def _database(doc):
    return database_path(doc.getURL(), doc.hasLocation())


def _unexpected(doc, e):
    return _say(doc, "Kesalahan tak terduga di makro skm_calc (%s: %s). Laporkan ke pengelola skm."
                % (type(e).__name__, e), True)


def hitung_ikm_seleksi(*_):
    """IKM of the selected answers, written two columns right of the selection.

    Returns the message shown, None when the result was written without one.
    """
    doc = _document()
    try:
        selection = doc.getCurrentSelection()
        if not selection.supportsService("com.sun.star.sheet.SheetCellRange"):
            return _say(doc, "Pilih satu blok sel berisi jawaban (baris = responden, kolom = pertanyaan).", True)
        a = selection.getRangeAddress()
        cells = selection.getDataArray()
        answers, where = selection_answers(cells)
        try:
            result = call_skm("ikm.score", score_params(cells))
        except RpcError as e:
            return _say(doc, sheet_row_message(e, where, a.StartRow + 1), True)
        out = score_cells(result)
        sheet = doc.Sheets.getByIndex(a.Sheet)
        sheet.getCellRangeByPosition(a.EndColumn + 2, a.StartRow, a.EndColumn + 3, a.StartRow + len(out) - 1) \
            .setDataArray(out)
        return None
    except MacroError as e:
        return _say(doc, str(e), True)
    except Exception as e:  # never a Python traceback in front of the user
        return _unexpected(doc, e)


def kirim_respons_lembar(*_):
    """Submits the rows of the active sheet; each row's outcome goes into the status column.

    Returns the message shown.
    """
    doc = _document()
    try:
        sheet = doc.getCurrentController().getActiveSheet()
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last_row, last_col = cursor.getRangeAddress().EndRow, cursor.getRangeAddress().EndColumn
        if last_row < 1:
            return _say(doc, "Lembar ini kosong: baris 1 judul kolom, baris berikutnya satu responden per baris.", True)
        cells = sheet.getCellRangeByPosition(0, 0, last_col, last_row).getDataArray()
        try:
            columns, requests, statuses = sheet_requests(cells, _null_date(doc))
            stored, failed = submit_rows(requests, statuses, db=_database(doc))
        except RpcError as e:
            return _say(doc, str(e), True)
        status_col = next((i for i, f in columns.items() if f == "status"), None)
        if status_col is None:
            status_col = last_col + 1
            sheet.getCellByPosition(status_col, 0).setString(STATUS_HEADER)
        sheet.getCellRangeByPosition(status_col, 1, status_col, last_row) \
            .setDataArray(tuple((s or "",) for s in statuses))
        return _say(doc, "Selesai: %d tersimpan atau sudah ada, %d tidak tersimpan, dari %d baris data."
                    % (stored, failed, len(statuses)), error=failed > 0)
    except MacroError as e:
        return _say(doc, str(e), True)
    except Exception as e:  # never a Python traceback in front of the user
        return _unexpected(doc, e)


g_exportedScripts = (hitung_ikm_seleksi, kirim_respons_lembar)
