"""Command line: `erqi-tui` runs the dashboard, `erqi-tui check FILE` validates a file."""

from __future__ import annotations

import argparse
from collections import Counter
import contextlib
import datetime as dt
import functools
import gc
import getpass
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from . import __version__, store
from .store import config, files
from .store.files import EXAMPLE, bundled_data
from .formats import FORMATS
from .core import fmt
from .core.i18n import ZH, Lang
from .core.model import PANE_IDS
from .core.fields import PROJECT as PROJECT_FIELDS, editable

EXIT_OK = 0
EXIT_INVALID = 2
COLOR_SYSTEMS = ("auto", "truecolor", "256", "16", "none")


@contextlib.contextmanager
def loading_indicator(path: Path, threshold: int = store.LARGE_FILE, *, lang: Lang):
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
    name = fmt.clean(path.name, single_line=True)  # a file's name is data: no escape reaches the terminal

    def spin() -> None:
        started = time.monotonic()
        frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
        tick = 0
        while not done.wait(0.1):
            sys.stderr.write(f"\r{frames[tick % len(frames)]} " + lang.tr(
                "erqi-tui：正在读取 {name}（{size:.1f} MB）… {seconds:.0f} 秒", name=name, size=size / 2**20,
                seconds=time.monotonic() - started) + " ")
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


def who_records(args: argparse.Namespace) -> str:
    """--user as given (an empty one is refused where it is checked, not replaced), else the login name."""
    given = getattr(args, "user", None)
    return login_name() if given is None else given


def figure_question(update, target, dashboard, typed: str, *, lang: Lang) -> str:
    """What the app's form and `import` ask of a target's new figure before recording it (10× off the
    one in force, over 10× the target, a percent written as a fraction, another figure on its date),
    "" when nothing: `record` asks it too, so a figure typed 10,000 times too large by a script is not
    recorded without a word."""
    from .core import written

    asked = written.target_asker(target, dashboard, lang=lang)(update.changes["current"], update.date, typed)
    return asked.joined(lang=lang)


def date_not_given(errors: dict[str, str], args: argparse.Namespace, dashboard, today: dt.date, *,
                   lang: Lang) -> dict[str, str]:
    """`errors`, with a date refused that was not given (today, outside a file of another year) said
    as such, with the date to give, rather than as a --date typed wrong."""
    from .store.edits import default_date

    if args.date is None and "date" in errors:
        errors["date"] = lang.tr("没有给 --date，而今天（{today}）不在数据年度 {year} 年内：请用 --date 给出截至的日期，"
                                 "如 --date {example}", today=today.isoformat(), year=dashboard.meta.year,
                                 example=default_date(dashboard, today).isoformat())
    return errors


def shipped(args: argparse.Namespace, path: Path) -> bool:
    """Whether `path` is a data file shipped with the package (the article's figures, the invented
    example): shown, never recorded into, whether it was chosen by default or named with --data
    (a checkout's data/targets.toml is the repository's own)."""
    return args.data is None or files.shipped(path)


def shipped_message(path: Path, *, lang: Lang) -> str:
    """Why a shipped file is not recorded into: the article's figures, or the invented example."""
    if path.name == EXAMPLE:
        return lang.tr("erqi-tui：随附的示例（虚构）数据只读；请复制数据文件，再用 --data 文件")
    return lang.tr("erqi-tui：随附的数据文件是文章里的真实数字，只读；请复制数据文件，再用 --data 文件")


def record(args: argparse.Namespace, path: Path, loaded: store.Loaded, *, lang: Lang) -> int:
    """`erqi-tui record`: one update from a script, as the app would record it."""
    from .store import edits
    from .core.model import Update

    if shipped(args, path):
        print(shipped_message(path, lang=lang), file=sys.stderr)
        return EXIT_INVALID
    dashboard = loaded.dashboard
    who = who_records(args)
    today = dt.date.today()
    date = args.date or today
    try:
        if args.withdraw is not None:
            ignored = withdraw_ignores(args)
            if ignored:
                return refuse(lang.tr("--withdraw N 只与 --note 和 --user 同用，不与 {options} 同用", options=lang.tr("、").join(ignored)), lang=lang)
            store.withdrawn_record(dashboard, args.withdraw, lang=lang)  # 0, below or past the last: Refused, as the store says it
            update = Update("", "", {}, None, who, args.note, withdraw=args.withdraw)
        elif args.target is not None:
            target = next((t for t in dashboard.targets if t.id == args.target), None)
            if target is None:
                return refuse(lang.tr("没有 id 为 {id} 的目标；目标的 id 有：{ids}", id=repr(args.target),
                                      ids=lang.tr("、").join(t.id for t in dashboard.targets)), lang=lang)
            if args.value is None or args.set or args.new or args.done or steps(args) or args.unit or args.person:
                return refuse(lang.tr("--target 只与 --value 同用（不能同时给 --set、--new、--done、--reach、--raise、--resolve、--unit 或 --person）"), lang=lang)
            update, errors = edits.target_update(
                target, {"current": args.value, "date": date.isoformat(), "note": args.note}, who,
                dashboard.update_dates(today), lang=lang)
            if errors:
                errors = date_not_given(errors, args, dashboard, today, lang=lang)
                return refuse("; ".join(f"{edits.CLI_FIELDS.get(k, k)}: {v}" for k, v in errors.items()), lang=lang)
            question = figure_question(update, target, dashboard, args.value, lang=lang)
            if question and not args.accept_outliers:
                return refuse(lang.tr("{question}核实后改正；确属实情时加 --accept-outliers 记录",
                                      question=question), lang=lang)
        elif args.task is not None:
            task = next((t for t in dashboard.tasks if t.id == args.task), None)
            if task is None:
                return refuse(lang.tr("没有 id 为 {id} 的重点任务", id=repr(args.task))
                              + ("" if dashboard.tasks else lang.tr("（数据文件中没有列出重点任务（[[task]]））")), lang=lang)
            if not args.done or args.set or args.value is not None or args.new or steps(args) or args.unit or args.person:
                return refuse(lang.tr("--task ID 只与 --done 同用（不能同时给 --set、--value、--new、--reach、--raise、--resolve、--unit 或 --person）"), lang=lang)
            update, errors = edits.task_finished(task, {"date": date.isoformat(), "note": args.note}, who,
                                                 dashboard.update_dates(today), lang=lang)
            if errors:
                return refuse("; ".join(date_not_given(errors, args, dashboard, today, lang=lang).values()), lang=lang)
        elif steps(args):
            update = project_step(args, dashboard, who, date, today, lang=lang)
            if isinstance(update, int):
                return update
        else:
            update = project_change(args, dashboard, who, date, today, lang=lang)
            if isinstance(update, int):
                return update
        saved, number = store.record(path, update, reuse=loaded, today=today, lang=lang)
    except store.Refused as error:
        return refuse(str(error), lang=lang)
    except store.DataError as error:
        own = options_refused(error, path, lang=lang)
        if own:  # the update given was refused, not a file: said by its options, not at a line it never reached
            return refuse("; ".join(own), lang=lang)
        print_problems(error, what="数据文件或更新记录（未记录）", lang=lang)
        return EXIT_INVALID
    except OSError as error:
        return refuse(lang.tr("无法写入更新记录：{error}", error=files.write_problem(error, lang=lang)), lang=lang)
    print(fmt.clean(lang.tr("erqi-tui：已记录第 {number} 条更新：{what}（{who}）；更新记录 {journal}", number=number,
                            what=describe_update(update, lang=lang), who=who,
                            journal=store.journal.journal_path(path)), single_line=True))
    return EXIT_OK


