"""`erqi-tui serve` against a visitor who is careless or hostile (issue 20), with a real server and a
websocket client: a read-only visitor changes nothing on the server, sessions are capped and sized,
a session ends with its visitor, each person records under their own name and a revoked link is
refused at once, and the server answers only to its own names."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

aiohttp = pytest.importorskip("aiohttp")  # comes with textual-serve

from ..conftest import BUNDLED  # noqa: E402
from erqi_tui.core.i18n import ZH
from .test_serve import get, start  # noqa: E402

DRAWN = "郑州市二七区".encode()


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def sessions_of(server_pid: int) -> list[int]:
    """The session processes the server has running (its children)."""
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == server_pid and fields[0] != "Z":
            children.append(int(entry.name))
    return children


def environment_of(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode(errors="replace").partition("=")[::2] for item in raw if item)


def files_under(*folders: Path) -> dict[str, bytes]:
    return {str(path): path.read_bytes() for folder in folders for path in sorted(folder.rglob("*"))
            if path.is_file()}


class Visitor:
    """A browser's side of one session: what the terminal was sent, and keys to type."""

    def __init__(self, port: int, token: str, width: int = 100, height: int = 30,
                 origin_host: str | None = None) -> None:
        host = origin_host or f"127.0.0.1:{port}"
        self.url = f"ws://127.0.0.1:{port}/ws/{token}?width={width}&height={height}"
        self.headers = {"Origin": f"http://{host}", "Host": host}
        self.output = b""  # what was drawn since the last until() found what it waited for
        self.seen = b""  # everything drawn
        self.texts: list = []
        self.closed_with: int | None = None  # the code of the close frame the server sent, as a browser's onclose has it
        import pyte  # what a terminal shows: a word drawn in two styles is two runs of bytes

        self.screen = pyte.Screen(min(width, 300), min(height, 100))
        self.stream = pyte.ByteStream(self.screen)

    async def __aenter__(self) -> "Visitor":
        self.client = aiohttp.ClientSession()
        self.ws = await self.client.ws_connect(self.url, headers=self.headers)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.ws.close()
        await self.client.close()

    async def until(self, wanted: bytes, timeout: float = 30) -> bool:
        """Read until `wanted` has been drawn since the last call; False if the session ended first."""
        deadline = time.monotonic() + timeout
        while wanted not in self.output and time.monotonic() < deadline:
            try:
                message = await self.ws.receive(timeout=0.5)
            except asyncio.TimeoutError:
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                self.output += message.data
                self.seen += message.data
                self.stream.feed(message.data)
                if wanted.decode() in "".join(self.screen.display):
                    self.output = b""
                    return True
            elif message.type == aiohttp.WSMsgType.TEXT:
                self.texts.append(json.loads(message.data))
            else:
                # aiohttp then answers the close, and may put 1006 in ws.close_code if the server
                # has let go of the connection first: the code sent is the frame's own
                if message.type == aiohttp.WSMsgType.CLOSE:
                    self.closed_with = message.data
                return False
        found = wanted in self.output
        if found:
            self.output = self.output[self.output.index(wanted) + len(wanted):]
        return found

    async def download(self, url: str, timeout: float = 30) -> tuple[int, str]:
        """GET `url` as a browser does: the session's output is read meanwhile. (Not read, the
        server's writes to this websocket back up, and the app's answers to the download's chunk
        requests, which come through the same pipe, wait behind them: the download ends short.)"""
        fetching = asyncio.ensure_future(asyncio.to_thread(get, url, timeout=timeout))
        while not fetching.done():
            if not await self.until(b"\x00 never drawn", timeout=0.2):
                await asyncio.sleep(0.05)  # the session has ended: nothing more to read
        return fetching.result()

    async def type(self, keys: str, then: bytes | None = None) -> bool:
        await self.ws.send_json(["stdin", keys])
        return True if then is None else await self.until(then)


