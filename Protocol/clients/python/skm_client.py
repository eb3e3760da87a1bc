"""A small client for `skm rpc`: JSON-RPC 2.0, one message per line over a subprocess's pipes.

    from skm_client import SkmClient, SkmError

    with SkmClient(db="skm.sqlite") as skm:
        skm.call("unit.add", {"code": "KEC", "name": "Kecamatan"})
        try:
            skm.submit(unit="KEC", service="KTP", answers=[4, 3, 4, 3, 4, 4, 3, 4, None])
        except SkmError as e:
            print(e.message)          # Indonesian, written by the server for the user

One `skm rpc` process is started and kept for the client's whole life. Each call writes one line
and reads exactly one line back, within a timeout, and takes it only when it carries the call's
id (or id null: the server could not read the call's line). After a timeout the process is
killed and a new one is started on the next call, so a late answer can never be taken for the
next call's. A notification is followed by a small request (`sample.size`) whose answer is
awaited, so the error the server writes (id null) for a notification it could not read is read
there and raised by `notify`, never handed to a later call.

Standard library only (Python 3.8+). POSIX only (Linux, macOS): the timeout uses `selectors` on
the pipe, which Windows does not support for pipes.
"""

import json
import os
import selectors
import shutil
import subprocess
import tempfile
import time
from typing import Any, Callable, Iterable, List, NamedTuple, Optional, Sequence

__all__ = ["SkmClient", "SkmError", "SkmTimeout", "SkmProcessError", "Notification"]