def options_refused(error: store.DataError, path: Path, *, lang: Lang) -> list[str]:
    """The problems of `error` that are the update given on the command line's own (the journal
    with it appended was checked, and they stand past the journal's last line), each as the option
    that gave it: ["--note: 6000 characters; at most 2000"]. [] when any problem is a file's."""
    from .core.problems import in_language

    journal_file = store.journal.journal_path(path)
    try:
        lines = journal_file.read_bytes().count(b"\n")
    except OSError:
        lines = 0
    out = []
    for problem in error.problems:
        if problem.path != journal_file or problem.line is None or problem.line <= lines:
            return []
        field = re.sub(r"^update\[\d+\]\.?", "", problem.key)
        option = {"note": "--note", "date": "--date", "who": "--user", "set.current": "--value"}.get(
            field, f"--set {field.removeprefix('set.').split('.')[0]}" if field.startswith("set.") else "--" + (field or "set"))
        out.append(f"{option}: {fmt.clean(in_language(problem.message, lang), single_line=True)}")
    return out


def withdraw_ignores(args: argparse.Namespace) -> list[str]:
    """The options given that a withdrawal has no use for (it takes only --note and --user)."""
    given = {"--value": args.value is not None, "--set": args.set, "--new": args.new, "--done": args.done,
             "--unit": args.unit is not None, "--person": args.person is not None, "--date": args.date is not None}
    return [f"--{name}" for name in steps(args)] + [name for name, present in given.items() if present]


def steps(args: argparse.Namespace) -> list[str]:
    """Which of --reach, --raise and --resolve were given."""
    return [name for name, dest in (("reach", "reach"), ("raise", "raise_"), ("resolve", "resolve"))
            if getattr(args, dest) is not None]


def project_step(args: argparse.Namespace, dashboard, who: str, date: dt.date, today: dt.date, *,
                 lang: Lang):
    """The Update that `--project ID` with --reach, --raise or --resolve asks for, or an exit code."""
    from .store import edits

    given = steps(args)
    if args.project is None or len(given) > 1 or args.set or args.value is not None or args.new or args.done:
        return refuse(lang.tr("--reach 节点、--raise 诉求、--resolve 诉求 每次只用一个，且与 --project ID 同用（不能同时给 --set、--value、--new 或 --done）"), lang=lang)
    if (args.unit or args.person) and given != ["raise"]:
        return refuse(lang.tr("--unit 和 --person 只与 --raise 同用"), lang=lang)
    project = next((p for p in dashboard.projects if p.id == args.project), None)
    if project is None:
        return refuse(lang.tr("没有 id 为 {id} 的项目", id=repr(args.project)), lang=lang)
    fields = {"date": date.isoformat(), "note": args.note}
    allowed = dashboard.update_dates(today)
    if given == ["reach"]:
        update, errors = edits.milestone_update(project, {**fields, "step": args.reach}, who, allowed, lang=lang)
    elif given == ["raise"]:
        update, errors = edits.request_raised(project, {**fields, "what": args.raise_, "responsible": args.unit or "",
                                                        "person": args.person or ""}, who, allowed, lang=lang)
    else:
        update, errors = edits.request_resolved(project, {**fields, "what": args.resolve}, who, allowed, lang=lang)
        if "what" in errors:
            open_ones = "; ".join(r.what for r in project.open_requests()) or lang.tr("没有")
            errors["what"] = lang.tr("应为项目 {id} 一项未解决诉求的原文（{open}）", id=repr(args.project), open=open_ones)
    if errors:
        errors = date_not_given(errors, args, dashboard, today, lang=lang)
        names = {**edits.CLI_FIELDS, "step": "--reach", "what": f"--{given[0]}"}
        return refuse("; ".join(f"{names.get(k, '--' + k) or 'update'}: {v}" for k, v in errors.items()), lang=lang)
    return update


def project_change(args: argparse.Namespace, dashboard, who: str, date: dt.date, today: dt.date, *,
                   lang: Lang):
    """The Update that `--project ID --set KEY=VALUE…` asks for, or an exit code after saying why not."""
    from .core import written
    from .store import edits
    from .store.validate import NAME_LIMIT

    project = next((p for p in dashboard.projects if p.id == args.project), None)
    if project is None and not args.new:
        return refuse(lang.tr("没有 id 为 {id} 的项目（新增项目请加 --new）", id=repr(args.project)), lang=lang)
    if project is not None and args.new:
        return refuse(lang.tr("id {id} 已被占用；新项目需要新的 id", id=repr(args.project)), lang=lang)
    if args.new and (not args.project.strip() or len(args.project) > NAME_LIMIT):  # as the data file's ids
        return refuse(lang.tr("新项目的 id 应为非空文本，最多 {limit} 个字符", limit=NAME_LIMIT), lang=lang)
    if not args.set or args.value is not None:
        return refuse(lang.tr("--project 需要一个或多个 --set 字段=值（不能同时给 --value）"), lang=lang)
    fields = edits.project_fields(project)
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep or key not in fields or key in ("date", "update_note"):
            return refuse(lang.tr("--set {item}：应为 字段=值，字段为以下之一：{keys}", item=repr(item),
                                  keys=", ".join(k for k in fields if k not in ("date", "update_note"))), lang=lang)
        fields[key] = value
    fields.update(date=date.isoformat(), update_note=args.note)
    update, errors = edits.project_update(dashboard, project, fields, who, dashboard.update_dates(today), lang=lang)
    if errors:
        errors = date_not_given(errors, args, dashboard, today, lang=lang)
        return refuse("; ".join(f"{edits.CLI_FIELDS.get(k, k) or 'update'}: {v}" for k, v in errors.items()), lang=lang)
    asked = written.project_questions(project, dashboard, update.changes, lang=lang)
    if asked and not args.accept_outliers:
        return refuse(lang.tr("{question}核实后改正；确属实情时加 --accept-outliers 记录", question=lang.tr("；").join(
            lang.tr("{name}：{what}", name=f"--set {field}", what=question) for field, question in asked.items())), lang=lang)
    if args.new:
        update = update._replace(id=args.project)
    return update


def describe_update(update, *, lang: Lang) -> str:
    """What `update` records, wholly in the command line's language: 项目 p1：状态 = 投产，截至 2024-06-02."""
    from .store.journal import FIELD_NAMES, KIND_NAMES

    if update.withdraw:
        return lang.tr("撤销第 {seq} 条更新", seq=update.withdraw)
    parts = []
    for field, value in update.changes.items():
        if isinstance(value, dict):  # a request raised: its text, then who handles it
            value = " · ".join(filter(None, (value.get(k) for k in ("what", "responsible", "person"))))
        elif hasattr(value, "unit"):
            value = fmt.quantity(value, words=True, lang=lang)  # 120亿元以上, as the official register says it
        elif value is True:  # a task done
            value = "✓"
        parts.append(f"{lang.tr(FIELD_NAMES.get(field, field))} = {value}")
    return lang.tr("{kind} {id}：{changes}，截至 {date}", kind=lang.tr(KIND_NAMES[update.kind]), id=update.id,
                   changes=lang.tr("，").join(parts), date=update.date.isoformat())


