"""gunicorn on a loopback port for the web benchmarks (bench_web, bench_skm), its http client and
the percentile of the latencies measured."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(db_url: str, workers: int, settings_extra: str = "", on_start=None):
    """``gunicorn sakip.wsgi -w workers`` with DEBUG off and persistent DB connections; yields the
    port once the login page answers. ``settings_extra``: lines appended to a benchmark-only
    settings module that imports sakip.settings; ``on_start(pid)`` is called when it is up. The
    server's log is deleted at the end unless it holds a traceback (its path is then printed)."""
    tmp = tempfile.TemporaryDirectory(prefix="sakip_bench_")
    env = {"DJANGO_SECRET_KEY": "benchmark-only-key-never-deployed-0123456789-abcdefghijklmnop", **os.environ}
    env.update(  # over the caller's environment (bench_core._setup put its own DATABASE_URL there)
        DATABASE_URL=db_url,
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SSL_REDIRECT="0",  # plain HTTP on loopback
        DJANGO_SECURE_COOKIES="0",
        DB_CONN_MAX_AGE="60",
    )
    if settings_extra:
        Path(tmp.name, "bench_settings.py").write_text(
            "from sakip.settings import *  # noqa: F403\n" + settings_extra
        )
        env.update(DJANGO_SETTINGS_MODULE="bench_settings", PYTHONPATH=os.pathsep.join([tmp.name, str(ROOT)]))
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="sakip_bench_gunicorn_", suffix=".log", delete=False)
    proc = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "sakip.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--backlog",
            "2048",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    try:
        deadline = time.time() + 30
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"gunicorn exited ({proc.returncode}); log: {log.name}")
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                c.request("GET", "/akun/masuk/", headers={"Host": "127.0.0.1"})
                if c.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline:
                raise SystemExit(f"gunicorn did not answer within 30 s; log: {log.name}")
            time.sleep(0.2)
        print(f"gunicorn pid {proc.pid} on 127.0.0.1:{port}, {workers} workers", flush=True)
        if on_start:
            on_start(proc.pid)
        yield port
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()
        if "Traceback (most recent call last)" in Path(log.name).read_text(errors="replace"):
            print(f"gunicorn log with a traceback kept: {log.name}", flush=True)  # e.g. an HTTP 500
        else:
            Path(log.name).unlink(missing_ok=True)
        tmp.cleanup()


class Klien:
    """One http.client connection with its own cookie jar (and optionally its own X-Forwarded-For)."""

    def __init__(self, port_or_conn, ip: str | None = None):
        self.conn = (
            port_or_conn
            if isinstance(port_or_conn, http.client.HTTPConnection)
            else http.client.HTTPConnection("127.0.0.1", port_or_conn, timeout=60)
        )
        self.ip = ip
        self.cookies: dict[str, str] = {}

    def req(self, method, path, body=None, headers=None):
        """(status, body bytes, seconds)."""
        h = {"Host": "127.0.0.1"}
        if self.ip:
            h["X-Forwarded-For"] = self.ip
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            h.update({"Content-Type": "application/x-www-form-urlencoded", "Referer": "http://127.0.0.1/"})
        h.update(headers or {})
        t0 = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=h)
            r = self.conn.getresponse()
        except (http.client.HTTPException, OSError):
            self.conn.close()  # keep-alive closed by the server: reconnect once
            self.conn.request(method, path, body=body, headers=h)
            r = self.conn.getresponse()
        data = r.read()
        dt_ = time.perf_counter() - t0
        for v in r.headers.get_all("Set-Cookie") or []:
            for k, m in SimpleCookie(v).items():
                self.cookies[k] = m.value
        return r.status, data, dt_


def persentil(xs, p):
    """The p-th percentile of ``xs`` with linear interpolation (None for no values)."""
    if not xs:
        return None
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    f = int(k)
    c = min(f + 1, len(xs) - 1)
    return xs[f] + (xs[c] - xs[f]) * (k - f)