@pytest.mark.slow
def test_a_read_only_visitor_changes_nothing_on_the_server(tmp_path):
    work, home = tmp_path / "work", tmp_path / "home"
    config_home = home / ".config"
    (config_home / "erqi-tui").mkdir(parents=True)
    work.mkdir()
    (config_home / "erqi-tui" / "config.toml").write_text('theme = "erqi-dark"\nlang = "zh"\n', encoding="utf-8")
    data = work / "targets.toml"
    shutil.copy(BUNDLED, data)
    before = files_under(work, home)
    process, token, port = start(tmp_path, "--data", str(data), cwd=work,
                                 env={"HOME": str(home), "XDG_CONFIG_HOME": str(config_home)})

    async def visit() -> None:
        async with Visitor(port, token) as visitor:
            assert await visitor.until(DRAWN)
            await visitor.type("x")
            assert await visitor.until("已发送到浏览器下载".encode())
            starts = [t for t in visitor.texts if t[0] == "deliver_file_start"]
            assert starts, visitor.texts
            # once: a download is gone once served (asked again after a timeout under load, it was 404)
            status, svg = await visitor.download(f"http://127.0.0.1:{port}/download/{starts[0][1]}?token={token}")
            assert status == 200 and "<svg" in svg  # the picture reached the browser
            assert await visitor.type("l", then=b"Switched to English")
            await visitor.type("\x10")  # ctrl+p: the command palette
            assert await visitor.until(b"Search")
            await visitor.type("theme")
            await asyncio.sleep(0.5)
            await visitor.type("\r")
            assert await visitor.until(b"Search for themes")
            await visitor.type("nord")
            await asyncio.sleep(0.5)
            await visitor.type("\r")
            await asyncio.sleep(1.0)
            await visitor.until(b"\x1b", timeout=2)

    try:
        asyncio.run(visit())
        time.sleep(0.5)
        assert files_under(work, home) == before  # no picture, no settings, nothing
        # The next visitor gets the owner's settings, not the last visitor's.
        async def next_visitor() -> bool:
            async with Visitor(port, token) as visitor:
                return await visitor.until("总览".encode())
        assert asyncio.run(next_visitor())
    finally:
        stop(process)


def test_session_beyond_the_cap_is_told_so(tmp_path):
    process, token, port = start(tmp_path, "--max-sessions", "2")

    async def crowd() -> tuple[bytes, int | None]:
        async with Visitor(port, token) as one, Visitor(port, token) as two:
            assert await one.until(DRAWN) and await two.until(DRAWN)
            status, page = get(f"http://127.0.0.1:{port}/?token={token}")
            assert status == 503 and "已有 2 个会话在运行" in page
            async with Visitor(port, token) as third:
                await third.until(b"never", timeout=5)
                return third.output, third.closed_with

    try:
        output, code = asyncio.run(crowd())
        assert "已有 2 个会话在运行，这是上限".encode() in output and code == 1013
    finally:
        stop(process)


def test_a_huge_terminal_is_clamped_to_300_by_100(tmp_path):
    process, token, port = start(tmp_path)

    async def huge() -> dict[str, str]:
        async with Visitor(port, token, width=4000, height=1500) as visitor:
            assert await visitor.until(DRAWN)
            (session,) = sessions_of(process.pid)
            return environment_of(session)

    try:
        environment = asyncio.run(huge())
        assert (environment["COLUMNS"], environment["ROWS"]) == ("300", "100")
    finally:
        stop(process)


def test_resizes_are_clamped_too():
    from erqi_tui.serve import terminal_size

    assert terminal_size(4000, 1500) == (300, 100)
    assert terminal_size("120", "40") == (120, 40)
    assert terminal_size(None, "x") == (80, 24)
    assert terminal_size(-5, 10**400) == (1, 100)