def refuse(message: str, *, lang: Lang) -> int:
    print(fmt.clean(lang.tr("erqi-tui：未记录：{message}", message=message), single_line=True), file=sys.stderr)
    return EXIT_INVALID


def fail(message: str, *, lang: Lang) -> int:
    """A command that cannot do what was asked (and records nothing anyway): one line, exit 2."""
    print(fmt.clean(lang.tr("erqi-tui：{message}", message=message), single_line=True), file=sys.stderr)
    return EXIT_INVALID


def binary_to_terminal(format: str, output: Path | None, *, lang: Lang) -> bool:
    """xlsx and docx go to a file (-o) or a pipe, never onto a terminal: True (said so) if asked to."""
    if FORMATS[format].binary and output in (None, Path("-")) and sys.stdout.isatty():
        print(lang.tr("erqi-tui：{format} 是二进制文件，不能显示在终端上；请用 -o 文件名 写入文件", format=format), file=sys.stderr)
        return True
    return False


def protected_files(*data_paths: Path, args: argparse.Namespace | None = None, lang: Lang) -> dict[Path, str]:
    """What no output may replace: each data file's record (the file, its journal, their locks),
    every file given with --data on the line (`args`), and the settings file, each with what it is."""
    return store.kept_off((*data_paths, *getattr(args, "all_data", ())), config.config_path(), lang=lang)


def clashes(output: Path | None, protected: dict[Path, str], *, lang: Lang) -> bool:
    """True (said in one line) when writing to `output` would replace one of the `protected` files."""
    what = files.output_clash(output, protected)
    if what is not None:
        fail(lang.tr("{path} 是{what}，不能写入导出内容（会覆盖数据）；请另给一个文件名", path=output, what=what), lang=lang)
    elif output is not None and str(output) not in files.STDOUT_NAMES and os.path.isfile(output) \
            and os.path.basename(os.path.realpath(output)).endswith((".toml", ".toml.lock")):  # no export is TOML
        fail(lang.tr("{path} 是一个已有的 TOML 文件（可能是另一个地区的数据文件或更新记录），不能写入导出内容（会覆盖数据）；"
                     "请另给一个文件名", path=output), lang=lang)
        return True
    return what is not None


def write_out(output: Path | None, out: str | bytes, format: str = "", announce: bool = True,
              protected: dict[Path, str] | None = None, *, lang: Lang) -> str | None:
    """`out` written to `output` (standard output for none or -): text as UTF-8, a CSV with the BOM
    Excel needs to read it so. Where it went, said unless `announce` is off; None (the reason said)
    when it cannot be written, or when it would replace one of the `protected` files."""
    if protected and clashes(output, protected, lang=lang):
        return None
    data = out if isinstance(out, bytes) else out.encode("utf-8-sig" if format == "csv" else "utf-8")
    try:
        written = files.write_output(output, data)
    except (OSError, ValueError) as error:
        reason = files.path_problem(output, error) if isinstance(error, ValueError) else write_reason(error, lang=lang)
        said = (lang.tr("erqi-tui：无法写入标准输出：{reason}", reason=reason) if output is None or str(output) in files.STDOUT_NAMES
                else lang.tr("erqi-tui：无法写入 {path}：{reason}", path=output, reason=reason))
        print(fmt.clean(said, single_line=True), file=sys.stderr)
        return None
    if announce and written != "-":
        print(fmt.clean(lang.tr("erqi-tui：已写入 {path}", path=written), single_line=True), file=sys.stderr)
    return written


def write_reason(error: OSError, *, lang: Lang) -> str:
    """Why a write failed, in the user's language where the reason is a common one."""
    import errno

    reasons = {errno.EISDIR: "是文件夹", errno.ENXIO: "是没有程序在读取的 FIFO（命名管道）", errno.EBADF: "标准输出已关闭",
               errno.EACCES: "权限不足", errno.EPERM: "不允许的操作", errno.ENOSPC: "磁盘空间已满",
               errno.EROFS: "只读的文件系统", errno.ENOENT: "所在的文件夹不存在", errno.EPIPE: "读取的一方已关闭"}
    return lang.tr(reasons[error.errno]) if error.errno in reasons else (error.strerror or str(error))


def screen_size(text: str, *, lang: Lang) -> tuple[int, int]:
    """--size 120x40: columns and rows, within what a picture can show."""
    columns, _, rows = text.lower().partition("x")
    try:
        size = int(columns), int(rows)
    except ValueError:
        raise argparse.ArgumentTypeError(lang.tr("应为 列数x行数，如 120x40")) from None
    if not (40 <= size[0] <= 400 and 10 <= size[1] <= 200):
        raise argparse.ArgumentTypeError(lang.tr("列数应在 40 到 400 之间，行数在 10 到 200 之间"))
    return size


def iso_date(text: str, *, lang: Lang) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        from .core import written  # as the form reads it: ２０２４-０６-３０; 2024-02-30 is no day

        try:
            return written.read_day(text, lang=lang)
        except written.Unreadable:
            wrong = written.no_such_day(text, lang=lang)
        raise argparse.ArgumentTypeError(lang.tr("{error}（实为“{value}”）", error=wrong, value=text) if wrong else
                                         lang.tr("应为 YYYY-MM-DD 形式的日期，实为 {given}", given=repr(text))) from None


def port_number(text: str, *, lang: Lang) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(lang.tr("应为端口号，实为 {given}", given=repr(text))) from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(lang.tr("端口应在 1 至 65535 之间，实为 {port}", port=port))
    return port


def saying(check: Callable[..., object], lang: Lang) -> Callable[[str], object]:
    """argparse's type= for `check` (iso_date…), its refusals in `lang`: argparse calls a type with
    the text alone, and names it by its __name__ when it fails otherwise, so the name is kept."""
    return functools.update_wrapper(lambda text: check(text, lang=lang), check)


