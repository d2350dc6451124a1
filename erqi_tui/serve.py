"""`erqi-tui serve`: the dashboard in web browsers with textual-serve, each visitor a session of
their own, behind a token. No Textual here (the sessions are separate erqi-tui processes).

textual-serve alone answers anyone who reaches the port, under any Host name, and its websocket
answers any web page open in a browser on the machine. Here every request must name this server
(the address served, or a --public-host: a DNS-rebinding page names its own) and carry a token:
the one `serve` prints (a read-only demo), or a person's own from the --people file, read again
whenever it changes. The websocket must come from the page's own origin; a session is read-only
unless --allow-edits is given and the person may edit, and records under that person's name. At
most --max-sessions sessions run, each at most 300×100 cells, and each ends with its visitor.
"""

from __future__ import annotations

import asyncio
import errno
import html
import inspect
import ipaddress
import os
import secrets
import signal
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

from .core.fmt import clean
from .core.i18n import Lang
from .people import PeopleFile, Person

EXIT_OK, EXIT_INVALID = 0, 2
WEB = Path(__file__).resolve().parent / "web"
MAX_COLUMNS, MAX_ROWS = 300, 100  # a screen's worth: 4000×1500 made one session ~230 MB
MAX_SESSIONS = 20
GRACE = 2.0  # seconds a session is given to leave after its visitor has gone, before SIGKILL
HEARTBEAT = 10.0  # a visitor whose network vanished (no FIN) is noticed within 1.5 × this (a pong may
# queue behind a screenful on a slow link: 5 s ended healthy sessions of a reader that paused)
REVOCATION_CHECK = 0.5  # seconds between looks at the people file for open sessions to end


def missing_hooks() -> list[str]:
    """textual-serve's private parts that `serve` relies on (pinned: textual-serve>=1.1.3,<1.2) and
    that are not there as expected; serve refuses to start while any is missing."""
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    missing = [f"{owner.__name__}.{name}" for owner, name in (
        (Server, "_make_app"), (Server, "handle_download"), (AppService, "_open_app_process"),
        (AppService, "_build_environment"), (AppService, "run"), (AppService, "send_meta"))
        if not callable(getattr(owner, name, None))]
    try:  # our _open_app_process sets the process and its stdin where run() and stdin read them
        if "self._process" not in inspect.getsource(AppService.run):
            missing.append("AppService.run reading self._process")
        if "self._task" not in inspect.getsource(AppService.start):
            missing.append("AppService.start setting self._task")
        if "self._stdin" not in inspect.getsource(AppService.stdin.fget):
            missing.append("AppService.stdin reading self._stdin")
        if "self.download_manager" not in inspect.getsource(Server.__init__):
            missing.append("Server.download_manager")
    except (OSError, TypeError, AttributeError):
        missing.append("textual-serve's source")
    return missing


def check_address(host: str, port: int, *, lang: Lang) -> str | None:
    """Why `host`:`port` cannot be listened on, in one line in `lang`; None if it can."""
    if not 1 <= port <= 65535:
        return lang.tr("{port} 不是端口号；应在 1 至 65535 之间", port=port)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as error:
        return lang.tr("未知的主机 {host}：{error}", host=repr(host),
                       error=getattr(error, "strerror", None) or error)
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp binds
        try:
            probe.bind(address)
        except PermissionError:
            return lang.tr("端口 {port} 低于 1024，需要 root 权限；请用 --port 选择 1024 以上的端口", port=port)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return lang.tr("{host} 的端口 {port} 已被其他程序占用；请用 --port 另选一个", host=host, port=port)
            if error.errno == errno.EADDRNOTAVAIL:
                return lang.tr("{host} 不是本机的地址", host=host)
            return lang.tr("无法在 {host}:{port} 监听：{error}", host=host, port=port, error=error.strerror or error)
    return None


WILDCARDS = ("0.0.0.0", "::", "")


def page_urls(host: str, port: int, token: str, public_hosts: tuple[str, ...] = ()) -> list[str]:
    """The URLs to print: the one asked for, or for a wildcard address the machine's own names; and
    each --public-host, as the office's reverse proxy serves it (HTTPS, its own port)."""
    hosts = [host]
    if host in WILDCARDS:
        hosts = ["127.0.0.1", socket.gethostname()]
    return ([f"http://{f'[{h}]' if ':' in h else h}:{port}/?token={token}" for h in hosts]
            + [f"https://{name}/?token={token}" for name in public_hosts])


def host_names(host: str, public_hosts: tuple[str, ...]) -> tuple[set[str], bool]:
    """The names a request's Host may give, and whether any IP address will do (a wildcard address:
    a page reached by its address, not a name, cannot be a rebinding attack, which needs a name)."""
    names = {host.lower().strip("[]"), *(name.lower() for name in public_hosts)}
    try:
        loopback = ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        loopback = host.lower() == "localhost"
    if loopback:
        names |= {"localhost", "127.0.0.1", "::1"}
    wildcard = host in WILDCARDS
    if wildcard:
        names |= {"localhost", socket.gethostname().lower()}
    return names, wildcard


