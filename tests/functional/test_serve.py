"""`erqi-tui serve`: the page and its websocket answer only with the session token, the websocket
only from the page's own origin; sessions are read-only by default; any address works."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

aiohttp = pytest.importorskip("aiohttp")  # comes with textual-serve

from erqi_tui.core.i18n import ZH
from ..conftest import BUNDLED  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(tmp_path, *args: str, cwd=None, env: dict | None = None,
          ready: str = r"token=([\w-]+)") -> tuple[subprocess.Popen, str, int]:
    """erqi-tui serve with `args`; the process, its token (or what `ready` found) and port once it
    answers."""
    port = free_port()
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), **(env or {})}  # not the developer's own settings
    process = subprocess.Popen([sys.executable, "-m", "erqi_tui", "serve", "--port", str(port), *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    lines = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        lines.append(line)
        found = re.search(ready, line)
        if found:
            while time.monotonic() < deadline:  # the address is printed just before it is listened on
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    return process, found[1], port
                except OSError:
                    time.sleep(0.1)
    process.kill()
    pytest.fail("erqi-tui serve printed no URL: " + "".join(lines))


def get(url: str, headers: dict | None = None, timeout: float = 2) -> tuple[int, str]:
    """The status and body of `url`, asked again while the server is not yet listening. A download
    is served once: fetch it with a `timeout` long enough for it, not again."""
    for _ in range(100):
        try:
            request = urllib.request.Request(url, headers=headers or {})
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url}")


@pytest.fixture
def server(tmp_path):
    process, token, port = start(tmp_path)
    yield token, port
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


async def first_frame(url: str, origin: str | None, until: bytes = "郑州市二七区".encode(),
                      then: tuple[str, bytes] | None = None) -> tuple[int | None, bytes]:
    """Connect a websocket to `url` from a page at `origin`: (refusal status, what the session drew
    up to `until`). `then`: keys to type once it is drawn, and what to wait for after them; the
    output returned is then what came after the keys, and a second more."""
    received = b""
    headers = {"Origin": origin} if origin else {}
    async with aiohttp.ClientSession() as client:
        try:
            ws = await client.ws_connect(url, headers=headers)
        except aiohttp.WSServerHandshakeError as error:
            return error.status, b""
        async with ws:
            deadline = time.monotonic() + 30
            settle = None
            while time.monotonic() < deadline and (settle is None or time.monotonic() < settle):
                if until in received and settle is None:
                    if then is None:
                        break
                    await asyncio.sleep(0.5)
                    keys, until = then
                    await ws.send_json(["stdin", keys])
                    received, then = b"", None
                    continue
                if then is None and until in received:
                    settle = settle or time.monotonic() + 1.0
                try:
                    message = await ws.receive(timeout=0.5)
                except asyncio.TimeoutError:
                    continue
                if message.type == aiohttp.WSMsgType.BINARY:
                    received += message.data
                elif message.type == aiohttp.WSMsgType.TEXT:
                    received += message.data.encode()
                elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    break
    return None, received


def test_without_the_token_every_page_is_refused(server):
    token, port = server
    for path in ("/", "/static/js/textual.js", "/?token=wrong", "/download/x"):
        status, body = get(f"http://127.0.0.1:{port}{path}")
        assert status == 403 and "token" in body
    status, page = get(f"http://127.0.0.1:{port}/?token={token}")
    assert status == 200 and "<html" in page
    assert "http://" not in page.replace("http://www.w3.org", "")  # nothing absolute: no outside font
    assert "fonts.googleapis" not in page and "ws/" + token in page
    assert get(f"http://127.0.0.1:{port}/static/js/textual.js?token={token}")[0] == 200


def test_websocket_needs_the_token_and_the_pages_own_origin(server):
    token, port = server
    here = f"http://127.0.0.1:{port}"
    status, _ = asyncio.run(first_frame(f"ws://127.0.0.1:{port}/ws?width=100&height=30", here))
    assert status == 403  # no token
    status, _ = asyncio.run(first_frame(f"ws://127.0.0.1:{port}/ws/{token}?width=100&height=30",
                                        "http://evil.example"))
    assert status == 403  # another site's page in the same browser
    status, _ = asyncio.run(first_frame(f"ws://127.0.0.1:{port}/ws/{token}?width=100&height=30", None))
    assert status == 403  # no Origin at all
    status, output = asyncio.run(first_frame(f"ws://127.0.0.1:{port}/ws/{token}?width=100&height=30", here))
    assert status is None and "郑州市二七区".encode() in output


def test_served_sessions_are_read_only_unless_edits_are_allowed(tmp_path):
    import shutil

    data = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, data)
    for args, editable in (([], False), (["--allow-edits", "--user", "王五"], True)):
        process, token, port = start(tmp_path, "--data", str(data), *args)
        try:
            get(f"http://127.0.0.1:{port}/?token={token}")
            # Tab to the first card: its key line offers e (更新数值) only when edits are allowed.
            url = f"ws://127.0.0.1:{port}/ws/{token}?width=100&height=30"
            _, shown = asyncio.run(first_frame(url, f"http://127.0.0.1:{port}", "要闻数据".encode(),
                                               then=("\t", "历史".encode())))
            assert "历史".encode() in shown
            assert ("更新数值".encode() in shown) == editable
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_served_on_every_address_the_page_works_by_any_name(tmp_path):
    process, token, port = start(tmp_path, "--host", "0.0.0.0")
    try:
        status, page = get(f"http://127.0.0.2:{port}/?token={token}")  # reached by another loopback name
        assert status == 200 and "0.0.0.0" not in page
        here = f"http://127.0.0.2:{port}"
        status, output = asyncio.run(first_frame(f"ws://127.0.0.2:{port}/ws/{token}?width=80&height=24", here))
        assert status is None and "郑州市二七区".encode() in output
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("args, says", [
    (["--port", "70000"], "端口应在 1 至 65535 之间，实为 70000"),  # in the command line's language
    (["--port", "http"], "应为端口号"),
    (["--host", "192.0.2.1"], "192.0.2.1 不是本机的地址"),
])
def test_a_bad_address_gets_one_line_and_exit_2(args, says):
    result = subprocess.run([sys.executable, "-m", "erqi_tui", "serve", *args], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 2 and says in result.stderr and "Traceback" not in result.stderr


def test_a_busy_port_gets_one_line_and_exit_2():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "erqi_tui", "serve", "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "已被其他程序占用" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_an_unknown_host_is_named(monkeypatch):
    # Resolving a made-up name would ask the network's DNS server: the lookup's failure is staged.
    from erqi_tui import serve

    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    assert serve.check_address("no-such-host", 8000, lang=ZH) == "未知的主机 'no-such-host'：Name or service not known"
