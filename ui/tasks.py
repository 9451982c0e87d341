"""Long work (export, import, consolidation, backup) off the GUI thread, with a cancellable progress dialog.

BackgroundReader is the other kind: figures read on a second, read-only connection in a worker thread
(the overview's year), delivered back on the GUI thread; no dialog.

Contract for the work function: it receives a TaskProgress, touches no database (the SQLite connection
belongs to the GUI thread), only plain domain objects and files, and calls ``progress.step(...)``
between units of work; a cancelled run raises TaskCancelled there. Files are written through the
exporters' atomic writes, so a cancelled or failed run leaves no half-written file; work that
writes several files stages them (``staged_folder``) and publishes them only when all succeeded.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from app.bootstrap import Services
from ui.errors import log_exception, plain_message

CANCELLED_TEXT = "Đã hủy. Không có tệp nào bị ghi dở."
T = TypeVar("T")


class TaskCancelled(Exception):
    """Raised inside the work function when the user pressed Hủy."""


class TaskProgress:
    """Handed to the work function. Thread-safe: it only emits queued signals and reads an Event."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def step(self, done: int, total: int, text: str = "") -> None:
        self.check()
        self._signals.progress.emit(done, total, text)

    def report(self, done: int, total: int, text: str = "") -> None:
        """Like step, but never raises: for services that poll ``cancelled`` themselves."""
        self._signals.progress.emit(done, total, text)

    def check(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskProgress], Any], progress: TaskProgress, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._progress, self._signals = fn, progress, signals

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except BaseException as exc:  # every failure is reported to the GUI thread, never lost in the pool
            self._signals.failed.emit(exc)
        else:
            if self._progress.cancelled:
                self._signals.failed.emit(TaskCancelled())
            else:
                self._signals.done.emit(result)


class BackgroundTask(QObject):
    """One run of a work function. Emits ``finished(result)``, ``failed(sentence)`` or ``cancelled()``."""

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    progressed = Signal(int, int, str)

    def __init__(
        self, parent: QWidget, title: str, fn: Callable[[TaskProgress], Any], *, show_dialog: bool = True
    ) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self._signals.setParent(self)
        self.progress = TaskProgress(self._signals)
        self._fn = fn
        self.running = False
        self.dialog: QProgressDialog | None = None
        if show_dialog:
            self.dialog = QProgressDialog(title, "Hủy", 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(400)  # quick jobs finish without a flash of dialog
            self.dialog.setMinimumWidth(420)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            cancel_button = QPushButton("Hủy")
            self.dialog.setCancelButton(cancel_button)
            self.dialog.canceled.connect(self.cancel)
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)

    def start(self) -> BackgroundTask:
        self.running = True
        QThreadPool.globalInstance().start(_Runnable(self._fn, self.progress, self._signals))
        return self

    def cancel(self) -> None:
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText("Đang dừng…")

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progressed.emit(done, total, text)
        dialog = self.dialog  # setValue() of a modal dialog processes events: _on_done may close it meanwhile
        if dialog is not None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)
            if text and self.dialog is dialog:
                dialog.setLabelText(text)

    def _close_dialog(self) -> None:
        self.running = False
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _on_done(self, result: object) -> None:
        self._close_dialog()
        self.finished.emit(result)

    def _on_failed(self, exc: object) -> None:
        self._close_dialog()
        if isinstance(exc, TaskCancelled):
            self.cancelled.emit()
            return
        assert isinstance(exc, BaseException)
        if not hasattr(exc, "code"):
            log_exception(exc)
        self.failed.emit(plain_message(exc))


def run_task(
    parent: QWidget,
    title: str,
    fn: Callable[[TaskProgress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
    on_cancel: Callable[[], None] | None = None,
    *,
    show_dialog: bool = True,
) -> BackgroundTask:
    task = BackgroundTask(parent, title, fn, show_dialog=show_dialog)
    task.finished.connect(on_done)
    task.failed.connect(on_error)
    if on_cancel is not None:
        task.cancelled.connect(on_cancel)
    return task.start()


class _Delivery(QObject):
    ready = Signal(int, object, object)  # ticket, result, exception


class BackgroundReader(QObject):
    """Reads over ``Services.open_reader()`` in a daemon thread; the newest request's result comes back here.

    The work function gets the reader services (its own connection, opened and closed in the thread) and
    must touch no widget. An older request still running when a newer one is made is simply not delivered.
    A daemon thread, not the Qt pool: quitting never waits for figures nobody will see.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._ticket = 0
        self._waiting: tuple[int, Callable[[Any], None], Callable[[str], None]] | None = None
        self._delivery = _Delivery(self)
        self._delivery.ready.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._waiting is not None

    def read(
        self,
        services: Services,
        fn: Callable[[Services], T],
        on_done: Callable[[T], None],
        on_error: Callable[[str], None],
    ) -> None:
        self._ticket += 1
        ticket, delivery = self._ticket, self._delivery
        self._waiting = (ticket, on_done, on_error)

        def work() -> None:
            try:
                reader = services.open_reader()
                try:
                    result, error = fn(reader), None
                finally:
                    reader.close()
            except Exception as exc:  # every failure is reported to the GUI thread
                result, error = None, exc
            with suppress(RuntimeError):  # the screen was closed meanwhile: nobody to tell
                delivery.ready.emit(ticket, result, error)

        threading.Thread(target=work, name="background-read", daemon=True).start()

    def _deliver(self, ticket: int, result: object, error: object) -> None:
        if self._waiting is None or self._waiting[0] != ticket:
            return  # superseded by a newer request
        _, on_done, on_error = self._waiting
        self._waiting = None
        if isinstance(error, BaseException):
            if not hasattr(error, "code"):
                log_exception(error)
            on_error(plain_message(error))
        else:
            on_done(result)


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A scratch folder beside *target*; its files move into *target* only if the block finishes.

    On TaskCancelled or any error the scratch folder is removed and *target* is untouched.
    """
    target.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".dang-ghi-", dir=target))
    try:
        yield scratch
        for item in sorted(scratch.iterdir()):
            destination = target / item.name
            if destination.is_dir() and item.is_dir():
                shutil.rmtree(destination)
            item.replace(destination)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
