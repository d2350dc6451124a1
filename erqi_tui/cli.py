"""Command line: `erqi-tui` runs the dashboard, `erqi-tui check FILE` validates a file."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from importlib import resources
from pathlib import Path

from . import __version__, journal, store

EXIT_OK = 0
EXIT_INVALID = 2


def bundled_data() -> Path:
    """The data file shipped with the package (in the wheel), or data/ beside a source checkout."""
    packaged = resources.files("erqi_tui") / "data" / "targets.toml"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "data" / "targets.toml"


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in this environment (e.g. a container with no passwd entry)
        return "unknown"


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


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
    commands = p.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="validate a data file: exit 0 if valid, 2 with the problems if not",
                                description="Validate a data file. Exit 0 if valid; 2, with one line "
                                            "per problem (file:line: key: what was expected), if not.")
    check.add_argument("path", type=Path, metavar="PATH", help="the data file to check")
    return p


def report(error: store.DataError) -> None:
    count = len(error.problems)
    print(f"erqi-tui: {count} problem{'s' if count != 1 else ''} in the data file:", file=sys.stderr)
    for problem in error.problems:
        print(f"  {problem}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    path = args.path if args.command == "check" else (args.data or bundled_data())
    loaded = journal.fingerprint(path)  # taken before reading, so a save can tell if they changed
    try:
        dashboard = store.load(path)
    except store.DataError as error:
        report(error)
        return EXIT_INVALID
    if args.command == "check":
        print(f"{path}: OK — {len(dashboard.targets)} targets, {len(dashboard.figures)} figures, "
              f"{len(dashboard.events)} events, {len(dashboard.projects)} projects")
        return EXIT_OK
    from .app import ErqiApp  # Textual is imported only when the dashboard runs.

    # The bundled file lives inside the installed package: show it, but record updates only in a copy.
    read_only = args.data is None
    ErqiApp(path, dashboard, as_of=args.as_of, who=args.user or login_name(), loaded=loaded,
            read_only=read_only).run()
    return EXIT_OK
