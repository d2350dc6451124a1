"""全市 at a city's scale: 15 districts × 300 projects (bench/generate.py's document, each with its own
district name and figures), against one of those districts opened alone, measured in the same run.

- first frame: `erqi-tui --data DIR/` (全市) against `erqi-tui --data DIR/one.toml`, in a real
  pseudo-terminal at 100x30, median of --runs (goal: ≤ 1.5×); and the time until every district
  is read and ranked (全市 reads all but the first after its first frame);
- re-rank after one district's change (an update recorded into its journal, or its data file
  edited): the city screen reading that district again and ranking anew, to the frame drawn
  (headless, in this process; the twice-a-second look at the files' stat that notices the change
  comes before it), against one district's own reload of the same change (goal: < 200 ms);
- memory (RSS and PSS) after opening every district in turn from 全市 (/name Enter, then Esc back),
  against the one district opened alone (goal: ≤ 2×).

    python bench/city.py [--districts 15] [--projects 300] [--runs 5]

The figures are synthetic and say nothing about any real district."""

from __future__ import annotations

import argparse
import asyncio
import os
import select
import sys
import tempfile
import time
from pathlib import Path

from generate import document
from erqi_tui.core.i18n import ZH
from harness import Session, median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CITY_MARK = "个地区排名".encode()  # 全市's title
METHOD_END = "排在后面。".encode()  # the end of 全市's last line, how the ranking is computed
KEY_LINE = "命令面板".encode()  # a district's key line


def name(i: int) -> str:
    return f"基准{i + 1:02d}区"