def host_allowed(request_host: str, names: set[str], any_address: bool) -> bool:
    """Whether a request's Host header ("name", "name:port", "[v6]:port") names this server."""
    name, port = request_host.lower(), ""
    if name.startswith("["):
        name, _, port = name[1:].partition("]")
        port = port.removeprefix(":")
    elif name.count(":") == 1:
        name, _, port = name.partition(":")
    if port and not port.isdigit():
        return False
    if name in names:
        return True
    if any_address:
        try:
            ipaddress.ip_address(name)
            return True
        except ValueError:
            return False
    return False


class Access:
    """Who a token lets in: one shared person (the printed token), or the people file's."""

    def __init__(self, shared: Person | None = None, people: PeopleFile | None = None) -> None:
        self.shared, self.people = shared, people

    def person(self, token: str) -> Person | None:
        if not token:
            return None
        if self.people is not None:
            found = self.people.current().get(token)
            # compare_digest: how long a wrong token took to refuse says nothing of the right ones
            return found if found is not None and secrets.compare_digest(found.token, token) else None
        if self.shared is not None and secrets.compare_digest(token.encode(), self.shared.token.encode()):
            return self.shared
        return None


def session_command(base: list[str], person: Person, allow_edits: bool) -> list[str]:
    """The erqi-tui command of `person`'s session: under their name, read-only unless both the server
    and their rights allow edits."""
    # --user=NAME, one argument: a name that starts with "-" is not read as an option
    return base + [f"--user={person.name}"] + ([] if allow_edits and person.may_edit else ["--read-only"])


def serve(command: list[str], host: str, port: int, *, allow_edits: bool, title: str = "erqi-tui",
          access: Access, max_sessions: int = MAX_SESSIONS, public_hosts: tuple[str, ...] = (),
          lang: Lang) -> int:
    """Serve `command`'s sessions until stopped; what the server itself says (on standard error and
    in its refusal pages) is in `lang`. Each session speaks as its own command line (or the settings)
    says."""
    missing = missing_hooks()
    if missing:
        print(lang.tr("erqi-tui：无法提供服务：这一版 textual-serve 缺少 serve 所依赖的 {hooks}；请安装 textual-serve>=1.1.3,<1.2",
                      hooks=", ".join(missing)), file=sys.stderr)
        return EXIT_INVALID
    problem = check_address(host, port, lang=lang)
    if problem:
        print(clean(lang.tr("erqi-tui：无法提供服务：{problem}", problem=problem), single_line=True), file=sys.stderr)
        return EXIT_INVALID
    server = make_server(command, host, port, access, title, allow_edits=allow_edits, max_sessions=max_sessions,
                         public_hosts=public_hosts, lang=lang)
    if access.people is not None:
        access.people.current()
        count = len(access.people.people)
        mode = lang.tr("每人用自己的链接（{path} 中 {count} 人）", path=access.people.path, count=count)
        print(clean(lang.tr("erqi-tui：正在提供仪表盘，{mode}，最多 {max} 个会话（Ctrl+C 停止）",
                            mode=mode, max=max_sessions), single_line=True), file=sys.stderr)
        if access.people.problem:
            print(clean(lang.tr("erqi-tui：在改正之前谁也进不来：{problem}", problem=access.people.problem),
                        single_line=True), file=sys.stderr)
    else:
        mode = lang.tr("访问者可以记录更新（--allow-edits）") if allow_edits else lang.tr("只读（加 --allow-edits 可记录更新）")
        print(lang.tr("erqi-tui：正在提供仪表盘，{mode}。请打开（Ctrl+C 停止）：", mode=mode), file=sys.stderr)
        for url in page_urls(host, port, access.shared.token, public_hosts):
            print(f"    {url}", file=sys.stderr)
    sys.stderr.flush()
    try:
        server.serve()
    except OSError as error:  # the port was taken between the check and the start
        print(clean(lang.tr("erqi-tui：无法在 {host}:{port} 提供服务：{error}", host=host, port=port,
                            error=error.strerror or error), single_line=True), file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def message_page(status: int, message: str, title: str = "erqi-tui"):
    """A small page saying `message` (plain text, escaped), with `status`."""
    from aiohttp import web

    text = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">'
            f'<link rel="icon" href="data:,"><title>{html.escape(title)}</title></head>'
            f'<body style="font-family: sans-serif; margin: 3em"><p>{html.escape(message)}</p></body></html>\n')
    return web.Response(status=status, text=text, content_type="text/html", charset="utf-8")