def parser(*, lang: Lang) -> argparse.ArgumentParser:
    # No abbreviated options (--dat for --data): every path given with --data must be seen by
    # given_data, which keeps them all off an output (an abbreviation slipped past it).
    p = argparse.ArgumentParser(
        prog="erqi-tui", allow_abbrev=False,
        description=lang.tr("区县年度目标的终端仪表盘，数据读自 TOML 文件（默认显示内置的数据文件）。"),
        epilog=lang.tr("仪表盘中的按键：1–5 切换页面，? 帮助，r 重新载入，q 退出。检查数据文件：erqi-tui check 文件。"),
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help=lang.tr("显示版本号并退出"))
    p.add_argument("--data", type=Path, metavar="PATH", action="append",
                   help=lang.tr("要显示的数据文件（默认：内置的 data/targets.toml）；给出多个文件或一个文件夹时先显示全市"))
    p.add_argument("--example", action="store_true",
                   help=lang.tr("打开内置的示例年度（虚构）：逐月数据、撤销和简报标记俱全，供演示"))
    p.add_argument("--as-of", type=saying(iso_date, lang), metavar="YYYY-MM-DD",
                   help=lang.tr("假设：所有目标都按这一天判断进度（而不是各数值的日期）"))
    p.add_argument("--since", type=saying(iso_date, lang), metavar="YYYY-MM-DD",
                   help=lang.tr("显示自这一天以来的变化（默认：自上次标记的简报）"))
    p.add_argument("--user", metavar="NAME",
                   help=lang.tr("记录更新时的记录人（默认：登录名）"))
    p.add_argument("--read-only", action="store_true",
                   help=lang.tr("只读：不提供记录更新的按键（内置数据始终只读）"))
    p.add_argument("--big", action="store_true",
                   help=lang.tr("大屏：总览以大字、全部图表和预警铺满屏幕（160 列以上自动使用），供投影"))
    p.add_argument("--pane", choices=PANE_IDS, default="overview",
                   help=lang.tr("启动时显示的页面（默认：overview 总览）"))
    p.add_argument("--lang", choices=("zh", "en"),
                   help=lang.tr("语言：zh（默认）或 en；在程序中按 l 切换，只对本次有效"))
    p.add_argument("--color", choices=COLOR_SYSTEMS, default="auto",
                   help=lang.tr("颜色：auto（依据 COLORTERM 和 TERM；设置 NO_COLOR 则不用颜色）、truecolor、256、16 或 none"))
    commands = p.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help=lang.tr("检查数据文件：无误退出码 0，有误列出问题并退出码 2"),
                                description=lang.tr("检查数据文件。无误时退出码为 0；有误时每个问题一行（文件:行: 键: 应为什么），退出码为 2。"))
    check.add_argument("path", type=Path, metavar="PATH", nargs="*", default=[],
                       help=lang.tr("要检查的数据文件或文件夹，可给多个（默认：--data 或内置数据）"))
    check.add_argument("--data", type=Path, metavar="PATH", default=argparse.SUPPRESS, action="append",
                       help=lang.tr("要检查的数据文件或文件夹，可重复"))
    check.add_argument("--example", action="store_true", default=argparse.SUPPRESS,
                       help=lang.tr("检查内置的示例年度（虚构）"))
    check.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS,
                       help=lang.tr("问题说明的语言（默认：zh）"))
    export = commands.add_parser(
        "export", help=lang.tr("导出数据：md、html、csv、json、svg 图片、xlsx 表格或 docx 简报"),
        description=lang.tr("导出仪表盘的数据（含单位、“以上”标记和超前/落后判断），用于汇报：Markdown、独立的 HTML 页面、供 Excel 使用的 CSV（带 BOM 的 UTF-8）、供脚本使用的 JSON，或某一页的 SVG 图片。"))
    export.add_argument("--format", choices=tuple(FORMATS), default="md",
                        help=lang.tr("默认：md。") + lang.tr("；").join(lang.tr("{name}：{what}", name=f.name, what=lang.tr(f.what))
                                                                   for f in FORMATS.values()))
    export.add_argument("--pane", choices=PANE_IDS, help=lang.tr("只导出这一页（默认：全部；svg 默认总览）"))
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help=lang.tr("写入此文件（默认：标准输出；- 也表示标准输出）"))
    export.add_argument("--data", type=Path, metavar="PATH", default=argparse.SUPPRESS, action="append",
                        help=lang.tr("数据文件（默认：内置数据）"))
    export.add_argument("--as-of", type=saying(iso_date, lang), metavar="YYYY-MM-DD", default=argparse.SUPPRESS,
                        help=lang.tr("假设：按这一天判断进度"))
    export.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS,
                        help=lang.tr("标签和单位的语言（默认：zh）"))
    export.add_argument("--example", action="store_true", default=argparse.SUPPRESS,
                        help=lang.tr("导出内置的示例年度（虚构），每页标明示例"))
    export.add_argument("--since", type=saying(iso_date, lang), metavar="YYYY-MM-DD", default=argparse.SUPPRESS,
                        help=lang.tr("写出自这一天以来的变化（默认：自上次标记的简报）"))
    export.add_argument("--size", type=saying(screen_size, lang), metavar="COLSxROWS", default=None,
                        help=lang.tr("svg：图片的列数和行数（默认：120x48，足以显示总览的图表）"))
    export.add_argument("--title-font", default="宋体", metavar="FONT",
                        help=lang.tr("docx：标题的中文字体（默认：宋体）"))
    export.add_argument("--body-font", default="仿宋", metavar="FONT",
                        help=lang.tr("docx：正文的中文字体（默认：仿宋；也常用 仿宋_GB2312）"))
    export.add_argument("--mark", action="store_true",
                        help=lang.tr("写出后在更新记录中标记一次简报：此后的变化从这里算起"))
    export.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                        help=lang.tr("标记简报的人（默认：登录名）"))
    rec = commands.add_parser(
        "record", help=lang.tr("从脚本记录更新：目标的数值、项目的字段和节点、企业诉求、重点任务，或撤销一条更新"),
        description=lang.tr("在数据文件旁的更新记录中记录一条更新，与程序中的锁和规则相同：日期须在数据年度内且不晚于今天；数据文件或更新记录有误时不记录。成功时输出一行并以 0 退出；否则说明原因并以 2 退出。"),
        epilog=lang.tr("例如：") + " erqi-tui record --data t.toml --target signed-amount --value 140 --date 2024-06-30 | erqi-tui record --data t.toml --project kangshifu --set status=投产 | erqi-tui record --data t.toml --withdraw 12 --note 录入错误")
    rec.add_argument("--data", type=Path, metavar="PATH", default=argparse.SUPPRESS, action="append",
                     help=lang.tr("数据文件（必填；也可写在命令前）"))
    what = rec.add_mutually_exclusive_group(required=True)
    what.add_argument("--target", metavar="ID", help=lang.tr("要记录当前值的目标 id"))
    what.add_argument("--project", metavar="ID", help=lang.tr("要修改的项目 id（配合 --set）"))
    what.add_argument("--task", metavar="ID", help=lang.tr("已完成的重点任务 id（配合 --done）"))
    what.add_argument("--withdraw", type=int, metavar="N", help=lang.tr("撤销更新记录中的第 N 条"))
    rec.add_argument("--value", metavar="V", help=lang.tr("配合 --target：数值，如 140；下限值写作 \"50+\""))
    rec.add_argument("--accept-outliers", action="store_true",
                     help=lang.tr("配合 --target：记录看来有误的数（与当前数相差 10 倍以上、超过目标的 10 倍、百分数像是写成了小数、"
                                  "与同一日期已有的数不同），确属实情时用"))
    rec.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                     help=lang.tr("配合 --project：要设置的字段（{fields}），可重复",
                                  fields=lang.tr("、").join(f.key for f in editable(PROJECT_FIELDS))))
    rec.add_argument("--new", action="store_true", help=lang.tr("配合 --project：以此 id 新增项目"))
    rec.add_argument("--reach", metavar="STEP", help=lang.tr("配合 --project：该项目的这一节点已于 --date 完成（如 开业）"))
    rec.add_argument("--raise", dest="raise_", metavar="TEXT", help=lang.tr("配合 --project：该项目于 --date 提出的企业诉求"))
    rec.add_argument("--unit", metavar="UNIT", help=lang.tr("配合 --raise：办理诉求的责任单位（默认：项目的）"))
    rec.add_argument("--person", metavar="NAME", help=lang.tr("配合 --raise：责任人"))
    rec.add_argument("--resolve", metavar="TEXT", help=lang.tr("配合 --project：该项目的这条诉求已于 --date 办结"))
    rec.add_argument("--done", action="store_true", help=lang.tr("配合 --task：该任务已于 --date 完成"))
    rec.add_argument("--date", type=saying(iso_date, lang), metavar="YYYY-MM-DD", help=lang.tr("数值截至的日期（默认：今天）"))
    rec.add_argument("--note", default="", metavar="TEXT", help=lang.tr("随更新保存的备注"))
    rec.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                     help=lang.tr("记录人（默认：登录名）"))
    imp = commands.add_parser(
        "import", help=lang.tr("导入台账（.xlsx 或 .csv）：预览改动，加 --apply 记录"),
        description=lang.tr("读取台账（.xlsx 的第一张有表格的工作表，或 UTF-8/GB18030 的 .csv）：表头可在标题、填报单位/日期行之后，含 编号（或名称）和 数值（完成值、累计完成，单位可写在括号里），或每月一列（1月……12月），可选 日期、单位、备注 及项目字段（{fields}）。单位在同一量纲内换算，不同量纲拒绝；别区的台账拒绝；合计行跳过。不加 --apply 时只列出每行的改动（原值 → 新值），不写入；加 --apply 时全部记录为更新，与程序中的锁和规则相同；任何一行有误时说明行和列，以 2 退出，一条也不记录。",
                            fields=lang.tr("、").join(lang.tr(f.zh) for f in PROJECT_FIELDS if f.imported)),
        epilog=lang.tr("例如：") + " erqi-tui import --data t.toml --template 台账.xlsx | erqi-tui import 台账.xlsx --data t.toml | erqi-tui import 台账.xlsx --data t.toml --apply")
    imp.add_argument("sheet", type=Path, nargs="?", metavar="FILE", help=lang.tr("要导入的表格（.xlsx 或 .csv）"))
    imp.add_argument("--data", type=Path, metavar="PATH", default=argparse.SUPPRESS, action="append",
                     help=lang.tr("数据文件（--apply 时必填）"))
    imp.add_argument("--apply", action="store_true", help=lang.tr("记录全部改动（不加时只预览）"))
    imp.add_argument("--sheet", dest="sheet_name", metavar="NAME|N",
                     help=lang.tr("读取这张工作表（名字，或从 1 数起的序号；默认：第一张有表格的）"))
    imp.add_argument("--monthly", action="store_true",
                     help=lang.tr("每月一列的台账填的是各月当月数（默认：累计数），相加为全年累计；配合 --template：生成每月一列的模板"))
    imp.add_argument("--accept-outliers", action="store_true",
                     help=lang.tr("记录看来有误的数（与当前数相差 10 倍以上、超过目标的 10 倍、百分数像是写成了小数、与同一日期已有的数不同、"
                                  "每月一列的行像是把当月数和累计数弄反），确属实情时用"))
    imp.add_argument("--template", type=Path, metavar="FILE",
                     help=lang.tr("写出一个填好编号和名称的 .xlsx 模板，而不导入"))
    imp.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help=lang.tr("记录人（默认：登录名）"))
    serve = commands.add_parser(
        "serve", help=lang.tr("通过网页浏览器提供仪表盘（textual-serve），需令牌访问"),
        description=lang.tr("用 textual-serve 向网页浏览器提供仪表盘，每位访问者一个会话。每个请求都需要启动时打印的令牌（按打印的网址打开）；除非给出 --allow-edits，会话均为只读。"))
    serve.add_argument("--host", default="127.0.0.1", help=lang.tr("监听地址（默认：127.0.0.1；0.0.0.0 表示本机所有地址）"))
    serve.add_argument("--port", type=saying(port_number, lang), default=8000, help=lang.tr("端口，1 至 65535（默认：8000）"))
    serve.add_argument("--allow-edits", action="store_true",
                       help=lang.tr("允许访问者在数据文件中记录更新（默认：只读会话）"))
    serve.add_argument("--data", type=Path, metavar="PATH", default=argparse.SUPPRESS, action="append",
                       help=lang.tr("数据文件（默认：内置数据）"))
    serve.add_argument("--as-of", type=saying(iso_date, lang), metavar="YYYY-MM-DD", default=argparse.SUPPRESS,
                       help=lang.tr("假设：按这一天判断进度"))
    serve.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                       help=lang.tr("共用链接的会话记录更新时的记录人（默认：登录名）；有 --people 时各人记为自己的名字"))
    serve.add_argument("--people", type=Path, metavar="FILE",
                       help=lang.tr("每人一个链接：FILE 中每个 [[person]] 有 name、token、rights（read 或 edit）；改动即时生效，删去一项即收回其链接"))
    serve.add_argument("--add-person", metavar="NAME",
                       help=lang.tr("在 --people 文件中加一人（没有则新建，仅本人可读），打印其链接后退出"))
    serve.add_argument("--edit", action="store_true", help=lang.tr("配合 --add-person：此人可记录更新（还需 --allow-edits）"))
    serve.add_argument("--max-sessions", type=saying(session_count, lang), default=20, metavar="N",
                       help=lang.tr("同时运行的会话最多 N 个（默认：20），多出的访问者被告知稍后再试"))
    serve.add_argument("--public-host", action="append", default=[], metavar="NAME",
                       help=lang.tr("浏览器可用来访问的另一个名字（如反向代理的域名），可重复；其他名字一律拒绝（防 DNS 重绑定）"))
    for command in commands.choices.values():  # as the main parser: no abbreviated options
        command.allow_abbrev = False
    return p


