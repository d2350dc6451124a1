"""`erqi-tui serve`: the dashboard in web browsers with textual-serve, each visitor a session of
their own, behind a token. No Textual here (the sessions are separate erqi-tui processes).

textual-serve alone answers anyone who reaches the port, and its websocket answers any web page
open in a browser on the machine. Here every request must carry the token `serve` prints (in the
URL, then in a cookie the page sets), the websocket must come from the page's own origin, and the
sessions are read-only unless `--allow-edits` is given. The page is our own: relative URLs, so it
works on 0.0.0.0 and through tunnels, and no font from outside the server.
"""

from __future__ import annotations

import errno
import secrets
import shlex
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

from .fmt import clean
from .i18n import tr

EXIT_OK, EXIT_INVALID = 0, 2
WEB = Path(__file__).resolve().parent / "web"


def check_address(host: str, port: int) -> str | None:
    """Why `host`:`port` cannot be listened on, in one line; None if it can."""
    if not 1 <= port <= 65535:
        return f"port {port} is not a port number; expected 1 to 65535"
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as error:
        return f"unknown host {host!r}: {getattr(error, 'strerror', None) or error}"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp binds
        try:
            probe.bind(address)
        except PermissionError:
            return f"port {port} is privileged (below 1024) and needs root; choose 1024 or above with --port"
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is already in use by another program; choose another with --port"
            if error.errno == errno.EADDRNOTAVAIL:
                return f"{host} is not an address of this machine"
            return f"cannot listen on {host}:{port}: {error.strerror or error}"
    return None


def page_urls(host: str, port: int, token: str) -> list[str]:
    """The URLs to print: the one asked for, or for a wildcard address the machine's own names."""
    hosts = [host]
    if host in ("0.0.0.0", "::", ""):
        hosts = ["127.0.0.1", socket.gethostname()]
    return [f"http://{f'[{h}]' if ':' in h else h}:{port}/?token={token}" for h in hosts]


def serve(command: list[str], host: str, port: int, *, allow_edits: bool, title: str = "erqi-tui") -> int:
    problem = check_address(host, port)
    if problem:
        print(clean(tr("erqi-tui：无法提供服务：{problem}", problem=problem), single_line=True), file=sys.stderr)
        return EXIT_INVALID
    token = secrets.token_urlsafe(24)
    server = make_server(shlex.join(command + ([] if allow_edits else ["--read-only"])), host, port, token, title)
    mode = tr("访问者可以记录更新（--allow-edits）") if allow_edits else tr("只读（加 --allow-edits 可记录更新）")
    print(tr("erqi-tui：正在提供仪表盘，{mode}。请打开（Ctrl+C 停止）：", mode=mode), file=sys.stderr)
    for url in page_urls(host, port, token):
        print(f"    {url}", file=sys.stderr)
    sys.stderr.flush()
    try:
        server.serve()
    except OSError as error:  # the port was taken between the check and the start
        print(clean(tr("erqi-tui：无法在 {host}:{port} 提供服务：{error}", host=host, port=port,
                       error=error.strerror or error), single_line=True), file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def make_server(command: str, host: str, port: int, token: str, title: str):
    """A textual-serve Server that admits only requests with `token`, and websockets only from
    the page's own origin."""
    import aiohttp_jinja2
    from aiohttp import web
    from textual_serve.server import Server, to_int

    cookie = f"erqi-tui-token-{port}"

    def has_token(request: web.Request) -> bool:
        given = (request.match_info.get("token") or request.query.get("token")
                 or request.cookies.get(cookie) or "")
        return secrets.compare_digest(given.encode(), token.encode())

    def same_origin(request: web.Request) -> bool:
        origin = request.headers.get("Origin", "")
        return bool(origin) and urlsplit(origin).netloc.lower() == request.host.lower()

    @web.middleware
    async def guard(request: web.Request, handler):
        if not has_token(request):
            raise web.HTTPForbidden(text="erqi-tui: this address needs the token that `erqi-tui serve` "
                                         "printed: open the URL with ?token=… as it was given.\n")
        if request.path.startswith("/ws") and not same_origin(request):
            raise web.HTTPForbidden(text="erqi-tui: the session's websocket answers only its own page.\n")
        response = await handler(request)
        if request.path == "/":
            response.set_cookie(cookie, token, httponly=True, samesite="Strict", path="/")
        return response

    class TokenServer(Server):
        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(guard)
            app.router.add_get("/ws/{token}", self.handle_websocket)
            return app

        async def on_startup(self, app: web.Application) -> None:
            pass  # serve() has said where to go; textual-serve's banner names 0.0.0.0 as a URL

        def initialize_logging(self) -> None:
            import logging

            super().initialize_logging()
            logging.getLogger().setLevel(logging.WARNING)  # no access log: each line would carry the token

        @aiohttp_jinja2.template("app_index.html")
        async def handle_index(self, request: web.Request) -> dict:
            return {"font_size": to_int(request.query.get("fontsize", "16"), 16), "token": token,
                    "title": title}

    return TokenServer(command, host=host, port=port, title=title, templates_path=WEB)
