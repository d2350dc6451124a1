"""Writes data/example-year.toml and its journal: an invented district's whole year (示例（虚构）),
so that demos and screenshots show every feature of the year as it unfolds. Nothing in it is real;
every name says so. Run from the project root: python tools/make_example_year.py

The journal is written through store.record and store.mark_briefing, as the app writes it, with
each update's moment set to a few days after the month it reports."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from erqi_tui.core.i18n import ZH
from erqi_tui.store import journal  # noqa: E402
from erqi_tui import store  # noqa: E402
from erqi_tui.core.model import Briefing, Quantity, Update  # noqa: E402

YEAR = 2025
DATA = ROOT / "data" / "example-year.toml"
PEOPLE = ("示例·张敏", "示例·李强", "示例·王芳")
UNITS = ("示例·区商务局", "示例·区发改委", "示例·区住建局", "示例·区自然资源局", "示例·区市场监管局")
TARGET_UNITS = {"new-projects": 0, "signed-amount": 0, "funds-in-place": 1, "new-starts": 1, "completions": 2,
                "land-revitalised": 3, "new-businesses": 4}
# id, name, pane, target, unit, at_least, monthly values Jan–Nov (the pace officials would report)
TARGETS = [
    ("new-projects", "新签约产业项目", "investment", 40, "个", True,
     [2, 4, 7, 10, 14, 19, 21, 24, 28, 31, 34]),
    ("signed-amount", "签约额", "investment", 350, "亿元", True,
     [12.5, 30.2, 58.6, 81.0, 107.3, 152.8, 170.4, 196.1, 231.9, 262.7, 289.4]),
    ("funds-in-place", "到位资金", "investment", 120, "亿元", False,
     [6.1, 13.4, 22.9, 31.5, 40.2, 52.6, 60.3, 68.8, 79.1, 88.2, 96.5]),
    ("new-starts", "新开工项目", "projects", 60, "个", False,
     [3, 6, 12, 19, 26, 33, 37, 41, 46, 51, 55]),
    ("completions", "年内竣工投产项目", "projects", 50, "个", False,
     [1, 2, 4, 7, 10, 14, 17, 21, 26, 30, 35]),
    ("land-revitalised", "盘活低效用地", "layout", 2000, "亩", False,
     [80, 150, 260, 420, 560, 700, 830, 990, 1160, 1340, 1480]),
    ("new-businesses", "新增市场主体", "business", 9000, "户", True,
     [610, 1320, 2150, 3010, 3880, 4790, 5520, 6300, 7160, 8020, 8870]),
]
AXES = [("north", "示例北路", "研发设计发展轴"), ("centre", "示例中路", "商贸消费发展轴"),
        ("south", "示例南路", "智能制造发展轴")]
STAGES = ["在谈", "签约", "开工", "投产"]
KINDS = ["智能制造产业园", "数字科创中心", "医药物流基地", "新能源装备项目", "商业综合体", "总部大楼",
         "冷链仓储中心", "文旅街区", "研发中试基地", "食品加工项目", "城市更新片区", "职业教育园区",
         "检验检测中心", "跨境电商产业园"]
PLACES = ["东湖", "西山", "南岭", "北苑"]
# Enterprise requests (企业诉求) and key tasks (重点任务), invented like the rest; a generator of
# their own, so that adding them left every figure above as it was.
REQUESTS = ["用电增容（示例）", "施工许可并联审批（示例）", "周边道路配套（示例）", "员工公寓（示例）",
            "融资对接（示例）", "雨污管网接入（示例）", "货车通行证（示例）"]
TASK_AREAS = {
    "政务服务": ["“一件事”集成办理（示例）", "24 小时自助服务区（示例）", "帮办代办专区（示例）", "电子证照互认（示例）"],
    "要素保障": ["标准地出让（示例）", "工业用电报装提速（示例）", "供水报装一次办（示例）"],
    "市场监管": ["包容审慎监管清单（示例）", "信用修复指引（示例）", "双随机抽查计划（示例）"],
    "法治环境": ["涉企行政执法规范（示例）", "商事纠纷调解中心（示例）", "知识产权服务站（示例）"],
    "企业服务": ["首席服务官制度（示例）", "政策直达平台（示例）", "企业家座谈会（示例）", "惠企资金兑现（示例）"],
    "开放合作": ["跨境电商服务中心（示例）", "外资项目专班（示例）", "展会招商计划（示例）"],
}


def q(value, unit: str, at_least: bool = False) -> str:
    bound = ", at_least = true" if at_least else ""
    return f'{{ value = {value}, unit = "{unit}"{bound} }}'


def data_file(rng: random.Random) -> str:
    out = [
        "# 示例（虚构）: an invented district's whole year, for demos and screenshots. Nothing here is",
        "# real: the district, the people, the projects and every figure are made up. The figures stand",
        "# at the end of January; the journal beside it (example-year.journal.toml) carries the months",
        "# after, as officials would record them. Written by tools/make_example_year.py.",
        "",
        "[meta]",
        'district = "示例（虚构）河湾区"',
        'city = "示例市"',
        f"year = {YEAR}",
        f"as_of = {YEAR}-01-31",
        'title = "示例（虚构）：全年目标逐月推进"',
        'en = { district = "Hewan District (invented example)", city = "Example City", '
        'title = "Invented example: a year of targets, month by month" }',
        "",
    ]
    for ident, name, pane, target, unit, at_least, values in TARGETS:
        out += ["[[target]]", f'id = "{ident}"', f'name = "{name}"', f"target = {q(target, unit, at_least)}",
                f"current = {q(values[0], unit)}", f'pane = "{pane}"',
                f'responsible = "{UNITS[TARGET_UNITS[ident]]}"', f'person = "{PEOPLE[TARGET_UNITS[ident] % 3]}"', ""]
    figures = [("q1-investment", "一季度完成投资", 96.3, "亿元", "projects", "重大项目", True),
               ("major-projects", "计划运作重大项目", 180, "个", "projects", "重大项目", True),
               ("visits", "外出走访企业", 120, "家", "investment", "走出去招商", False),
               ("fairs", "招商推介会", 9, "次", "investment", "走出去招商", False),
               ("no-certificate", "“免证可办”事项", 410, "个", "business", "政务服务", True),
               ("one-window", "“一窗通办”事项", 860, "个", "business", "政务服务", False),
               ("land", "可开发用地", 12000, "亩", "layout", "产业空间", True)]
    for ident, label, value, unit, pane, group, headline in figures:
        out += ["[[figure]]", f'id = "{ident}"', f'label = "{label}"', f"value = {value}", f'unit = "{unit}"',
                f'pane = "{pane}"', f'group = "{group}"'] + (["headline = true"] if headline else []) + [""]
    for date, title in ((f"{YEAR}-02-10", "示例（虚构）春季招商大会"), (f"{YEAR}-06-18", "示例（虚构）年中项目集中签约"),
                        (f"{YEAR}-09-26", "示例（虚构）秋季项目集中开工")):
        out += ["[[event]]", f"date = {date}", f'title = "{title}"', ""]
    for stage in STAGES:
        out += ["[[stage]]", f'name = "{stage}"', ""]
    out += ["[layout]", 'name = "三轴联动"', 'belt = "示例（虚构）产业带"', ""]
    for ident, road, theme in AXES:
        out += ["[[layout.axis]]", f'id = "{ident}"', f'road = "{road}"', f'theme = "{theme}"', ""]
    for number in range(1, 43):
        kind = KINDS[(number * 5) % len(KINDS)]
        place = PLACES[number % len(PLACES)]
        name = f"{place}{kind}（示例{number}）"
        in_wan = number % 5 == 0
        investment = q(rng.randrange(3000, 9000, 100), "万元") if in_wan else q(round(rng.uniform(1, 60), 1), "亿元")
        out += ["[[project]]", f'id = "p{number:02d}"', f'name = "{name}"', f'status = "{STAGES[number % 3]}"',
                f'axis = "{AXES[number % 3][0]}"', f"investment = {investment}",
                f"area = {q(rng.randrange(20, 400, 5), '亩')}", f'responsible = "{UNITS[1 + number % 3]}"', ""]
        if number % 4 == 1:  # a quarter of them, on every axis, carry their steps to completion
            start = rng.randrange(1, 7)
            steps = [("开工", start, start + rng.choice((-1, 0, 0, 1))), ("主体封顶", start + 4, start + 4 + rng.choice((0, 1, 3))),
                     ("竣工投产", min(12, start + 8), None)]
            for step, planned, reached in steps:
                out += ["[[project.milestone]]", f'name = "{step}"', f'planned = "{YEAR}-{planned:02d}"']
                if reached is not None and 1 <= reached <= 11:
                    out.append(f'reached = "{YEAR}-{reached:02d}"')
                if step == "竣工投产":
                    out.append('stage = "投产"')
                out.append("")
    out += requests_and_tasks(random.Random(2026))
    return "\n".join(out)


def requests_and_tasks(rng: random.Random) -> list[str]:
    """Requests as [[project.request]] can't follow their [[project]] here (TOML puts them with the
    last project before them), so the data file lists a few under the last project only; the rest
    are raised and resolved in the journal, month by month. Tasks: the six areas, each task with a
    unit and a deadline; a few finished by the end of January."""
    out = []
    for month, what, resolved in ((1, REQUESTS[0], True), (1, REQUESTS[1], False)):
        out += ["[[project.request]]", f'what = "{what}"', f'raised = {YEAR}-{month:02d}-{rng.randrange(5, 25):02d}',
                f'responsible = "{UNITS[rng.randrange(len(UNITS))]}"']
        if resolved:
            out.append(f"resolved = {YEAR}-01-28")
        out.append("")
    number = 0
    for area, names in TASK_AREAS.items():
        for name in names:
            number += 1
            deadline = rng.choice((3, 5, 6, 6, 9, 10, 12, 12))
            out += ["[[task]]", f'id = "task-{number:02d}"', f'name = "{name}"', f'area = "{area}（示例）"',
                    f'responsible = "{UNITS[rng.randrange(len(UNITS))]}"', f'person = "{PEOPLE[number % 3]}"',
                    f'deadline = "{YEAR}-{deadline:02d}"']
            if number % 9 == 0:
                out.append(f"done = {YEAR}-01-{rng.randrange(10, 30)}")
            out.append("")
    return out


def moment(month: int, day_after: int, hour: int) -> dt.datetime:
    """A few days after month `month` ends: when its figures would be recorded."""
    first = dt.date(YEAR + month // 12, month % 12 + 1, 1)
    return dt.datetime.combine(first + dt.timedelta(days=day_after), dt.time(hour, 30))


def month_end(month: int) -> dt.date:
    return dt.date(YEAR + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def record_requests_and_tasks(month: int, rng: random.Random) -> None:
    """A request raised on a project most months and the oldest open one resolved every other
    month; the tasks due this month mostly finished, a few left late."""
    today = dt.date(YEAR, 12, 31)
    dashboard = store.load(DATA)
    at = moment(month, 7, 11)
    if month % 4 != 0:
        project = dashboard.projects[(month * 11) % len(dashboard.projects)]
        what = REQUESTS[month % len(REQUESTS)]
        if all(r.what != what for r in project.requests):
            request = {"what": what, "responsible": UNITS[month % len(UNITS)]}
            store.record(DATA, Update("project", project.id, {"request": request}, month_end(month) - dt.timedelta(days=9),
                                      PEOPLE[month % 3], "企业走访中提出（示例）", at=at), today=today, lang=ZH)
    if month % 2 == 0:
        oldest = sorted(((r.raised.first, p.id, r.what) for p in store.load(DATA).projects for r in p.requests
                         if not r.done and r.raised), key=lambda o: o[0])
        if oldest:
            _, ident, what = oldest[0]
            store.record(DATA, Update("project", ident, {"resolve": what}, month_end(month), PEOPLE[(month + 1) % 3],
                                      "已协调解决（示例）", at=at.replace(minute=45)), today=today, lang=ZH)
    for task in dashboard.tasks:
        if not task.done and task.deadline.last.month == month and rng.random() < 0.7:
            store.record(DATA, Update("task", task.id, {"done": True}, month_end(month) - dt.timedelta(days=3),
                                      task.person, "", at=at.replace(hour=16)), today=today, lang=ZH)


def main() -> None:
    rng = random.Random(2025)
    DATA.write_text(data_file(rng) + "\n", encoding="utf-8")
    journal.journal_path(DATA).unlink(missing_ok=True)
    today = dt.date(YEAR, 12, 31)
    slips = {3: "new-projects", 7: "funds-in-place", 9: "signed-amount"}  # months with a figure entered wrong
    for month in range(2, 12):
        for index, (ident, _, _, _, unit, _, values) in enumerate(TARGETS):
            at = moment(month, 2 + index % 4, 9 + index)
            who = PEOPLE[(month + index) % len(PEOPLE)]
            value = values[month - 1]
            if slips.get(month) == ident:  # a slip of the finger, withdrawn and entered again
                wrong = store.record(DATA, Update("target", ident, {"current": Quantity(value * 10, unit)},
                                                  month_end(month), who, "", at=at), today=today, lang=ZH)[1]
                store.record(DATA, Update("", "", {}, None, PEOPLE[0], "录入错误：多输了一位", at=at.replace(minute=45),
                                          withdraw=wrong), today=today, lang=ZH)
                at = at.replace(minute=50)
            store.record(DATA, Update("target", ident, {"current": Quantity(value, unit)}, month_end(month), who,
                                      "月度报表", at=at), today=today, lang=ZH)
        for step in range(2):  # two projects move on each month
            number = (month * 7 + step * 13) % 42 + 1
            now = next(p.status for p in store.load(DATA).projects if p.id == f"p{number:02d}")
            if now == STAGES[-1]:
                continue  # already in production
            stage = STAGES[STAGES.index(now) + 1]
            store.record(DATA, Update("project", f"p{number:02d}", {"status": stage}, month_end(month),
                                      PEOPLE[step], f"{stage}（示例）", at=moment(month, 6, 15)), today=today, lang=ZH)
        record_requests_and_tasks(month, rng)
        if month in (3, 6, 9):
            store.mark_briefing(DATA, Briefing(month_end(month), moment(month, 8, 10), PEOPLE[0],
                                               f"第{month // 3}季度汇报（示例）"), lang=ZH)
    loaded = store.read(DATA)
    print(f"{DATA.name}: {len(loaded.dashboard.projects)} projects, {loaded.dashboard.journal_entries} journal "
          f"entries, {len(loaded.dashboard.briefings)} briefings, as of {loaded.dashboard.as_of}")


if __name__ == "__main__":
    main()