def session_count(text: str, *, lang: Lang) -> int:
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(lang.tr("应为会话数（整数），实为 {given}", given=repr(text))) from None
    if not 1 <= count <= 1000:
        raise argparse.ArgumentTypeError(lang.tr("会话数应在 1 至 1000 之间，实为 {count}", count=count))
    return count


def serve(args: argparse.Namespace, path: Path, *, lang: Lang) -> int:
    from .people import PeopleError, PeopleFile, Person, add_person, loosely_kept, new_token
    from .serve import Access, page_urls
    from .serve import serve as run_server

    if (args.add_person is not None or args.edit) and not args.people:
        return refuse_serve(lang.tr("--add-person 需要 --people 文件"), lang=lang)
    if args.people:
        clash = files.output_clash(args.people, protected_files(path, args=args, lang=lang))
        if clash:
            return refuse_serve(lang.tr("--people {path} 是{what}：人员文件须另用一个文件", path=args.people, what=clash), lang=lang)
    if args.add_person is not None:
        try:
            person = add_person(args.people, args.add_person, "edit" if args.edit else "read", lang=lang)
        except PeopleError as error:
            return refuse_serve(str(error), lang=lang)
        rights = lang.tr("可记录更新") if person.may_edit else lang.tr("只读")
        print(fmt.clean(lang.tr("erqi-tui：已在 {path} 中加入 {name}（{rights}）。其链接（只给此人）：",
                                path=args.people, name=person.name, rights=rights), single_line=True))
        for url in page_urls(args.host, args.port, person.token, tuple(args.public_host)):
            print(f"    {url}")
        return EXIT_OK
    command = [sys.executable, "-m", "erqi_tui", "--color", args.color]
    if getattr(args, "lang", None):  # serve --lang en: the sessions start in English too (l still switches)
        command += ["--lang", lang]
    if getattr(args, "data", None):
        command += ["--data", str(path.resolve())]
    if args.example:
        command += ["--example"]
    if args.since:
        command += ["--since", args.since.isoformat()]
    if args.as_of:
        command += ["--as-of", args.as_of.isoformat()]
    if args.people:
        if loosely_kept(args.people):
            print(fmt.clean(lang.tr("erqi-tui：注意：{path} 他人也可读取，而其中的令牌都是秘密；可用 chmod 600 {path}",
                                    path=args.people), single_line=True), file=sys.stderr)
        access = Access(people=PeopleFile(args.people, lang=lang))
    else:
        # One shared link: every visitor is the same person, so edits need the owner to name them.
        if args.allow_edits and not args.user:
            return refuse_serve(lang.tr("--allow-edits 需要 --people（每人一个链接，更新记录写明是谁）；只供一人使用时可加 --user 名字"), lang=lang)
        access = Access(shared=Person(args.user or login_name(), new_token(), "edit"))
    return run_server(command, args.host, args.port, allow_edits=args.allow_edits, access=access,
                      max_sessions=args.max_sessions, public_hosts=tuple(args.public_host), lang=lang)


