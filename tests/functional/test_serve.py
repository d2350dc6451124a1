"""`erqi-tui serve`: the page and its websocket answer on loopback; binding elsewhere warns."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

aiohttp = pytest.importorskip("aiohttp")  # comes with textual-serve


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}  # not the developer's own settings
    process = subprocess.Popen([sys.executable, "-m", "erqi_tui", "serve", "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as response:
                page = response.read().decode("utf-8")
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("erqi-tui serve did not answer within 20 s: " + process.stderr.read())
    yield port, page, process
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def test_page_and_websocket_serve_the_dashboard(server):
    port, page, process = server
    assert "<html" in page and f"ws://127.0.0.1:{port}/ws" in page

    async def session() -> bytes:
        received = b""
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(f"ws://127.0.0.1:{port}/ws?width=100&height=30") as ws:
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline and "郑州市二七区".encode() not in received:
                    try:
                        message = await ws.receive(timeout=5)
                    except asyncio.TimeoutError:
                        continue
                    if message.type == aiohttp.WSMsgType.BINARY:
                        received += message.data
                    elif message.type == aiohttp.WSMsgType.TEXT:
                        received += message.data.encode()
                    elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                        break
        return received

    output = asyncio.run(session())
    assert "郑州市二七区".encode() in output  # the app started for this visitor and drew its title


def test_loopback_is_the_default_and_others_warn():
    from erqi_tui import cli

    args = cli.parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "erqi_tui", "serve", "--host", "0.0.0.0", "--port", str(port)],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        line = process.stderr.readline()
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert "WARNING" in line and "no authentication" in line
