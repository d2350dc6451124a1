"""Command line: `erqi-tui` runs the dashboard, `erqi-tui check FILE` validates a file."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import getpass
import os
import sys
import threading
import time
from pathlib import Path

from . import __version__, config, files, fmt, store
from .model import PANE_IDS

EXIT_OK = 0
EXIT_INVALID = 2
COLOR_SYSTEMS = ("auto", "truecolor", "256", "16", "none")
EXPORT_FORMATS = ("md", "html", "csv", "json", "svg")


def bundled_data() -> Path:
    """The data file shipped with the package (in the wheel), or data/ beside a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "targets.toml"
    return packaged if packaged.is_file() else here.parent / "data" / "targets.toml"


@contextlib.contextmanager
def loading_indicator(path: Path, threshold: int = store.LARGE_FILE):
    """A spinner with the elapsed time on the terminal while a large file loads (a city's 100,000
    projects take seconds); nothing for small files or when stderr is not a terminal."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size < threshold or not sys.stderr.isatty():
        yield
        return
    done = threading.Event()

    def spin() -> None:
        started = time.monotonic()
        frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
        tick = 0
        while not done.wait(0.1):
            sys.stderr.write(f"\r{frames[tick % len(frames)]} erqi-tui: 正在读取 {path.name}"
                             f"（{size / 2**20:.1f} MB）… {time.monotonic() - started:.0f} s ")
            sys.stderr.flush()
            tick += 1
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()

    spinner = threading.Thread(target=spin, daemon=True)
    spinner.start()
    try:
        yield
    finally:
        done.set()
        spinner.join()


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):  # no login name here (e.g. a container with no passwd entry)
        return "unknown"


def record(args: argparse.Namespace, path: Path, loaded: store.Loaded) -> int:
    """`erqi-tui record`: one update from a script, as the app would record it."""
    from . import edits
    from .model import Update

    dashboard = loaded.dashboard
    who = getattr(args, "user", None) or login_name()
    today = dt.date.today()
    date = args.date or today
    try:
        if args.withdraw is not None:
            update = Update("", "", {}, None, who, args.note, withdraw=args.withdraw)
        elif args.target is not None:
            target = next((t for t in dashboard.targets if t.id == args.target), None)
            if target is None:
                return refuse(f"no target has the id {args.target!r}; the ids are: "
                              + ", ".join(t.id for t in dashboard.targets))
            if args.value is None or args.set or args.new:
                return refuse("--target takes --value (and not --set or --new)")
            update, errors = edits.target_update(
                target, {"current": args.value, "date": date.isoformat(), "note": args.note}, who,
                dashboard.update_dates(today))
            if errors:
                return refuse("; ".join(f"{edits.CLI_FIELDS.get(k, k)}: {v}" for k, v in errors.items()))
        else:
            update = project_change(args, dashboard, who, date, today)
            if isinstance(update, int):
                return update
        saved, number = store.record(path, update, reuse=loaded, today=today)
    except store.Refused as error:
        return refuse(str(error))
    except store.DataError as error:
        print_problems(error, what="files; nothing was recorded, as")
        return EXIT_INVALID
    except OSError as error:
        return refuse(f"cannot write the journal: {error.strerror or error}")
    print(fmt.clean(f"erqi-tui: recorded update {number}: {describe_update(update, dashboard)} "
                    f"({who}); journal {store.journal.journal_path(path)}", single_line=True))
    return EXIT_OK


def project_change(args: argparse.Namespace, dashboard, who: str, date: dt.date, today: dt.date):
    """The Update that `--project ID --set KEY=VALUE…` asks for, or an exit code after saying why not."""
    from . import edits

    project = next((p for p in dashboard.projects if p.id == args.project), None)
    if project is None and not args.new:
        return refuse(f"no project has the id {args.project!r} (add one with --new)")
    if project is not None and args.new:
        return refuse(f"the id {args.project!r} is taken; a new project needs a new id")
    if not args.set or args.value is not None:
        return refuse("--project takes one or more --set KEY=VALUE (and not --value)")
    fields = edits.project_fields(project)
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep or key not in fields or key in ("date", "update_note"):
            return refuse(f"--set {item!r}: expected KEY=VALUE with KEY one of "
                          + ", ".join(k for k in fields if k not in ("date", "update_note")))
        fields[key] = value
    fields.update(date=date.isoformat(), update_note=args.note)
    update, errors = edits.project_update(dashboard, project, fields, who, dashboard.update_dates(today))
    if errors:
        return refuse("; ".join(f"{edits.CLI_FIELDS.get(k, k) or 'update'}: {v}" for k, v in errors.items()))
    if args.new:
        update = update._replace(id=args.project)
    return update


def describe_update(update, dashboard) -> str:
    if update.withdraw:
        return f"withdrew update {update.withdraw}"
    parts = [f"{field} = {fmt.quantity(value) if hasattr(value, 'unit') else value}"
             for field, value in update.changes.items()]
    return f"{update.kind} {update.id}: {', '.join(parts)} as of {update.date.isoformat()}"


def refuse(message: str) -> int:
    print(fmt.clean(f"erqi-tui: nothing recorded: {message}", single_line=True), file=sys.stderr)
    return EXIT_INVALID


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 1 to 65535, got {port}")
    return port


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="erqi-tui",
        description="A terminal dashboard of a district's yearly targets (二七区 by default), "
                    "read from a TOML data file.",
        epilog="Keys in the dashboard: 1-5 switch panes, ? help, r reload, q quit. "
               "Run 'erqi-tui check FILE' to validate a data file.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--data", type=Path, metavar="PATH",
                   help="the data file to show (default: the bundled data/targets.toml)")
    p.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD",
                   help="judge progress at this date instead of the date the figures stand at")
    p.add_argument("--user", metavar="NAME",
                   help="who is recorded with the updates you make (default: your login name)")
    p.add_argument("--read-only", action="store_true",
                   help="show the data without a way to record updates (as the bundled file always is)")
    p.add_argument("--pane", choices=PANE_IDS, default="overview",
                   help="the pane to start on (default: overview)")
    p.add_argument("--lang", choices=("zh", "en"),
                   help="language: zh (default) or en; l switches in the app and remembers the choice")
    p.add_argument("--color", choices=COLOR_SYSTEMS, default="auto",
                   help="colours: auto (from COLORTERM and TERM; NO_COLOR turns them off), truecolor, "
                        "256, 16 or none")
    commands = p.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="validate a data file: exit 0 if valid, 2 with the problems if not",
                                description="Validate a data file. Exit 0 if valid; 2, with one line "
                                            "per problem (file:line: key: what was expected), if not.")
    check.add_argument("path", type=Path, metavar="PATH", help="the data file to check")
    export = commands.add_parser(
        "export", help="write the figures as md, html, csv, json or an svg screenshot",
        description="Write the dashboard's figures, with their units, 'more than' marks and ahead/behind "
                    "verdicts, for a briefing: Markdown, one self-contained HTML page, CSV for Excel "
                    "(UTF-8 with BOM), stable JSON for scripts, or an SVG screenshot of a pane.")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="md", help="default: md")
    export.add_argument("--pane", choices=PANE_IDS, help="only this pane (default: all; svg: overview)")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here (default: standard output)")
    export.add_argument("--data", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                        help="the data file (default: the bundled one)")
    export.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", default=argparse.SUPPRESS,
                        help="judge progress at this date")
    export.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS,
                        help="language of the labels and units (default: zh)")
    rec = commands.add_parser(
        "record", help="record an update from a script: a target's value, a project's fields, or a withdrawal",
        description="Record an update in the journal beside the data file, under the same lock and rules as "
                    "the app: the date must lie within the data's year and not after today, and nothing is "
                    "recorded while either file is broken. Prints one line and exits 0 when saved; exits 2 "
                    "with the reason otherwise.",
        epilog="Examples: erqi-tui record --data t.toml --target signed-amount --value 140 --date 2024-06-30 | "
               "erqi-tui record --data t.toml --project kangshifu --set status=投产 | "
               "erqi-tui record --data t.toml --withdraw 12 --note 录入错误")
    rec.add_argument("--data", type=Path, metavar="PATH", required=True, help="the data file (required)")
    what = rec.add_mutually_exclusive_group(required=True)
    what.add_argument("--target", metavar="ID", help="the id of the target whose current value to record")
    what.add_argument("--project", metavar="ID", help="the id of the project to change (with --set)")
    what.add_argument("--withdraw", type=int, metavar="N", help="withdraw (撤销) update number N of the journal")
    rec.add_argument("--value", metavar="V", help='with --target: the value, e.g. 140 or "50+" for a lower bound')
    rec.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                     help="with --project: a field to set (name, status, axis, location, investment, area, "
                          "expected, note); repeat for several")
    rec.add_argument("--new", action="store_true", help="with --project: add a new project with this id")
    rec.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="the day the figure stands at (default: today)")
    rec.add_argument("--note", default="", metavar="TEXT", help="a note kept with the update")
    rec.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                     help="who records it (default: your login name)")
    serve = commands.add_parser(
        "serve", help="serve the dashboard to web browsers (textual-serve), behind a token",
        description="Serve the dashboard to web browsers with textual-serve; each visitor gets their own "
                    "session. Every request needs the token printed at start (open the URL as printed), "
                    "and the sessions are read-only unless --allow-edits is given.")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1; "
                                                         "0.0.0.0 for every address of this machine)")
    serve.add_argument("--port", type=port_number, default=8000, help="port, 1 to 65535 (default: 8000)")
    serve.add_argument("--allow-edits", action="store_true",
                       help="let visitors record updates in the data file (default: read-only sessions)")
    serve.add_argument("--data", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                       help="the data file (default: the bundled one)")
    serve.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", default=argparse.SUPPRESS,
                       help="judge progress at this date")
    return p


def serve(args: argparse.Namespace, path: Path) -> int:
    from .serve import serve as run_server

    command = [sys.executable, "-m", "erqi_tui", "--color", args.color]
    if getattr(args, "data", None):
        command += ["--data", str(path.resolve())]
    if args.as_of:
        command += ["--as-of", args.as_of.isoformat()]
    if args.user:
        command += ["--user", args.user]
    return run_server(command, args.host, args.port, allow_edits=args.allow_edits)


def export(args: argparse.Namespace, path: Path, dashboard) -> int:
    from . import i18n, report

    i18n.set_lang(args.lang or "zh")

    if args.format == "svg":
        from .app import svg_screenshot

        text = svg_screenshot(path, dashboard, args.as_of, args.pane or "overview", lang=args.lang or "zh")
    else:
        text = report.TEXT_EXPORTS[args.format](dashboard, args.as_of, args.pane)
    data = text.encode("utf-8-sig" if args.format == "csv" else "utf-8")  # the BOM lets Excel read UTF-8
    try:
        written = files.write_output(args.output, data)
    except (OSError, ValueError) as error:
        reason = files.path_problem(args.output, error) if isinstance(error, ValueError) else (
            error.strerror or str(error))
        print(fmt.clean(f"erqi-tui: cannot write {args.output}: {reason}", single_line=True), file=sys.stderr)
        return EXIT_INVALID
    if written != "-":
        print(fmt.clean(f"erqi-tui: wrote {written}", single_line=True), file=sys.stderr)
    return EXIT_OK




def apply_color_choice(choice: str) -> None:
    """Set the colour system before Textual is imported (it reads the environment once).

    auto leaves it to the terminal's COLORTERM and TERM, as Rich detects them: OpenSSH does not
    forward COLORTERM, so over SSH an xterm-256color terminal gets 256 colours, a plain xterm 16.
    """
    if choice == "none":
        os.environ["NO_COLOR"] = "1"
    elif choice != "auto":
        os.environ["TEXTUAL_COLOR_SYSTEM"] = {"16": "standard", "256": "256"}.get(choice, choice)


def print_problems(error: store.DataError, what: str = "data file") -> None:
    count = len(error.problems)
    print(f"erqi-tui: {count} problem{'s' if count != 1 else ''} in the {what}:", file=sys.stderr)
    for problem in error.problems:
        print(f"  {problem}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    path = args.path if args.command == "check" else (args.data or bundled_data())
    try:
        with loading_indicator(path):
            loaded = store.read(path)
    except store.DataError as error:
        print_problems(error)
        return EXIT_INVALID
    dashboard = loaded.dashboard
    gc.freeze()  # the loaded data lives as long as the app: see store.keep_loaded
    if args.command == "export":
        return export(args, path, dashboard)
    if args.command == "serve":
        return serve(args, path)
    if args.command == "record":
        return record(args, path, loaded)
    if args.command == "check":
        print(f"{fmt.clean(str(path), single_line=True)}: OK — {len(dashboard.targets)} targets, {len(dashboard.figures)} figures, "
              f"{len(dashboard.events)} events, {len(dashboard.projects)} projects")
        return EXIT_OK
    apply_color_choice(args.color)
    from .app import ErqiApp  # Textual is imported only when the dashboard runs.

    settings_path = config.config_path()
    try:
        settings = config.load_config(settings_path, ErqiApp.binding_ids, ErqiApp.key_known)
    except store.DataError as error:
        print_problems(error, what="settings file")
        return EXIT_INVALID
    if args.lang:
        settings = settings.with_(lang=args.lang)
    if not sys.stdout.isatty() and not os.environ.get("TEXTUAL_DRIVER"):  # textual-serve's sessions set it
        print("erqi-tui: the dashboard needs a terminal, and standard output is not one; for the figures "
              "as text use: erqi-tui export", file=sys.stderr)
        return EXIT_INVALID

    # The bundled file lives inside the installed package: show it, but record updates only in a copy.
    read_only = args.data is None or args.read_only
    ErqiApp(path, dashboard, as_of=args.as_of, who=args.user or login_name(), loaded=loaded,
            read_only=read_only, settings=settings, settings_path=settings_path, start_pane=args.pane).run()
    return EXIT_OK