def district_text(i: int, projects: int) -> str:
    """A generated district of `projects` projects (4 steps each), its name and its two figures its
    own: the city ranks them apart."""
    text = document(projects, seed=2024 + i, milestones=4)
    text = text.replace('district = "基准区"', f'district = "{name(i)}"', 1)
    text = text.replace('current = { value = %d, unit = "个" }' % (projects // 5),
                        'current = { value = %d, unit = "个" }' % (projects // 5 + 7 * i), 1)
    return text.replace('current = { value = 1234.5, unit = "亿元" }',
                        'current = { value = %.1f, unit = "亿元" }' % (1234.5 + 61 * i), 1)


def write_city(folder: Path, districts: int, projects: int) -> list[Path]:
    paths = []
    for i in range(districts):
        path = folder / f"{name(i)}.toml"
        path.write_text(district_text(i, projects), encoding="utf-8")
        paths.append(path)
    return paths


def command(*data: Path) -> list[str]:
    out = [sys.executable, "-m", "erqi_tui", "--lang", "zh", "--read-only"]
    for path in data:
        out += ["--data", str(path)]
    return out


def memory_mb(pid: int) -> tuple[float, float]:
    """The process's resident and proportional set sizes now (VmRSS, Pss), in MB."""
    rss = pss = float("nan")
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss, pss


def press(session: Session, keys: bytes, until: bytes) -> bool:
    """`keys`, then the frame up to `until` (or 15 s: only the cells that change are sent, so a
    marker may come in pieces); whether `until` was seen."""
    pressed = time.perf_counter()
    os.write(session.master, keys)
    return until in session.read_frame(pressed, until=until, timeout=15).data


def seen(session: Session, markers: list[bytes], timeout: float = 60) -> list[float]:
    """Seconds from the start until each of `markers` was first on the screen (its last byte read)."""
    data, found = b"", {}
    deadline = time.perf_counter() + timeout
    while len(found) < len(markers) and time.perf_counter() < deadline:
        ready, _, _ = select.select([session.master], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(session.master, 65536)
        except OSError:
            break
        data += chunk
        now = time.perf_counter() - session.started
        for marker in markers:
            if marker not in found and marker in data[-len(chunk) - len(marker):]:
                found[marker] = now
    return [found.get(m, float("nan")) for m in markers]


def first_frames(folder: Path, one: Path, count: int, runs: int) -> tuple[list[float], list[float], list[float]]:
    """全市's first frame (its last line, how the ranking is computed, on screen), every district
    ranked ("15 个地区排名"), and the one district's first frame (its key line on screen). Textual's
    own output (ERQI_TUI_RAW_OUTPUT): the lighter one sends only the cells that change, and a
    marker's unchanged cells (a space, the 1 of 15) would not be seen."""
    city, complete, alone = [], [], []
    raw = {"ERQI_TUI_RAW_OUTPUT": "1"}
    for run in range(runs + 1):  # the first of each is not counted: bytecode, disk cache
        with Session(command(Path(f"{folder}/")), size=(100, 30), env=raw) as session:
            first, everyone = seen(session, [METHOD_END, f"{count} 个地区排名".encode()])
        with Session(command(one), size=(100, 30), env=raw) as session:
            (one_seconds,) = seen(session, [KEY_LINE])
        if run:
            city.append(first)
            complete.append(everyone)
            alone.append(one_seconds)
    return city, complete, alone


def memory(folder: Path, one: Path, count: int) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    """One district alone after its first frame; 全市 after its first frame; 全市 after opening every
    district in turn and coming back."""
    with Session(command(one), size=(100, 30)) as session:
        session.first_frame(KEY_LINE)
        alone = memory_mb(session.process.pid)
    with Session(command(Path(f"{folder}/")), size=(100, 30)) as session:
        session.first_frame(CITY_MARK)
        city_first = memory_mb(session.process.pid)
        opened = 0
        for i in range(count):
            opened += press(session, f"/{name(i)}\r".encode(), f"{name(i)} 2024".encode())  # opens it
            press(session, b"\x1b", CITY_MARK)  # back to 全市
        visited = memory_mb(session.process.pid)
    if opened != count:
        print(f"(only {opened} of {count} districts were seen opened)")
    return alone, city_first, visited


def rerank(folder: Path, paths: list[Path], runs: int, how: str) -> tuple[list[float], list[float]]:
    """Milliseconds from one district's change noticed to 全市 ranked anew and drawn; and to that
    district's own dashboard reloaded and drawn, alone. `how`: "record", an update recorded into its
    journal (as the dashboard and `erqi-tui record` do: the data file's parse is reused), or "edit",
    its data file edited by hand (parsed again)."""
    import datetime as dt

    from erqi_tui import store
    from erqi_tui.core.model import Quantity, Update

    from erqi_tui.store.config import Config
    from erqi_tui.ui.app import ErqiApp
    from erqi_tui.ui.screens.city import CityScreen
    from erqi_tui.views.city import expand, read_all

    changed = paths[len(paths) // 2]
    original = changed.read_text(encoding="utf-8")
    marker = 'current = { value = %.1f, unit = "亿元" }' % (1234.5 + 61 * (len(paths) // 2))

    def change(run: int) -> None:
        value = 200.0 + 250 * (run % 12)  # the amount moves: the district moves in the ranking
        if how == "record":
            update = Update("target", "amount", {"current": Quantity(value, "亿元")}, dt.date(2024, 6, 30), "bench")
            store.record(changed, update, today=dt.date(2024, 7, 1), lang=ZH)
            return
        changed.write_text(original.replace(marker, 'current = { value = %.1f, unit = "亿元" }' % value, 1),
                           encoding="utf-8")
        stamp = time.time_ns() + run * 1_000_000  # a new mtime even within the file system's tick
        os.utime(changed, ns=(stamp, stamp))

    async def city() -> list[float]:
        districts = read_all(expand([folder]), lang=ZH)
        first = districts[0]
        app = ErqiApp(first.path, first.loaded.dashboard, loaded=first.loaded, watch=False, read_only=True,
                      settings=Config(lang="zh"), districts=districts)
        app.animation_level = "none"
        out = []
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, CityScreen)
            for run in range(runs + 1):
                before = [r.district.path for r in screen.comparison.ranked]
                change(run)
                started = time.perf_counter()
                await screen.poll_files()  # sees the changed file, reads it again, ranks anew
                await pilot.pause()  # drawn
                seconds = time.perf_counter() - started
                assert [r.district.path for r in screen.comparison.ranked] != before or run == 0
                if run:
                    out.append(seconds * 1000)
        return out

    async def alone() -> list[float]:
        loaded = store.read(changed)
        app = ErqiApp(changed, loaded.dashboard, loaded=loaded, watch=False, read_only=True,
                      settings=Config(lang="zh"))
        app.animation_level = "none"
        out = []
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for run in range(runs + 1):
                change(run + 1)
                started = time.perf_counter()
                await app.reload(announce=False)
                await pilot.pause()
                if run:
                    out.append((time.perf_counter() - started) * 1000)
        return out

    try:
        return asyncio.run(city()), asyncio.run(alone())
    finally:
        changed.write_text(original, encoding="utf-8")
        store.journal.journal_path(changed).unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=15)
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "city"
        folder.mkdir()
        paths = write_city(folder, args.districts, args.projects)
        one = paths[0]
        print(f"{args.districts} districts × {args.projects} projects (4 steps each), {folder}")

        city, complete, alone = first_frames(folder, one, args.districts, args.runs)
        c, e, a = median(city), median(complete), median(alone)
        print(f"first frame at 100x30, median of {args.runs}: 全市 {c * 1000:.0f} ms "
              f"({min(city) * 1000:.0f}–{max(city) * 1000:.0f}), one district {a * 1000:.0f} ms "
              f"({min(alone) * 1000:.0f}–{max(alone) * 1000:.0f}): {c / a:.2f}× (goal ≤ 1.5×); every district "
              f"read and ranked {e * 1000:.0f} ms ({min(complete) * 1000:.0f}–{max(complete) * 1000:.0f}): "
              f"{e / a:.2f}×", flush=True)

        for how, said in (("record", "an update recorded into one district"), ("edit", "one district's file edited")):
            ranks, reloads = rerank(folder, paths, args.runs, how)
            r, d = median(ranks), median(reloads)
            print(f"re-rank after {said}, median of {args.runs}: {r:.0f} ms ({min(ranks):.0f}–{max(ranks):.0f}; "
                  f"goal < 200 ms), against that district's own reload {d:.0f} ms: {r / d:.2f}×", flush=True)

        (alone_rss, alone_pss), (first_rss, first_pss), (rss, pss) = memory(folder, one, args.districts)
        print(f"memory: one district alone RSS {alone_rss:.0f} MB, PSS {alone_pss:.0f} MB; 全市 at its first frame "
              f"RSS {first_rss:.0f} MB ({first_rss / alone_rss:.2f}×); after opening all {args.districts} districts "
              f"RSS {rss:.0f} MB, PSS {pss:.0f} MB: {rss / alone_rss:.2f}× RSS, {pss / alone_pss:.2f}× PSS "
              f"(goal ≤ 2×)", flush=True)


if __name__ == "__main__":
    main()