def make_server(base_command: list[str], host: str, port: int, access: Access, title: str, *,
                allow_edits: bool = False, max_sessions: int = MAX_SESSIONS, public_hosts: tuple[str, ...] = (),
                lang: Lang):
    """A textual-serve Server that answers only requests naming this server and carrying a token it
    admits, websockets only from the page's own origin, at most `max_sessions` at once; its refusals
    are said in `lang`."""
    import aiohttp_jinja2
    import jinja2
    from aiohttp import WSMsgType, web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server, to_int

    cookie = f"erqi-tui-token-{port}"
    names, any_address = host_names(host, public_hosts)

    def given_token(request: web.Request) -> str:
        return (request.match_info.get("token") or request.query.get("token")
                or request.cookies.get(cookie) or "")

    def same_origin(request: web.Request) -> bool:
        origin = request.headers.get("Origin", "")
        return bool(origin) and urlsplit(origin).netloc.lower() == request.host.lower()

    @web.middleware
    async def guard(request: web.Request, handler):
        if not host_allowed(request.host, names, any_address):
            return message_page(403, lang.tr("erqi-tui：这个服务器不以“{name}”这个名字提供服务（用打印的地址，"
                                             "或在 serve 上加 --public-host 名字）",
                                             name=clean(request.host, single_line=True)))
        person = access.person(given_token(request))
        if person is None:
            return message_page(403, lang.tr("erqi-tui：此地址需要含令牌（?token=…）的链接：请向提供仪表盘的人索要你的链接，"
                                             "按给出的样子打开。"))
        if request.path.startswith("/ws") and not same_origin(request):
            return message_page(403, lang.tr("erqi-tui：会话的 websocket 只回答它自己的页面。"))
        request["person"] = person
        response = await handler(request)
        if request.path == "/":
            response.set_cookie(cookie, person.token, httponly=True, samesite="Strict", path="/")
        return response

    class Session(AppService):
        """One visitor's erqi-tui process: started without a shell (a name is an argument, never
        shell text), in a process group of its own, and ended, whatever it is doing, when the
        visitor goes."""

        def __init__(self, argv: list[str], person: Person, websocket: web.WebSocketResponse, **kwargs) -> None:
            async def send_bytes(data: bytes) -> None:
                if not websocket.closed:  # the output of a session whose visitor has gone is dropped,
                    try:                  # so that the process is never blocked on a full pipe
                        await websocket.send_bytes(data)
                    except ConnectionError:
                        pass

            async def send_str(data: str) -> None:
                if not websocket.closed:
                    try:
                        await websocket.send_str(data)
                    except ConnectionError:
                        pass

            super().__init__(" ".join(argv), write_bytes=send_bytes, write_str=send_str, close=websocket.close,
                             **kwargs)
            self.argv, self.person, self.websocket = argv, person, websocket
            self.downloads = kwargs["download_manager"]
            self.closing: asyncio.Future | None = None  # the close of a revoked visitor's websocket, under way

        async def _open_app_process(self, width: int = 80, height: int = 24):
            self._process = process = await asyncio.create_subprocess_exec(
                *self.argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE, env=self._build_environment(width=width, height=height),
                start_new_session=True)
            self._stdin = process.stdin
            return process

        async def end(self) -> None:
            """Ask the process to quit, close its input, and kill it if it is still there after GRACE."""
            process = getattr(self, "_process", None)
            await self.downloads.cancel_app_downloads(app_service_id=self.app_service_id)
            if process is not None and process.returncode is None:
                try:
                    await asyncio.wait_for(self.send_meta({"type": "quit"}), 0.5)
                    self._stdin.close()
                except (asyncio.TimeoutError, OSError, RuntimeError):
                    pass
                try:
                    await asyncio.wait_for(process.wait(), GRACE)
                except asyncio.TimeoutError:
                    try:
                        os.killpg(process.pid, signal.SIGKILL)
                    except (ProcessLookupError, PermissionError):
                        process.kill()
                    await process.wait()
            if self._task is not None:
                try:
                    await asyncio.wait_for(self._task, GRACE)
                except (asyncio.TimeoutError, asyncio.CancelledError):
                    self._task.cancel()
                self._task = None

    class TokenServer(Server):
        def __init__(self) -> None:
            super().__init__(" ".join(base_command), host=host, port=port, title=title, templates_path=WEB)
            self.sessions: set[Session] = set()
            self.closing: set[asyncio.Future] = set()

        async def _make_app(self) -> web.Application:
            # Our own routes rather than textual-serve's: static folders not listed, the websocket
            # only under the token's path, the guard in front of everything.
            app = web.Application(middlewares=[guard])
            aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(WEB))
            app.add_routes([
                web.get("/", self.handle_index),
                web.get("/ws/{token}", self.handle_websocket),
                web.get("/download/{key}", self.handle_download),
                web.static("/static", self.statics_path, show_index=False),
            ])
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

        async def on_startup(self, app: web.Application) -> None:
            # serve() has said where to go (textual-serve's banner names 0.0.0.0 as a URL); the
            # people file is watched so that a revoked person's open sessions end too.
            if access.people is not None:
                app["revocations"] = asyncio.get_running_loop().create_task(self.end_revoked())

        async def end_revoked(self) -> None:
            while True:
                await asyncio.sleep(REVOCATION_CHECK)
                for session in list(self.sessions):
                    if access.person(session.person.token) != session.person and not session.websocket.closed:
                        # not awaited here: closing waits for the browser's answer
                        closing = asyncio.ensure_future(session.websocket.close(code=4003, message=b"revoked"))
                        self.closing.add(closing)
                        closing.add_done_callback(self.closing.discard)
                        session.closing = closing  # the session's handler waits for it before it returns

        async def on_shutdown(self, app: web.Application) -> None:
            if "revocations" in app:
                app["revocations"].cancel()
            await asyncio.gather(*(session.websocket.close(code=1001) for session in list(self.sessions)),
                                 return_exceptions=True)
            await asyncio.gather(*(session.end() for session in list(self.sessions)), return_exceptions=True)

        def initialize_logging(self) -> None:
            import logging

            super().initialize_logging()
            logging.getLogger().setLevel(logging.WARNING)  # no access log: each line would carry the token

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            if len(self.sessions) >= max_sessions:
                return message_page(503, busy_message(max_sessions, lang=lang), title)
            context = {"font_size": max(6, min(to_int(request.query.get("fontsize", "16"), 16), 64)),
                       "token": request["person"].token, "title": title}
            return aiohttp_jinja2.render_template("app_index.html", request, context)

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            websocket = web.WebSocketResponse(heartbeat=HEARTBEAT, max_msg_size=1 << 16)
            await websocket.prepare(request)
            if len(self.sessions) >= max_sessions:
                await websocket.send_bytes(f"\r\n  {busy_message(max_sessions, lang=lang)}\r\n".encode("utf-8"))
                await websocket.close(code=1013, message=b"too many sessions")
                return websocket
            person = request["person"]
            session = Session(session_command(base_command, person, allow_edits), person, websocket,
                              download_manager=self.download_manager)
            self.sessions.add(session)  # before the first await: N+1 at once are still refused
            try:
                await session.start(*terminal_size(request.query.get("width"), request.query.get("height")))
                await relay(websocket, session)
            except Exception as error:  # a session that failed is ended, and the server goes on
                print(clean(f"erqi-tui serve: a session failed: {error!r}", single_line=True), file=sys.stderr)
            finally:
                try:
                    await asyncio.shield(session.end())
                finally:  # counted until its process is gone: a visitor who drops and comes back at
                    self.sessions.discard(session)  # once must not run more than --max-sessions of them
                # A revoked visitor is told so (4003), whichever way the session ended first; and the
                # close under way is let finish before the request ends, or the connection is cut
                # before its close frame is out (seen as 1006 by the browser, on a busy machine).
                if session.closing is not None:
                    await asyncio.wait({session.closing}, timeout=GRACE)
                elif not websocket.closed:
                    revoked = access.people is not None and access.person(person.token) != person
                    await websocket.close(code=4003 if revoked else 1000, message=b"revoked" if revoked else b"")
            return websocket

    async def relay(websocket: web.WebSocketResponse, session: Session) -> None:
        """The browser's keys and sizes to the session, checked: anything else is ignored."""
        import json

        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind, data = (envelope + [None])[:2] if isinstance(envelope, list) and envelope else (None, None)
            except (ValueError, TypeError):
                continue
            if kind == "stdin" and isinstance(data, str):
                await session.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await session.set_terminal_size(*terminal_size(data.get("width"), data.get("height")))
            elif kind == "ping" and isinstance(data, str):
                await websocket.send_json(["pong", data[:64]])
            elif kind == "blur":
                await session.blur()
            elif kind == "focus":
                await session.focus()

    return TokenServer()


def terminal_size(width: object, height: object) -> tuple[int, int]:
    """The terminal size a page asks for, as whole cells within 1..300 × 1..100 (80×24 if unreadable)."""
    def cells(value: object, default: int, most: int) -> int:
        try:
            number = int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError, OverflowError):
            number = default
        return max(1, min(number, most))

    return cells(width, 80, MAX_COLUMNS), cells(height, 24, MAX_ROWS)


def busy_message(max_sessions: int, *, lang: Lang) -> str:
    return lang.tr("erqi-tui：已有 {max} 个会话在运行，这是上限（--max-sessions）；请稍后再试。", max=max_sessions)