class SkmError(Exception):
    """A JSON-RPC error answered by the server. `message` is Indonesian, meant for the user."""

    def __init__(self, code: int, message: str, data: Any = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.data = data

    @property
    def data_code(self) -> Optional[str]:
        """The stable machine code (`data.code`, e.g. "answer_out_of_range"), if any."""
        return self.data.get("code") if isinstance(self.data, dict) else None

    @property
    def field(self) -> Optional[str]:
        """The offending param (`data.field`, e.g. "answers[4]"), if any."""
        return self.data.get("field") if isinstance(self.data, dict) else None

    def __repr__(self) -> str:
        return f"SkmError({self.code}, {self.message!r}, {self.data!r})"


class SkmProcessError(RuntimeError):
    """The server process could not be started, died, or answered something unexpected."""


class SkmTimeout(TimeoutError):
    """No answer within the timeout. The process was killed; the next call starts a new one.

    A write that timed out may or may not have been stored: send a `clientId` so that a retry
    is safe (the server answers `duplicate: true` instead of storing twice).
    """


# Sent after notifications, so that their possible error answer (id null) is read at once.
_SYNC = ("sample.size", {"population": 1})


class _Expired(Exception):
    """Internal: the deadline of the current call has passed."""


class Notification(NamedTuple):
    """An item of `call_many` that expects no answer."""

    method: str
    params: Optional[dict] = None


class SkmClient:
    """One long-lived `skm rpc` process.

    binary:  the skm executable; default $SKM_BINARY, else `skm` on PATH.
    db:      the database file (`--db`); default: the server's (./skm.sqlite).
    timeout: seconds per call (None waits forever); each call may override it.
    command: the whole command line instead of binary/db (for tests or wrappers).

    Not thread-safe: one client per thread (each has its own process).
    """

    def __init__(self, binary: Optional[str] = None, db: Optional[str] = None, timeout: Optional[float] = 30.0,
                 extra_args: Sequence[str] = (), command: Optional[Sequence[str]] = None,
                 cwd: Optional[str] = None):
        if command is None:
            binary = binary or os.environ.get("SKM_BINARY") or shutil.which("skm") or "skm"
            command = [binary, "rpc"] + (["--db", os.fspath(db)] if db is not None else []) + list(extra_args)
        self.command = list(command)
        self.timeout = timeout
        self.cwd = cwd
        self._next_id = 0
        self._process: Optional[subprocess.Popen] = None
        self._stderr = None
        self._buffer = bytearray()
        self._closed = False
        self.notification_errors: List[SkmError] = []  # see call_many
        self._start()

    # -- the process -------------------------------------------------------------------------

    def _start(self) -> None:
        if self._stderr is not None:
            self._stderr.close()
        self._stderr = tempfile.TemporaryFile()  # a file, so a chatty stderr can never block the server
        try:
            self._process = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             stderr=self._stderr, cwd=self.cwd, bufsize=0)
        except OSError as e:
            raise SkmProcessError(f"cannot start {self.command[0]!r}: {e} (set SKM_BINARY or pass binary=)") from e
        os.set_blocking(self._process.stdin.fileno(), False)
        self._buffer = bytearray()

    def _kill(self) -> None:
        """Ends the process now; the next call starts a fresh one."""
        p, self._process = self._process, None
        if p is not None:
            p.kill()
            p.wait()
            for pipe in (p.stdin, p.stdout):
                try:
                    pipe.close()
                except OSError:
                    pass
        self._buffer = bytearray()

    def _stderr_text(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace").strip()

    @property
    def pid(self) -> Optional[int]:
        """The server's process id (None between a timeout and the next call)."""
        return self._process.pid if self._process else None

    def close(self, timeout: float = 10.0) -> Optional[int]:
        """Closes the server's stdin (it exits at end of input) and waits; returns its exit status.

        A server that has not exited after `timeout` seconds is killed.
        """
        self._closed = True
        p, self._process = self._process, None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None
        if p is None:
            return None
        try:
            p.stdin.close()
        except OSError:
            pass  # it already exited
        try:
            status = p.wait(timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            status = p.wait()
        p.stdout.close()
        return status

    def __enter__(self) -> "SkmClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- one line out, one line in -------------------------------------------------------------

    def _exchange(self, line: bytes, last: Optional[Callable[[bytes], bool]],
                  timeout: Optional[float]) -> List[bytes]:
        """Writes `line` (one or more messages), then reads lines back within the timeout: one
        line when `last` is None, else every line up to the first for which `last` is true.
        """
        if self._closed:
            raise SkmProcessError("the client is closed")
        if self._process is None or self._process.poll() is not None:
            self._kill()
            self._start()
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            self._write(line, deadline)
            lines = [self._read_line(deadline)]
            while last is not None and not last(lines[-1]):
                lines.append(self._read_line(deadline))
            return lines
        except _Expired:
            self._kill()
            raise SkmTimeout(f"skm did not answer within {timeout} s; the server process was stopped "
                             "and a new one will be started on the next call") from None
        except SkmProcessError:
            self._kill()
            raise

    @staticmethod
    def _remaining(deadline: Optional[float]) -> Optional[float]:
        if deadline is None:
            return None
        left = deadline - time.monotonic()
        if left <= 0:
            raise _Expired()
        return left

    def _write(self, data: bytes, deadline: Optional[float]) -> None:
        fd = self._process.stdin.fileno()
        view = memoryview(data)
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_WRITE)
            while view:
                if not sel.select(self._remaining(deadline)):
                    continue  # _remaining raises once the deadline has passed
                try:
                    n = os.write(fd, view)
                except BlockingIOError:
                    continue
                except BrokenPipeError:
                    raise SkmProcessError(self._died_message()) from None
                view = view[n:]

    def _read_line(self, deadline: Optional[float]) -> bytes:
        fd = self._process.stdout.fileno()
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                if not sel.select(self._remaining(deadline)):
                    continue
                chunk = os.read(fd, 65536)
                if not chunk:
                    raise SkmProcessError(self._died_message())
                self._buffer += chunk
        line, _, rest = bytes(self._buffer).partition(b"\n")
        self._buffer = bytearray(rest)
        return line

    def _died_message(self) -> str:
        try:
            status = self._process.wait(5) if self._process else None
        except subprocess.TimeoutExpired:
            status = "still running"
        err = self._stderr_text()
        return f"skm rpc ended (exit status {status})" + (f": {err}" if err else " without an answer")

    # -- JSON-RPC ------------------------------------------------------------------------------

    def _request(self, method: str, params: Optional[dict], with_id: bool) -> dict:
        if params is not None and not isinstance(params, dict):
            raise TypeError("params must be a dict: skm takes params by name only")
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        if with_id:
            self._next_id += 1
            message["id"] = self._next_id
        return message

    @staticmethod
    def _encode(message: Any) -> bytes:
        # ensure_ascii: the server accepts UTF-8, but ASCII keeps the line safe whatever happens.
        return (json.dumps(message, ensure_ascii=True, separators=(",", ":"), allow_nan=False) + "\n").encode("ascii")

    def _decode(self, line: bytes) -> Any:
        try:
            return json.loads(line.decode("utf-8"))
        except ValueError as e:
            self._kill()
            raise SkmProcessError(f"skm answered a line that is not JSON: {line[:200]!r}") from e

    @staticmethod
    def _outcome(answer: dict) -> Any:
        """The result, or an SkmError instance (not raised)."""
        if "error" in answer:
            e = answer["error"] or {}
            return SkmError(e.get("code"), e.get("message", ""), e.get("data"))
        return answer.get("result")

    def call(self, method: str, params: Optional[dict] = None, timeout: Optional[float] = ...) -> Any:
        """Sends one request and returns its result; raises SkmError on a JSON-RPC error.

        timeout: seconds for this call (None: no limit); omit it to use the client's.
        """
        request = self._request(method, params, with_id=True)
        [line] = self._exchange(self._encode(request), None, self.timeout if timeout is ... else timeout)
        answer = self._decode(line)
        if isinstance(answer, dict) and answer.get("id") is None and "error" in answer:
            # The server could not read this call's line (e.g. too long). No other answer can be
            # waiting: the possible answer to every notification was read when it was sent.
            raise self._outcome(answer)
        if not isinstance(answer, dict) or answer.get("id") != request["id"]:
            self._kill()
            raise SkmProcessError(f"answer does not match request {request['id']}: {line[:200]!r}")
        outcome = self._outcome(answer)
        if isinstance(outcome, SkmError):
            raise outcome
        return outcome

    def notify(self, method: str, params: Optional[dict] = None, timeout: Optional[float] = ...) -> None:
        """Sends a notification and waits until the server has run it.

        The server answers a notification nothing, not even an error met while running it. Only
        a notification it cannot read at all (e.g. longer than its line limit) gets an error with
        id null: that one is raised here as SkmError (the notification did not run), and is never
        read as the answer to a later call.
        """
        request = self._request(method, params, with_id=False)
        errors = self._send_notifications(self._encode(request), timeout)
        if errors:
            raise errors[0]

    def _send_notifications(self, line: bytes, timeout: Optional[float]) -> List["SkmError"]:
        """Sends messages that expect no answer followed by a `sample.size` request, and reads up
        to that request's answer. Returns what came before it: the server's errors (id null) for
        notifications it could not read (not JSON, too long, not a request), which did not run.
        """
        sync = self._request(*_SYNC, with_id=True)

        def is_sync_answer(answer_line: bytes) -> bool:
            try:
                answer = json.loads(answer_line.decode("utf-8"))
            except ValueError:
                return False  # refused by _decode below
            return isinstance(answer, dict) and answer.get("id") == sync["id"]

        lines = self._exchange(line + self._encode(sync), is_sync_answer,
                               self.timeout if timeout is ... else timeout)
        errors = []
        for stray_line in lines[:-1]:
            stray = self._decode(stray_line)
            for item in stray if isinstance(stray, list) else [stray]:
                if not (isinstance(item, dict) and item.get("id") is None and "error" in item):
                    self._kill()
                    raise SkmProcessError(f"unexpected answer to a notification: {stray_line[:200]!r}")
                errors.append(self._outcome(item))
        return errors

    def call_many(self, calls: Iterable, timeout: Optional[float] = ...) -> List[Any]:
        """Sends one batch. Items are `(method, params)` requests or `Notification(method, params)`.

        Returns one entry per request (notifications have none), in the order given: the result,
        or an SkmError instance for a request that failed (not raised, so the others are kept).
        Notifications of the batch that the server could not read (answered with id null) are
        listed afterwards in `notification_errors`; a batch of notifications only is sent like
        `notify` and raises the first such error.
        """
        messages, ids = [], []
        for item in calls:
            if isinstance(item, Notification):
                messages.append(self._request(item.method, item.params, with_id=False))
            else:
                method, params = item
                messages.append(self._request(method, params, with_id=True))
                ids.append(messages[-1]["id"])
        if not messages:
            raise ValueError("an empty batch is not a valid JSON-RPC message")
        self.notification_errors = []
        if not ids:  # notifications only: no answer line unless one could not be read
            self.notification_errors = self._send_notifications(self._encode(messages), timeout)
            if self.notification_errors:
                raise self.notification_errors[0]
            return []
        [line] = self._exchange(self._encode(messages), None, self.timeout if timeout is ... else timeout)
        answers = self._decode(line)
        if isinstance(answers, dict) and "error" in answers and answers.get("id") is None:
            raise self._outcome(answers)  # the batch as a whole could not be read: nothing ran
        own = [a for a in answers if isinstance(a, dict) and a.get("id") is not None] \
            if isinstance(answers, list) else []
        by_id = {a["id"]: a for a in own}
        if len(own) != len(ids) or sorted(by_id, key=str) != sorted(ids, key=str):
            self._kill()
            raise SkmProcessError(f"batch answer does not match requests {ids}: {line[:200]!r}")
        # Entries with id null answer this batch's notifications that could not be read.
        self.notification_errors = [self._outcome(a) for a in answers if isinstance(a, dict) and a.get("id") is None]
        return [self._outcome(by_id[i]) for i in ids]

    # -- helpers for the common calls -----------------------------------------------------------

    def info(self) -> dict:
        return self.call("skm.info")

    def add_unit(self, code: str, name: str, parent: Optional[str] = None, population: Optional[int] = None) -> dict:
        """unit.add, under `parent` when given, with the population it serves when known."""
        params = {"code": code, "name": name}
        if parent is not None:
            params["parent"] = parent
        if population is not None:
            params["population"] = population
        return self.call("unit.add", params)

    def add_service(self, unit: str, code: str, name: str) -> dict:
        return self.call("service.add", {"unit": unit, "code": code, "name": name})

    def submit(self, unit: str, service: str, answers, **fields) -> dict:
        """response.submit; fields: questionnaire, date, time, respondent, comment, clientId."""
        return self.call("response.submit", {"unit": unit, "service": service, "answers": answers, **fields})

    def submit_many(self, responses: list, atomic: bool = True) -> dict:
        return self.call("response.submitMany", {"responses": responses, "atomic": atomic})

    def score(self, answers: list, weighting: Optional[str] = None, questionnaire: Optional[str] = None) -> dict:
        """ikm.score: the IKM of the given answers (one list or dict per respondent); nothing stored."""
        params = {"answers": answers}
        if weighting is not None:
            params["weighting"] = weighting
        if questionnaire is not None:
            params["questionnaire"] = questionnaire
        return self.call("ikm.score", params)

    def rekap(self, year: int, parent: Optional[str] = None, method: Optional[str] = None) -> dict:
        """ikm.rekap: the units under `parent` (or the top-level units) and their consolidated IKM,
        by `method` ("pooled", the default, or "mean-of-units"), which the answer names."""
        params = {"year": year}
        if parent is not None:
            params["parent"] = parent
        if method is not None:
            params["method"] = method
        return self.call("ikm.rekap", params)

    def compute(self, filter: Optional[dict] = None, **options) -> dict:
        """ikm.compute over stored responses; options: weighting, aggregation, by, population."""
        params = dict(options)
        if filter is not None:
            params["filter"] = filter
        return self.call("ikm.compute", params)