def refuse_serve(message: str, *, lang: Lang) -> int:
    print(fmt.clean(lang.tr("erqi-tui：无法提供服务：{problem}", problem=message), single_line=True), file=sys.stderr)
    return EXIT_INVALID


def export(args: argparse.Namespace, path: Path, loaded: store.Loaded, *, lang: Lang) -> int:
    """`erqi-tui export`: the dashboard in one of FORMATS, in the command line's language (--lang)."""
    from .core.series import default_since
    from .formats import Request

    dashboard = loaded.dashboard
    if args.mark and shipped(args, path):
        print(shipped_message(path, lang=lang), file=sys.stderr)
        return EXIT_INVALID
    protected = protected_files(path, args=args, lang=lang)
    if binary_to_terminal(args.format, args.output, lang=lang) or clashes(args.output, protected, lang=lang):
        return EXIT_INVALID
    request = Request(path, dashboard, args.as_of, args.pane, default_since(dashboard, args.since), args.since,
                      lang=lang, title_font=args.title_font, body_font=args.body_font, size=args.size)
    if write_out(args.output, FORMATS[args.format].district(request), args.format, protected=protected, lang=lang) is None:
        return EXIT_INVALID
    if args.mark:
        return mark_briefing(path, loaded, args.as_of or dashboard.as_of, who_records(args), lang=lang)
    return EXIT_OK


def what_if_outside(args: argparse.Namespace, year: int, *, lang: Lang) -> bool:
    """Whether --as-of falls outside `year` (0001-01-01: no time passed, every target ahead), said so."""
    what_if = getattr(args, "as_of", None)
    if what_if is None or what_if.year == year:
        return False
    fail(lang.tr("--as-of {date} 不在数据的年度（{year} 年）内：序时进度按这一年算", date=what_if.isoformat(), year=year),
         lang=lang)
    return True


def city(args: argparse.Namespace, paths: list[Path], *, lang: Lang) -> int:
    """Several districts' files (--data A --data B, or --data DIR/): 全市 first, then each district;
    `export` writes the comparison and, for csv, every district's quantities in one table."""
    from .views import city as city_view

    if not paths:
        tables = [p for p in args.data if str(p).endswith(city_view.CITY_FILE)]
        if tables:  # 全市.city.toml alone: the city's table of targets, which compares districts' files
            return fail(lang.tr("{path} 是全市对照表，不是地区的数据文件：请给出各地区的数据文件，或它们所在的文件夹",
                                path=tables[0]), lang=lang)
        return fail(lang.tr("文件夹中没有数据文件（*.toml）"), lang=lang)
    if args.command in ("record", "import", "serve"):
        return fail(lang.tr("{command} 一次只处理一个数据文件：请只给一个 --data", command=args.command), lang=lang)
    with loading_indicator(paths[0], lang=lang):  # the dashboard reads the rest once 全市 is on screen
        read = city_view.read_all if args.command else city_view.read_first
        districts = read(paths, args.data, lang=lang)
    years = Counter(d.loaded.dashboard.meta.year for d in districts if d.loaded is not None)
    if years and what_if_outside(args, years.most_common(1)[0][0], lang=lang):  # the year most files are of
        return EXIT_INVALID
    if args.command == "check":
        for district in districts:
            if district.problem:
                print(fmt.clean(district.problem), file=sys.stderr)
            else:
                print(fmt.clean(lang.tr("{path}：无误", path=district.path), single_line=True))
        table_problems = city_table_problems(districts, lang=lang)
        return EXIT_INVALID if table_problems or any(d.problem for d in districts) else EXIT_OK
    if args.command == "export":
        return city_export(args, districts, lang=lang)
    good = [d for d in districts if d.loaded is not None]
    if not good:
        for district in districts:
            print(fmt.clean(district.problem), file=sys.stderr)
        return EXIT_INVALID
    return dashboard_app(args, good[0].path, good[0].loaded, districts=districts, lang=lang)


def city_export(args: argparse.Namespace, districts, *, lang: Lang) -> int:
    from .formats import CITY_FORMATS

    if args.format not in CITY_FORMATS:
        return fail(lang.tr("全市视图可导出为：{formats}", formats=lang.tr("、").join(CITY_FORMATS)), lang=lang)
    if getattr(args, "mark", False):  # exit 0, and no district marked
        return fail(lang.tr("--mark 标记的是一个地区的简报：全市的导出不标记；请对各地区的文件分别 export --mark"), lang=lang)
    if args.pane:  # five identical files, each called a pane, were written
        return fail(lang.tr("全市导出的是各地区的比较，没有页面之分：请去掉 --pane（某地区的页面：--data 它的文件 --pane …）"),
                    lang=lang)
    protected = protected_files(*(d.path for d in districts), args=args, lang=lang)
    if binary_to_terminal(args.format, args.output, lang=lang) or clashes(args.output, protected, lang=lang):
        return EXIT_INVALID
    written = write_out(args.output, FORMATS[args.format].city(districts, args.as_of, args.size, lang=lang),
                        args.format, protected=protected, lang=lang)
    for district in districts:  # a file left out is said, whatever the format says of it
        if district.problem:
            print(fmt.clean(lang.tr("erqi-tui：未计入 {path}：{problem}", path=district.path,
                                    problem=district.problem.splitlines()[0]), single_line=True), file=sys.stderr)
    city_table_problems(districts, lang=lang)
    return EXIT_INVALID if written is None else EXIT_OK


def city_table_problems(districts, *, lang: Lang) -> tuple[str, ...]:
    """The city's tables (*.city.toml) beside the districts' files: each problem said on stderr, one
    a line (a table that cannot be read, an id given to two indicators), as the screen says them."""
    from .views import city as city_view

    table = city_view.read_city_table(city_view.city_table_paths(districts), lang=lang)
    for problem in table.problems:
        print(fmt.clean(lang.tr("erqi-tui：全市对照表有误：{problem}", problem=problem), single_line=True), file=sys.stderr)
    return table.problems


