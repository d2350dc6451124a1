"""A 60,000-row ledger imported: previewed and applied, long (a row per target and day, as .xlsx and
CSV) and wide (a row per target, a column per month: 5,000 rows × 12 months = 60,000 figures), each
in its own process; seconds (wall clock, and the CPU time the process took, steadier on a machine
shared with other work) and peak memory (max RSS), with ratios against a baseline measured in the
same run: openpyxl reading the same .xlsx in read-only mode and doing nothing with it (what an
.xlsx import paid before it read the sheet's XML itself), and Python starting and importing
erqi_tui's cli.

With --against REV, each preview is also timed with erqi_tui as it was at git revision REV, in the
same run, and the ratio now/then printed.

    python bench/ledger.py [--rows 60000] [--runs 3] [--against REV]"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import median

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WRAP = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode; "
        "t = time.perf_counter() - t; usage = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(code, t, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)")


def data_file(path: Path, targets: int) -> None:
    lines = ['[meta]\ndistrict = "示例区"\nyear = 2024\nas_of = 2024-01-31\n']
    for number in range(targets):
        lines.append(f'[[target]]\nid = "t{number}"\nname = "指标{number}"\n'
                     f'target = {{ value = 1000, unit = "个" }}\ncurrent = {{ value = 31, unit = "个" }}\n')
    path.write_text("\n".join(lines), encoding="utf-8")


def long_ledger(folder: Path, rows: int) -> tuple[Path, Path, int]:
    """`rows` rows: 200 targets × rows/200 days; the value on day k is k (a running count)."""
    from openpyxl import Workbook

    targets = 200
    days = rows // targets
    book = Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    sheet.append(["示例区2024年重点指标台账"])
    sheet.append(["编号", "名称", "日期", "完成值（个）", "备注"])
    csv_lines = ["编号,名称,日期,完成值（个）,备注"]
    start = dt.date(2024, 1, 1)
    for day in range(days):
        date = start + dt.timedelta(days=day)
        for number in range(targets):
            sheet.append([f"t{number}", f"指标{number}", date, day + 1, None])
            csv_lines.append(f"t{number},指标{number},{date.isoformat()},{day + 1},")
    xlsx, csv = folder / "long.xlsx", folder / "long.csv"
    book.save(xlsx)
    csv.write_text("\n".join(csv_lines) + "\n", encoding="utf-8-sig")
    return xlsx, csv, targets


def wide_ledger(folder: Path, rows: int) -> tuple[Path, int]:
    """rows/12 targets, a column per month (running totals)."""
    from openpyxl import Workbook

    targets = rows // 12
    book = Workbook(write_only=True)
    sheet = book.create_sheet("月报")
    sheet.append(["编号", "名称", *(f"{m}月" for m in range(1, 13))])
    for number in range(targets):
        sheet.append([f"t{number}", f"指标{number}", *(31 + 20 * m for m in range(12))])
    path = folder / "wide.xlsx"
    book.save(path)
    return path, targets


def measure(command: list[str], runs: int, code_at: Path | None = None) -> tuple[float, float, int]:
    """Median seconds (wall clock and CPU) and the largest peak memory (MB) of `command` over `runs`
    runs (`code_at`: a folder holding another erqi_tui to run instead of this one)."""
    times, cpus, peaks = [], [], []
    env = {**os.environ, "PYTHONPATH": str(code_at)} if code_at else None
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", WRAP, *command], capture_output=True, text=True, check=True,
                              env=env)
        code, seconds, cpu, peak = done.stdout.split()
        if code not in ("0",):
            raise SystemExit(f"{' '.join(command)} exited {code}")
        times.append(float(seconds))
        cpus.append(float(cpu))
        peaks.append(int(peak) / 1024)
    return median(times), median(cpus), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=60_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", metavar="REV", help="also time each preview with erqi_tui as at this git revision")
    args = parser.parse_args()
    cli = [sys.executable, "-m", "erqi_tui"]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        long_xlsx, long_csv, long_targets = long_ledger(folder, args.rows)
        wide_xlsx, wide_targets = wide_ledger(folder, args.rows)
        for label, targets in (("long", long_targets), ("wide", wide_targets)):
            data_file(folder / f"{label}.toml", targets)
        read_only = ("from openpyxl import load_workbook; import sys; b = load_workbook(sys.argv[1], read_only=True); "
                     "[None for s in b.worksheets for r in s.iter_rows(values_only=True)]")
        baselines = {
            "start (python -m erqi_tui --help)": measure([*cli, "--help"], args.runs),
            "openpyxl reads long.xlsx": measure([sys.executable, "-c", read_only, str(long_xlsx)], args.runs),
            "openpyxl reads wide.xlsx": measure([sys.executable, "-c", read_only, str(wide_xlsx)], args.runs),
        }
        print(f"{args.rows:,} rows long ({long_targets} targets), {wide_targets:,} rows × 12 months wide; "
              f"median of {args.runs} runs, peak = max RSS")
        for label, (seconds, cpu, peak) in baselines.items():
            print(f"  baseline {label:<38} {seconds:7.2f} s  {cpu:6.2f} s CPU  {peak:5.0f} MB")
        floor = {"long": baselines["openpyxl reads long.xlsx"], "wide": baselines["openpyxl reads wide.xlsx"]}
        then = None
        if args.against:
            then = folder / "then"
            then.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.against, "erqi_tui"], capture_output=True,
                                     check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(then)], input=archive, check=True)
        for label, sheet, kind in (("long .xlsx", long_xlsx, "long"), ("long .csv", long_csv, "long"),
                                   ("wide .xlsx", wide_xlsx, "wide")):
            for mode in ("preview", "apply"):
                data = folder / f"{kind}.toml"
                journal = data.with_name(f"{kind}.journal.toml")
                journal.unlink(missing_ok=True)
                extra = ["--apply", "--accept-outliers"] if mode == "apply" else []
                seconds, cpu, peak = measure([*cli, "import", str(sheet), "--data", str(data), "--user", "bench", *extra], 1 if mode == "apply" else args.runs)
                if mode == "apply":  # each run appends to a fresh journal
                    runs = [(seconds, cpu, peak)]
                    for _ in range(args.runs - 1):
                        journal.unlink(missing_ok=True)
                        runs.append(measure([*cli, "import", str(sheet), "--data", str(data), "--user", "bench", *extra], 1))
                    seconds, cpu, peak = median([r[0] for r in runs]), median([r[1] for r in runs]), max(r[2] for r in runs)
                base = floor[kind]
                print(f"  {label:<11} {mode:<8} {seconds:7.2f} s  {cpu:6.2f} s CPU  {peak:5.0f} MB   "
                      f"×{seconds / base[0]:.1f} time (×{cpu / base[1]:.1f} CPU), ×{peak / base[2]:.1f} memory "
                      "of openpyxl reading the .xlsx")
                if then is not None and mode == "preview":
                    old = measure([*cli, "import", str(sheet), "--data", str(data), "--user", "bench"], args.runs, then)
                    print(f"  {'':<11} {args.against[:8]:<8} {old[0]:7.2f} s  {old[1]:6.2f} s CPU  {old[2]:5.0f} MB   "
                          f"now ×{seconds / old[0]:.2f} time (×{cpu / old[1]:.2f} CPU), ×{peak / old[2]:.2f} memory")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
