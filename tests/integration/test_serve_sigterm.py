"""``warwire serve`` as a real process under SIGTERM: it exits promptly and
cleanly (no traceback), idle or with a long POST still running, which gets a
503 with Retry-After instead of a 500."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from warwire.cli.serve_cmd import GRACEFUL_SHUTDOWN_S

TOKEN = "sigterm-token"
START_S = 120  # model-free start-up, but the machine may be busy


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    port = _free_port()
    cmd = [sys.executable, "-m", "warwire", "serve", "--port", str(port),
           "--db", f"sqlite:///{tmp_path / 's.db'}"]  # fmt: skip
    env = {**os.environ, "WARWIRE_TOKEN": TOKEN}
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_S
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            urllib.request.urlopen(f"{base}/api/events", timeout=5).close()
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail(f"server did not start: {proc.communicate()[1][-2000:]}")
    yield proc, base
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def _terminate(proc: subprocess.Popen[str], within: float) -> str:
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        _, stderr = proc.communicate(timeout=within)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail(f"still running {within} s after SIGTERM")
    assert proc.returncode in (0, -signal.SIGTERM), stderr
    assert "Traceback" not in stderr, stderr
    assert time.monotonic() - started < within
    return stderr


def test_idle_server_exits_on_sigterm(server: tuple[subprocess.Popen[str], str]) -> None:
    proc, _ = server
    _terminate(proc, within=10)


@pytest.mark.slow
def test_running_post_is_answered_503_and_the_server_exits(
    server: tuple[subprocess.Popen[str], str],
) -> None:
    proc, base = server
    sentence = (
        "Rebels shelled the town of Kessa on Monday, killing three civilians, officials said. "
    )
    body = json.dumps({"text": "Title\n\n" + sentence * 20_000}).encode()
    request = urllib.request.Request(
        f"{base}/api/documents", data=body, method="POST",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )  # fmt: skip
    answer: dict[str, object] = {}

    def post() -> None:
        try:
            urllib.request.urlopen(request, timeout=GRACEFUL_SHUTDOWN_S + 60).close()
            answer["status"] = 200
        except urllib.error.HTTPError as exc:
            answer.update(status=exc.code, retry=exc.headers.get("Retry-After"))

    client = threading.Thread(target=post)
    client.start()
    time.sleep(3)  # the document is being analysed
    _terminate(proc, within=GRACEFUL_SHUTDOWN_S + 20)
    client.join(timeout=30)
    assert answer == {"status": 503, "retry": "30"}