def import_sheet(args: argparse.Namespace, path: Path, loaded: store.Loaded, *, lang: Lang) -> int:
    """`erqi-tui import`: a ledger's rows as journal updates; without --apply, what would change.
    The preview names the district and file written to, and the sheet and row read as the header;
    a figure that looks wrong is held back with a question (recorded with --accept-outliers)."""
    from .exchange import importing

    today = dt.date.today()
    dashboard = loaded.dashboard
    if args.template is not None:
        from .store.edits import default_date

        date = default_date(dashboard, today)
        protected = {**protected_files(path, args=args, lang=lang),
                     **({args.sheet: lang.tr("要导入的表格")} if args.sheet else {})}
        if clashes(args.template, protected, lang=lang):  # the record first: said as every output says it
            return EXIT_INVALID
        if str(args.template) not in files.STDOUT_NAMES:
            if args.template.suffix.lower() != ".xlsx":
                return fail(lang.tr("模板是 .xlsx 工作簿：请给以 .xlsx 结尾的文件名（实为 {path}）", path=args.template), lang=lang)
            if os.path.lexists(args.template):
                return fail(lang.tr("{path} 已存在：模板不写在已有的文件上（它可能是填好的台账）；请另给一个文件名，或先移走它",
                                    path=args.template), lang=lang)
        written = write_out(args.template, importing.template(dashboard, date, monthly=args.monthly, lang=lang),
                            announce=False, protected=protected, lang=lang)
        if written is None:
            return EXIT_INVALID
        print(fmt.clean(lang.tr("erqi-tui：已写入模板 {path}：{targets} 个目标、{projects} 个项目，填好数值后用 erqi-tui import 导入",
                                path=written, targets=len(dashboard.targets),
                                projects=0 if args.monthly else len(dashboard.projects)), single_line=True), file=sys.stderr)
        return EXIT_OK
    if args.sheet is None:
        return refuse(lang.tr("请给出要导入的表格文件（.xlsx 或 .csv），或用 --template 文件 生成模板"), lang=lang)
    if args.apply and shipped(args, path):
        print(shipped_message(path, lang=lang), file=sys.stderr)
        return EXIT_INVALID
    who = getattr(args, "user", None) or login_name()
    plan = None
    first = dashboard.journal_entries + 1

    def planned(against) -> importing.Plan:
        return importing.Importer(args.sheet, against, who, today, monthly=args.monthly,
                                  accept_outliers=args.accept_outliers, lang=lang).plan(ledger)

    def recordable(plan: importing.Plan) -> list:
        return [p.update for p in plan.planned if args.accept_outliers or not p.question]

    try:
        store.check_who(who, lang=lang)
        ledger = importing.read_sheet(args.sheet, args.sheet_name, lang=lang)
        for line in importing.described(ledger, dashboard, path, lang=lang):
            print(fmt.clean(line, single_line=True))
        plan = planned(dashboard)
        if args.apply and plan.held() and not args.accept_outliers:
            raise importing.HeldBack(plan)
        updates = recordable(plan)

        def planned_again(fresh) -> list:
            """The rows against the figures on disk under the lock: another import of the same
            sheet a moment before leaves nothing to record."""
            nonlocal plan, first
            plan, first = planned(fresh), fresh.journal_entries + 1
            if plan.held() and not args.accept_outliers:
                raise importing.HeldBack(plan)
            return recordable(plan)

        if updates:  # checked together, as --apply records them, whether or not it is given
            saved, first = store.record_all(path, updates, reuse=loaded, today=today, write=args.apply,
                                            replan=planned_again if args.apply else None, lang=lang)
            updates = recordable(plan)
    except importing.HeldBack as held:
        for line in held.plan.held():
            print(fmt.clean(lang.tr("{line}  ？{question}", line=line.line, question=line.question), single_line=True))
        return refuse(lang.tr("{count} 行的数看来有误，未记录任何一行：核实后改正表格，或确属实情时加 --accept-outliers 记录",
                              count=len({p.row for p in held.plan.held()})), lang=lang)  # the sheet's rows, not its updates
    except store.Refused as error:
        row = plan.planned[error.index].row if plan is not None and hasattr(error, "index") else None
        return refuse(lang.tr("第 {row} 行：{problem}", row=row, problem=error) if row else str(error), lang=lang)
    except store.DataError as error:
        recorded = [p for p in plan.planned if args.accept_outliers or not p.question] if plan is not None else None
        print_problems(rows_named(error, recorded, first, args.sheet), what="表格（未记录任何一行）", lang=lang)
        return EXIT_INVALID
    for line in plan.planned:
        question = f"  ？{line.question}" if line.question else ""
        print(fmt.clean(line.line + question, single_line=True))
    for note in plan.notes:
        print(fmt.clean(note, single_line=True))
    tail = []
    if plan.totals:
        tail.append(lang.tr("跳过合计行：第 {rows} 行", rows=lang.tr("、").join(map(str, plan.totals))))
    if plan.skipped:
        tail.append(lang.tr("跳过 {count} 行（没有改动）", count=len(plan.skipped)))
    if plan.ignored:
        tail.append(lang.tr("忽略的列：{names}", names=lang.tr("、").join(plan.ignored)))
    if tail:
        print(fmt.clean(lang.tr("；").join(tail), single_line=True))
    held = [] if args.accept_outliers else plan.held()
    if held:
        print(fmt.clean(lang.tr("erqi-tui：有 {count} 行的数看来有误（见“？”）：核实后改正表格；确属实情时加 --accept-outliers 记录",
                                count=len({p.row for p in held})), single_line=True), file=sys.stderr)
    if not updates:
        if not held:
            print(lang.tr("erqi-tui：表格中没有要记录的改动"), file=sys.stderr)
    elif args.apply:
        print(fmt.clean(lang.tr("erqi-tui：已记录 {count} 条更新（第 {first}–{last} 条，{who}）；更新记录 {journal}",
                                count=len(updates), first=first, last=first + len(updates) - 1, who=who,
                                journal=store.journal.journal_path(path)), single_line=True), file=sys.stderr)
    else:
        print(lang.tr("erqi-tui：以上 {count} 条更新尚未记录；确认无误后加 --apply 记录（全部记录，或一条也不记录）",
                      count=len(updates)), file=sys.stderr)
    return EXIT_OK


def rows_named(error: store.DataError, recorded, first: int, sheet: Path) -> store.DataError:
    """A journal problem from an import names the sheet's row it came from (`recorded`: the planned
    rows, in the order given to the store), not `update[N]` and the journal's line."""
    if recorded is None:
        return error
    from .exchange.importing import rows_named as named

    return named(error, recorded, first, sheet)