def abrupt_drop(port: int, token: str, wait: float) -> None:
    """A browser that goes without a word: the websocket opened, then the connection reset."""
    with socket.create_connection(("127.0.0.1", port)) as raw:
        raw.sendall((f"GET /ws/{token}?width=300&height=100 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                     f"Origin: http://127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        assert b"101" in raw.recv(1024)
        time.sleep(wait)
        raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # RST


@pytest.mark.slow
def test_no_session_outlives_its_visitor_after_100_abrupt_drops(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    process, token, port = start(tmp_path, "--max-sessions", "20")
    try:
        # Ten at a time, gone at once, mid start-up or once drawing a full-size screen.
        with ThreadPoolExecutor(10) as pool:
            drops = [pool.submit(abrupt_drop, port, token, (0.0, 0.3, 1.5)[n % 3]) for n in range(100)]
            most = 0
            while not all(drop.done() for drop in drops):  # how many ran at once: they did start
                most = max(most, len(sessions_of(process.pid)))
                time.sleep(0.05)
            for drop in drops:
                drop.result()
        assert most >= 5
        deadline = time.monotonic() + 10
        while sessions_of(process.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert sessions_of(process.pid) == []
        assert get(f"http://127.0.0.1:{port}/?token={token}")[0] == 200  # and the server still serves
    finally:
        stop(process)


def write_people(path: Path, *people: tuple[str, str, str]) -> None:
    path.write_text("".join(f'[[person]]\nname = "{name}"\ntoken = "{token}"\nrights = "{rights}"\n\n'
                            for name, token, rights in people), encoding="utf-8")
    path.chmod(0o600)


ZHANG = ("张三", "zhang-san-token-0123456789", "edit")
LI = ("李四", "li-si-token-0123456789abcd", "read")


@pytest.mark.slow
def test_a_persons_link_records_their_name_in_the_journal(tmp_path):
    data = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, data)
    people = tmp_path / "people.toml"
    write_people(people, ZHANG, LI)
    process, _, port = start(tmp_path, "--data", str(data), "--allow-edits", "--people", str(people),
                             ready=r"(Ctrl\+C)")

    async def record(token: str) -> bool:
        async with Visitor(port, token) as visitor:
            assert await visitor.until("要闻数据".encode())
            await visitor.type("\t", then="历史".encode())
            if not await visitor.type("e", then="记录人：张三".encode()):  # the form says who records
                pytest.fail("\n".join(visitor.screen.display))
            await visitor.until(b"never", timeout=1.0)  # the form takes its focus
            for key in "\x15150":  # ctrl+u empties the field; a key at a time, as a person types
                await visitor.type(key)
                await visitor.until(b"never", timeout=0.2)
            assert await visitor.until(b"150")
            # 150 projects where 13 are recorded: the form asks, as the import does, and saves on a
            # second Enter (仍然保存)
            assert await visitor.type("\r", then="是否有误".encode())
            await visitor.type("\r")
            for _ in range(40):
                journal = tmp_path / "targets.journal.toml"
                if journal.exists() and "value = 150" in journal.read_text(encoding="utf-8"):
                    return True
                await visitor.until(b"never", timeout=0.25)
            pytest.fail("\n".join(visitor.screen.display))

    try:
        status, _ = get(f"http://127.0.0.1:{port}/?token={ZHANG[1]}")
        assert status == 200
        assert asyncio.run(record(ZHANG[1]))
        journal = (tmp_path / "targets.journal.toml").read_text(encoding="utf-8")
        assert 'who = "张三"' in journal
        login = os.environ.get("USER") or os.environ.get("LOGNAME")
        assert not login or f'who = "{login}"' not in journal
        # 李四 may only read: no key that records is offered.
        async def look() -> bytes:
            async with Visitor(port, LI[1]) as visitor:
                assert await visitor.until("要闻数据".encode())
                await visitor.type("\t", then="历史".encode())
                await visitor.until(b"never", timeout=1.5)
                return visitor.output
        assert "更新数值".encode() not in asyncio.run(look())
    finally:
        stop(process)


@pytest.mark.slow
def test_a_revoked_link_is_refused_within_2_seconds_and_its_session_ends(tmp_path):
    people = tmp_path / "people.toml"
    write_people(people, ZHANG, LI)
    process, _, port = start(tmp_path, "--people", str(people), ready=r"(Ctrl\+C)")

    async def revoke() -> tuple[float, float, int | None]:
        async with Visitor(port, LI[1]) as open_session:
            assert await open_session.until(DRAWN)
            assert get(f"http://127.0.0.1:{port}/?token={LI[1]}")[0] == 200
            write_people(people, ZHANG)
            revoked = time.monotonic()
            while get(f"http://127.0.0.1:{port}/?token={LI[1]}")[0] != 403:
                await asyncio.sleep(0.05)
            refused = time.monotonic() - revoked
            try:
                async with Visitor(port, LI[1]):
                    websocket = "admitted"
            except aiohttp.WSServerHandshakeError as error:
                websocket = error.status
            assert websocket == 403
            await open_session.until(b"never", timeout=5)
            return refused, time.monotonic() - revoked, open_session.closed_with

    try:
        refused, ended, code = asyncio.run(revoke())
        assert refused < 2 and ended < 5 and code == 4003
        assert get(f"http://127.0.0.1:{port}/?token={ZHANG[1]}")[0] == 200  # the others keep theirs
    finally:
        stop(process)


def test_a_people_file_that_turns_wrong_lets_nobody_in(tmp_path):
    people = tmp_path / "people.toml"
    write_people(people, ZHANG)
    process, _, port = start(tmp_path, "--people", str(people), ready=r"(Ctrl\+C)")
    try:
        assert get(f"http://127.0.0.1:{port}/?token={ZHANG[1]}")[0] == 200
        people.write_text(people.read_text(encoding="utf-8") + "[[person]\n", encoding="utf-8")
        assert get(f"http://127.0.0.1:{port}/?token={ZHANG[1]}")[0] == 403
    finally:
        stop(process)


def test_only_the_servers_own_names_are_answered(tmp_path):
    process, token, port = start(tmp_path, "--public-host", "dashboard.example.gov.cn")
    try:
        for host in ("evil.example", f"evil.example:{port}", "127.0.0.1.evil.example", "evil.example@127.0.0.1"):
            status, page = get(f"http://127.0.0.1:{port}/?token={token}", {"Host": host})
            assert status == 403 and "--public-host" in page, host
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            asyncio.run(Visitor(port, token, origin_host="evil.example").__aenter__())
        assert refused.value.status == 403
        assert get(f"http://127.0.0.1:{port}/?token={token}", {"Host": "dashboard.example.gov.cn"})[0] == 200
        assert get(f"http://127.0.0.1:{port}/?token={token}", {"Host": f"localhost:{port}"})[0] == 200
    finally:
        stop(process)


def test_static_folders_are_not_listed_and_the_refusal_asks_for_the_link(tmp_path):
    process, token, port = start(tmp_path)
    try:
        for folder in ("/static/", "/static/js/", "/static/fonts"):
            status, body = get(f"http://127.0.0.1:{port}{folder}?token={token}")
            assert status in (403, 404) and "textual.js" not in body and "RobotoMono" not in body
        status, page = get(f"http://127.0.0.1:{port}/")
        assert status == 403 and "请向提供仪表盘的人索要你的链接" in page
        assert 'rel="icon"' in get(f"http://127.0.0.1:{port}/?token={token}")[1]  # no favicon.ico asked for
    finally:
        stop(process)


def test_the_refusal_speaks_the_command_lines_language(tmp_path):
    (tmp_path / "erqi-tui").mkdir()
    (tmp_path / "erqi-tui" / "config.toml").write_text('lang = "en"\n', encoding="utf-8")  # as --lang en
    process, token, port = start(tmp_path)
    try:
        status, page = get(f"http://127.0.0.1:{port}/")
        assert status == 403 and "ask whoever serves the dashboard for your link" in page
    finally:
        stop(process)


def test_add_person_makes_a_private_file_and_prints_the_link(tmp_path):
    people = tmp_path / "people.toml"

    def add(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "erqi_tui", "serve", "--people", str(people), *args],
                              capture_output=True, text=True, timeout=60)

    first = add("--add-person", "张三", "--edit")
    assert first.returncode == 0 and "张三" in first.stdout and "?token=" in first.stdout
    assert stat.S_IMODE(people.stat().st_mode) == 0o600
    second = add("--add-person", "李四", "--public-host", "dashboard.example.gov.cn")
    assert second.returncode == 0 and "https://dashboard.example.gov.cn/?token=" in second.stdout
    from erqi_tui.people import read_people

    people_now = {p.name: p for p in read_people(people, lang=ZH).values()}
    assert people_now["张三"].rights == "edit" and people_now["李四"].rights == "read"
    assert people_now["李四"].token in second.stdout
    again = add("--add-person", "张三")
    assert again.returncode == 2 and "已有" in again.stderr and again.stderr.count("\n") == 1
    hidden = add("--add-person", "王\u202e五")
    assert hidden.returncode == 2 and "不可见" in hidden.stderr
    assert "--user" not in hidden.stderr  # the hint fits --add-person, not the record command's option


def test_people_file_may_not_be_the_data_file(tmp_path):
    data = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, data)
    (tmp_path / "link.toml").symlink_to(data)
    for given in (data, tmp_path / "link.toml", tmp_path / "targets.journal.toml"):
        result = subprocess.run([sys.executable, "-m", "erqi_tui", "serve", "--data", str(data), "--people",
                                 str(given), "--add-person", "张三"], capture_output=True, text=True, timeout=60)
        assert result.returncode == 2 and "人员文件须另用一个文件" in result.stderr, result.stderr
    assert data.read_bytes() == BUNDLED.read_bytes()


def test_edits_through_one_shared_link_need_a_name(tmp_path):
    result = subprocess.run([sys.executable, "-m", "erqi_tui", "serve", "--allow-edits"], capture_output=True,
                            text=True, timeout=60, env={**os.environ, "XDG_CONFIG_HOME": str(tmp_path)})
    assert result.returncode == 2 and "--people" in result.stderr and result.stderr.count("\n") == 1


def test_the_private_hooks_serve_relies_on_are_there():
    from erqi_tui.serve import missing_hooks

    assert missing_hooks() == []


def test_serve_refuses_to_start_when_a_hook_is_missing(monkeypatch, capsys):
    from textual_serve.app_service import AppService

    from erqi_tui import serve
    from erqi_tui.people import Person

    monkeypatch.delattr(AppService, "_open_app_process")
    access = serve.Access(shared=Person("x", "y" * 20))
    assert serve.serve(["true"], "127.0.0.1", 8000, allow_edits=False, access=access, lang=ZH) == 2
    err = capsys.readouterr().err
    assert "AppService._open_app_process" in err and err.count("\n") == 1


@pytest.mark.parametrize("argv, expected", [(["--lang", "en", "serve"], "en"), (["--lang", "zh", "serve"], "zh"),
                                            (["serve"], None)])
def test_serve_lang_starts_the_sessions_in_that_language(monkeypatch, argv, expected):
    """`erqi-tui --lang en serve`: the visitors' dashboards open in English as the server speaks it (before,
    only the server's own messages were English); without --lang each session reads the settings."""
    from erqi_tui import cli, serve as serve_module

    started = {}
    monkeypatch.setattr(serve_module, "serve", lambda command, *a, **kw: started.update(command=command) or 0)
    assert cli.main(argv) == 0
    command = started["command"]
    assert (command[command.index("--lang") + 1] if "--lang" in command else None) == expected