def mark_briefing(path: Path, loaded: store.Loaded, date: dt.date, who: str, *, lang: Lang) -> int:
    """Mark a briefing at `date` in the journal, under its lock, as the app's b does."""
    from .core.model import Briefing

    try:
        store.mark_briefing(path, Briefing(date, None, who), loaded, lang=lang)
    except store.Refused as refused:
        print(fmt.clean(lang.tr("erqi-tui：未标记简报：{error}", error=refused), single_line=True), file=sys.stderr)
        return EXIT_INVALID
    except store.DataError as error:
        print_problems(error, lang=lang)
        return EXIT_INVALID
    except OSError as error:
        print(fmt.clean(lang.tr("erqi-tui：未标记简报：{error}", error=files.write_problem(error, lang=lang)), single_line=True),
              file=sys.stderr)
        return EXIT_INVALID
    print(lang.tr("erqi-tui：已标记简报（截至 {date}），此后的变化从这里算起", date=date.isoformat()), file=sys.stderr)
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


def print_problems(error: store.DataError, what: str = "数据文件", *, lang: Lang) -> None:
    count = len(error.problems)
    print(lang.tr("erqi-tui：{what}有 {count} 处问题：", what=lang.tr(what), count=count), file=sys.stderr)
    # In the order of the file's lines, as a compiler says them: a cause (an id given twice, line
    # 46) before what follows from it further down (the stages and projects that name that id)
    files_in_order = {problem.path: index for index, problem in enumerate(reversed(error.problems))}
    ordered = sorted(error.problems, key=lambda p: (-files_in_order[p.path], p.line or 0, p.column or 0))
    for problem in ordered:
        print(f"  {problem.shown(lang=lang)}", file=sys.stderr)


def cli_language(argv: list[str]) -> Lang:
    """The command line's language: --lang as given, else the one remembered in the settings, else zh."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in ("zh", "en"):
            return Lang(argv[index + 1])
        if arg in ("--lang=zh", "--lang=en"):
            return Lang(arg.partition("=")[2])
    try:
        return Lang(config.load_config(config.config_path()).lang)
    except (store.DataError, OSError):
        return ZH


# argparse's own words, in Chinese (argparse looks them up through gettext's `_`).
ARGPARSE_ZH = {
    "usage: ": "用法：", "options": "选项", "positional arguments": "位置参数",
    "show this help message and exit": "显示此帮助并退出", "show program's version number and exit": "显示版本号并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "unrecognized arguments: %s": "无法识别的参数：%s", "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值", "not allowed with argument %s": "不能与参数 %s 同用",
    "one of the arguments %s is required": "需要参数 %s 之一", "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
}


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Argparse's own words in `lang` inside the block; as they were after it (our own words are
    given the language: this is only for argparse, which has no other way)."""
    import gettext

    words = argparse._
    argparse._ = (lambda text: ARGPARSE_ZH.get(text, text)) if lang == "zh" else gettext.gettext
    try:  # argparse looks its words up through its module's `_`: it has no other way to translate
        yield
    finally:
        argparse._ = words


def main(argv: list[str] | None = None) -> int:
    """The command line: in --lang's language, else the remembered one (see cli_language)."""
    argv = sys.argv[1:] if argv is None else argv
    lang = cli_language(argv)
    with speaking(lang):
        return run(argv, lang=lang)


def given_data(argv: list[str]) -> list[Path]:
    """Every path given with --data anywhere on the line (before the command or after it): none of
    them may be written over, whichever one the command reads."""
    out = []
    for index, arg in enumerate(argv):
        if arg == "--data" and index + 1 < len(argv):
            out.append(Path(argv[index + 1]))
        elif arg.startswith("--data="):
            out.append(Path(arg.removeprefix("--data=")))
    return out


def run(argv: list[str], *, lang: Lang) -> int:
    args = parser(lang=lang).parse_args(argv)
    args.all_data = given_data(argv)
    if args.command in (None, "export", "check") and args.all_data:
        # Every --data on the line counts, before the command or after it: together they are the
        # city (argparse keeps only the subcommand's own, and `--data A export --data B` wrote B's).
        args.data = list(args.all_data)
    if args.command == "check" and args.path:  # check A B, check DIR/: as if each were a --data
        args.data = [*args.path, *(args.data or [])]
    if args.example and args.data:
        print(lang.tr("erqi-tui：--example 与 --data 不能同用"), file=sys.stderr)
        return EXIT_INVALID
    if isinstance(args.data, list):  # one file, several, or a folder
        from .views.city import expand

        paths = expand(args.data)
        if len(paths) != 1 or files.is_folder(args.data[0]):
            return city(args, paths, lang=lang)
        args.data = paths[0]
    path = args.data or bundled_data(EXAMPLE if args.example else "targets.toml")
    try:
        with loading_indicator(path, lang=lang):
            loaded = store.read(path)
    except store.DataError as error:
        print_problems(error, lang=lang)
        return EXIT_INVALID
    dashboard = loaded.dashboard
    if what_if_outside(args, dashboard.meta.year, lang=lang):
        return EXIT_INVALID
    # The loaded data lives as long as the app (see store.keep_loaded); what is garbage by now (the
    # argument parser's cycles) is freed first, not set aside for good with it.
    gc.collect()
    gc.freeze()
    if args.command == "export":
        return export(args, path, loaded, lang=lang)
    if args.command == "serve":
        return serve(args, path, lang=lang)
    if args.command == "record":
        return record(args, path, loaded, lang=lang)
    if args.command == "import":
        return import_sheet(args, path, loaded, lang=lang)
    if args.command == "check":
        print(lang.tr("{path}：无误 — {targets} 个目标、{figures} 项数据、{events} 件大事、{projects} 个项目",
                      path=fmt.clean(str(path), single_line=True), targets=len(dashboard.targets),
                      figures=len(dashboard.figures), events=len(dashboard.events),
                      projects=fmt.number(len(dashboard.projects)))
              + (lang.tr("、{tasks} 项重点任务", tasks=len(dashboard.tasks)) if dashboard.tasks else ""))
        return EXIT_OK
    return dashboard_app(args, path, loaded, lang=lang)


def dashboard_app(args: argparse.Namespace, path: Path, loaded: store.Loaded, districts=None, *,
                  lang: Lang) -> int:
    """The dashboard itself, on `path` (and, with `districts`, 全市 first)."""
    dashboard = loaded.dashboard
    apply_color_choice(args.color)
    from .ui.app import ErqiApp  # Textual is imported only when the dashboard runs.

    settings_path = config.config_path()
    def key_known(name: str) -> bool:  # the help screen's, imported only when the settings remap a key
        from .ui.screens.help import key_known

        return key_known(name)

    try:
        settings = config.load_config(settings_path, ErqiApp.binding_ids, key_known)
    except store.DataError as error:
        print_problems(error, what="设置文件", lang=lang)
        return EXIT_INVALID
    settings = settings.with_(lang=lang)
    if not sys.stdout.isatty() and not os.environ.get("TEXTUAL_DRIVER"):  # textual-serve's sessions set it
        print(lang.tr("erqi-tui：仪表盘需要在终端中运行，而标准输出不是终端；要以文本取得数据，请用 erqi-tui export"),
              file=sys.stderr)
        return EXIT_INVALID

    # The bundled file lives inside the installed package: show it, but record updates only in a copy.
    read_only = shipped(args, path) or args.read_only
    ErqiApp(path, dashboard, as_of=args.as_of, who=who_records(args), loaded=loaded,
            read_only=read_only, settings=settings, settings_path=settings_path, start_pane=args.pane,
           since=args.since, big=args.big, districts=districts, asked=args.read_only).run()
    return EXIT_OK
