"""Exports for briefings: Markdown, HTML, CSV and JSON of the same figures the screen shows, with
their units, "more than" marks and ahead/behind verdicts. No Textual (the SVG screenshot lives in
the app)."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from dataclasses import dataclass, field

from ..core import fields, fmt, progress, series
from ..core.i18n import UNITS_EN, Lang, in_english_unit
from ..core.model import Dashboard, Figure, Quantity, grouped
from ..core.series import Since
from ..views.account import Account, account, assumed_day, overdue_words, project_cell, responsible, stage_words


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Section:
    pane: str
    title: str  # the pane's title, as the tab shows it (the file's name for its layout)
    tables: list[Table]


def heading(dashboard: Dashboard, what_if: dt.date | None, *, lang: Lang) -> str:
    meta = dashboard.meta
    title = lang.tr("{city}{district} {year} 年目标", city=lang.data(meta, "city"),
                    district=lang.data(meta, "district"), year=meta.year)
    date = (lang.tr("假设截至 {date}（所有目标按这一天判断）", date=what_if.isoformat()) if what_if
            else lang.tr("截至 {date}", date=fmt.standing(dashboard.as_of, meta, lang=lang)))  # 2024年5月 (source: 五月)
    return fmt.clean(f"{title} — {date}", single_line=True)


PROJECTION_COLUMNS = ("年底预计", "缺口", "余下所需")  # 余下所需: the screen's words, "余下 7 个月需 至少 17 个"


def _target_table(title: str, acc: Account, lines, *, lang: Lang) -> Table:
    """The targets with their verdict, the projection at the current pace, the change since, and
    who answers for each (where the file says)."""
    dashboard, since = acc.dashboard, acc.since
    columns = ["目标", "当前", "目标值", "完成", "数值截至", "序时进度", "判断", *PROJECTION_COLUMNS]
    table = Table(lang.tr(title), [lang.tr(c) for c in columns])
    if since is not None:
        table.columns.append(lang.tr("较 {date}", date=fmt.short_date(since.date, dashboard.meta.year)))
    answered = any(line.target.responsible for line in lines)
    if answered:
        table.columns.append(lang.tr("责任单位"))
    for line in lines:
        p = line.progress
        verdict = lang.tr(progress.VERDICT_WORD[p.verdict])
        if p.gap is not None and p.verdict != progress.ON_SCHEDULE:
            verdict += f" {fmt.points(p.gap, signed=False, lang=lang)}"
        row = [lang.data(p.target, "name"), fmt.quantity(p.target.current, words=True, lang=lang),
               fmt.quantity(p.target.target, words=True, lang=lang), fmt.completion(p, lang=lang),
               fmt.standing(p.as_of, dashboard.meta, lang=lang), fmt.percent(p.time_share), verdict,
               *projection_cells(line.projection, lang=lang)]
        if since is not None:
            row.append(fmt.change_amount(line.change, lang=lang) if line.change else lang.tr("无变化"))
        if answered:
            row.append(responsible(p.target, lang=lang) or fmt.MISSING)
        table.rows.append(row)
    return table


def projection_cells(found: series.Projection | None, *, lang: Lang) -> list[str]:
    """年底预计, 缺口 and 余下所需 as table cells, in the screen's words (fmt.projection_parts): the
    last is the screen's line whole, "余下每月需 至少 27.4 亿元" or "余下 7 个月需 至少 17 个"."""
    if found is None:
        return [fmt.MISSING] * 3
    parts = fmt.projection_parts(found, lang=lang)
    shown = dict(parts)
    need = fmt.need_part(found, lang=lang)
    return [shown.get(lang.tr("年底预计"), fmt.MISSING), shown.get(lang.tr("缺口"), fmt.MISSING),
            " ".join(need) if need else fmt.MISSING]


def _share_line(dashboard: Dashboard, what_if: dt.date | None) -> str:
    """The sentence of the year passed: judged at the month's end where the source gives only the month."""
    month = what_if is None and fmt.month_only(dashboard.as_of, dashboard.meta)
    return "{year} 年已过 {share}（序时进度，按月末计）。" if month else "{year} 年已过 {share}（序时进度）。"


def since_line(dashboard: Dashboard, since: Since | None, *, lang: Lang) -> str:
    """Which date the changes count from, and why, for an export's heading ("" without one)."""
    if since is None:
        return ""
    why = lang.tr("上次简报") if since.briefing else "--since"
    return lang.tr("变化自 {date}（{why}）。", date=since.date.isoformat(), why=why)


def _figure_tables(blocks, default_title: str, *, lang: Lang) -> list[Table]:
    """Figures by group; ungrouped ones under `default_title` (already in the reader's language)."""
    # its 项目 is a line of figures, an item, in English (Item, not Project), as the workbook's
    return [Table(lang.data(items[0], "group") if group else default_title, [lang.tr("事项" if lang.english else "项目"), lang.tr("数值")],
                  [[lang.data(f, "label"), fmt.quantity(f.quantity, words=True, lang=lang)] for f in items])
            for group, items in blocks]


def sections(dashboard: Dashboard, what_if: dt.date | None = None, pane: str | None = None,
             since: Since | None = None, *, lang: Lang) -> list[Section]:
    """The pane account (views.account) as titled tables of display strings, pane by pane (or only
    `pane`): what Markdown and HTML show."""
    acc = account(dashboard, what_if, pane, since)
    d = dashboard
    out: list[Section] = []
    for s in acc.sections:
        title = lang.pane_title(d, s.pane)
        tables = [_target_table("年度目标", acc, s.targets, lang=lang)] if s.targets or s.pane == "overview" else []
        if s.pane == "overview":
            tables.append(Table(lang.tr("预警：落后于序时进度"), [lang.tr(c) for c in ("目标", "完成", "落后")],
                                [[lang.data(line.target, "name"), fmt.completion(line.progress, lang=lang),
                                  fmt.points(line.progress.gap, signed=False, lang=lang)
                                  + assumed_day(line.progress, line.early, lang=lang)]
                                 for line in s.behind]))
            if s.overdue:  # the projects' steps overdue, as the screen's 预警 lists them
                tables.append(Table(lang.tr("预警：逾期未报的项目节点"), [lang.tr(c) for c in ("项目", "项目节点", "说明")],
                                    [[lang.data(project, "name"), lang.data(step, "name"),
                                      overdue_words(step, acc, lang=lang)] for project, step in s.overdue]))
            tables += _figure_tables(s.figures, lang.tr("要闻数据"), lang=lang)
        elif s.pane != "layout":
            tables += _figure_tables(s.figures, title, lang=lang)
        if s.pane == "investment":
            tables.append(Table(lang.tr("项目推进"), [lang.tr(c) for c in ("项目范围", "数据", "数量", "说明")],
                                [[*stage_words(st, lang=lang), fmt.quantity(st.count, words=True, lang=lang),
                                  lang.data(st, "note")] for st in s.stages]))
            events = Table(lang.tr("大事记"), [lang.tr(c) for c in ("日期", "事件", "数据", "说明")])
            for e in s.events:
                figures = lang.tr("；").join(f"{lang.data(f, 'label')} {fmt.quantity(f.quantity, words=True, lang=lang)}"
                                   for f in e.figures)
                events.rows.append([e.date.isoformat(), lang.data(e, "title"), figures, lang.data(e, "note")])
            tables.append(events)
        if s.pane == "layout":
            axes = Table(lang.tr("发展轴"), [lang.tr("道路"), lang.tr("发展轴"), lang.tr("项目")])
            for axis, on_it in s.axes:
                axes.rows.append([lang.data(axis, "road"), lang.data(axis, "theme"),
                                  lang.tr("、").join(lang.data(p, "name") for p in on_it) or fmt.MISSING])
            tables.append(axes)
            if d.layout.belt:
                tables.append(Table(lang.tr("重点项目产业带"), [lang.tr("产业带"), lang.tr("说明")],
                                    [[lang.data(d.layout, "belt"), lang.data(d.layout, "belt_note")]]))
            tables += _figure_tables(s.figures, title, lang=lang)
        if s.pane == "projects":  # the fields core/fields exports to md and html, in its order
            shown = fields.exported("md")
            projects = Table(lang.tr("项目"), [lang.tr(fields.heading(f)) for f in shown])
            for p in s.projects:
                projects.rows.append([project_cell(d, p, f, words=True, lang=lang) for f in shown])
            tables.append(projects)
        if s.initiatives:
            tables.append(Table(lang.tr("举措（文章未给数字）"), [lang.tr("举措"), lang.tr("内容")],
                                [[lang.data(i, "name"), lang.data(i, "what")] for i in s.initiatives]))
        out.append(Section(s.pane, title, tables))
    return out


# --- Markdown ------------------------------------------------------------------------------------

# Backslash-escaped wherever they stand: what would make emphasis (* _ ~), code (`), a link or an
# image ([ ] and an autolink's < >), raw HTML (< > and an entity's &), a heading (#) or a new cell (|).
_MD_SPECIAL = re.compile(r"([\\`*_~\[\]<>#|&])")
# A renderer that links bare addresses (GitHub's www. and https://, markdown-it's linkify: evil.com)
# is stopped by an escape inside the address: a scheme's colon, and a dot between a letter or digit
# and a letter ("Zhengzhou: targets" and 107.96 are left as they are).
_MD_ADDRESS = re.compile(r"((?<=[A-Za-z]):(?=\S)|(?<=[0-9A-Za-z])\.(?=[A-Za-z]))")


def _md_cell(text: str) -> str:
    """Data text as Markdown that renders as that text, on one line: in a table cell, a heading or
    a paragraph. No link, HTML, emphasis or heading can be made from it."""
    text = _MD_SPECIAL.sub(r"\\\1", fmt.clean(text, single_line=True))
    return _MD_ADDRESS.sub(r"\\\1", text) or " "


def to_markdown(dashboard: Dashboard, what_if: dt.date | None = None, pane: str | None = None,
                since: Since | None = None, *, lang: Lang) -> str:
    share = progress.time_elapsed_share(what_if or dashboard.as_of, dashboard.meta.year)
    lines = [f"# {_md_cell(heading(dashboard, what_if, lang=lang))}", "",
             lang.tr(_share_line(dashboard, what_if), year=dashboard.meta.year, share=fmt.percent(share))
             + since_line(dashboard, since, lang=lang), ""]
    for section in sections(dashboard, what_if, pane, since, lang=lang):
        lines += [f"## {_md_cell(section.title)}", ""]
        for table in section.tables:
            lines += [f"### {_md_cell(table.title)}", ""]
            if not table.rows:
                lines += [lang.tr("（无）"), ""]
                continue
            lines.append("| " + " | ".join(map(_md_cell, table.columns)) + " |")
            lines.append("|" + "---|" * len(table.columns))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows]
            lines.append("")
    if dashboard.meta.source:
        lines += [lang.tr("来源：{source}", source=_md_cell(dashboard.meta.source)), ""]
    return "\n".join(lines)


# --- HTML ----------------------------------------------------------------------------------------

FIGURE_CELLS = 18  # a cell of a figure and its words, kept on one line, is at most this wide (terminal cells)

_CSS = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2em; color: #111; }
h1 { font-size: 1.5em; } h2 { border-bottom: 2px solid #1565c0; padding-bottom: .2em; margin-top: 1.5em; }
h3 { font-size: 1em; color: #444; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { border: 1px solid #bbb; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #e3eaf5; }
.bar { position: relative; width: 12em; height: .9em; background: #eee; border: 1px solid #999; }
.bar .done { position: absolute; left: 0; top: 0; bottom: 0; background: #2e7d32; }
.bar.behind .done { background: #ef6c00; }
.bar .time { position: absolute; top: -.2em; bottom: -.2em; width: 2px; background: #000; }
th { word-break: keep-all; }  /* a header wraps at its spaces (Time-elapsed share), never inside a word (序时进度) */
td { min-width: 3em; }
td.name { min-width: 7em; }
td.fig, .nb { white-space: nowrap; }
@media screen and (max-width: 1600px) { .bar { width: 4em; } th, td { padding: .25em .3em; } body { margin: 1em; } }
/* Printed: A4 across (a target's table has a dozen columns), a long table runs on from the page it
   starts on with its header repeated (a table kept whole left a first page with only the title),
   a row never split, a heading kept with what follows, columns never narrower than their header. */
@page { size: A4 landscape; margin: 1.2cm 1.2cm 1.5cm; }
@media print {
  body { margin: 0; font-size: 10pt; }
  h1 { font-size: 15pt; margin: 0 0 .3em; } h2 { font-size: 13pt; margin-top: 1em; }
  h2, h3 { break-after: avoid; }
  table { width: 100%; break-inside: auto; font-size: 9pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  table.short { break-inside: avoid; }  /* a table of a few rows on one page, never one row left alone */
  h3 + table.short, h3 + p { break-before: avoid; }
  th, td { padding: .15em .35em; }
  .bar { width: 6em; }
}
"""


def kept_whole(text) -> bool:
    """A cell of a figure with its unit and words (107.96 亿元, 超前 1.7 个百分点, 2025-11-30, ≈133
    mu), kept on one line in every table that may wrap (HTML's class fig, the docx's columns sized
    for it): a browser or Word would break 亿|元, a date at its hyphen, a minus sign from its number."""
    from rich.cells import cell_len

    text = str(text)
    return cell_len(text) <= FIGURE_CELLS and any(ch.isdigit() for ch in text)


# Within a longer cell, what a browser must not break: a figure with its unit and words (余下每月需
# 23.5 亿元 broke 亿|元; 计划 2025-09 at its hyphen; 至少 6 个), and a short word between spaces (示例·张敏).
_FIGURE_RUN = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{1,2}月(?:底|初|中旬|上旬|下旬)"  # a date whole
                         r"|(?:约|至少|超前|落后|≈|~)?\s?[-+−]?\d[\d,.:/\-]*(?:\s?(?:%|个百分点|个月|bn CNY|m CNY|pp"
                         r"|[\u4e00-\u9fff]{1,2}(?:以上)?(?![\u4e00-\u9fff])))?")
SHORT_TABLE_ROWS = 8  # printed, a table of up to this many rows is kept on one page
SHORT_WORD = 16  # terminal cells: a word between spaces this short is never broken


def cell_html(text) -> str:
    """A table cell's text as HTML, escaped, its figures and its short words between spaces (示例·张敏)
    each kept on one line; the rest of a sentence breaks as the browser breaks it."""
    from rich.cells import cell_len

    def words(part: str, start: bool, end: bool) -> str:
        pieces = re.split(r"(\s+)", part)
        out = []
        for index, w in enumerate(pieces):
            whole = (index > 0 or start) and (index < len(pieces) - 1 or end)  # spaces (or the cell's ends) around it
            short = whole and len(w) > 1 and not w.isspace() and not w.isascii() and cell_len(w) <= SHORT_WORD
            out.append(f'<span class="nb">{html.escape(w, quote=True)}</span>' if short else html.escape(w, quote=True))
        return "".join(out)

    text = fmt.clean(str(text))
    out, at = [], 0
    for match in _FIGURE_RUN.finditer(text):
        figure = match.group().strip()
        lead = match.group()[:len(match.group()) - len(match.group().lstrip())]
        out += [words(text[at:match.start()], at == 0, bool(lead) or match.start() == 0), lead,
                f'<span class="nb">{html.escape(figure, quote=True)}</span>']
        at = match.end()
    out.append(words(text[at:], at == 0 or text[at - 1:at].isspace(), True))
    return "".join(out)


def _running_head(title: str) -> str:
    """The title at the top of every printed page (an invented example's says 示例（虚构） on each),
    as a CSS string: user text, so every character that could end the string or the style element
    is written as an escape."""
    def escaped(ch: str) -> str:
        return ch if ch.isalnum() or ch == " " or ord(ch) > 0x7F and ch.isprintable() else f"\\{ord(ch):x} "
    text = "".join(escaped(ch) for ch in fmt.clean(title, single_line=True))
    return f'\n@page {{ @top-right {{ content: "{text}"; font-size: 8pt; color: #555; }} }}\n'


def _bar(p: progress.TargetProgress, *, lang: Lang) -> str:
    done = min(p.completion or 0.0, 1.0) * 100
    kind = " behind" if p.verdict == progress.BEHIND else ""
    hint = lang.tr("完成 {done} / 序时 {share}", done=fmt.completion(p, lang=lang), share=fmt.percent(p.time_share))
    return (f'<div class="bar{kind}" title="{hint}">'
            f'<div class="done" style="width:{done:.1f}%"></div>'
            f'<div class="time" style="left:{p.time_share * 100:.1f}%"></div></div>')


def to_html(dashboard: Dashboard, what_if: dt.date | None = None, pane: str | None = None,
            since: Since | None = None, *, lang: Lang) -> str:
    esc = lambda text: html.escape(fmt.clean(text), quote=True)  # noqa: E731
    share = progress.time_elapsed_share(what_if or dashboard.as_of, dashboard.meta.year)
    title = esc(heading(dashboard, what_if, lang=lang))
    parts = ["<!DOCTYPE html>", f'<html lang="{"en" if lang.english else "zh-CN"}"><head><meta charset="utf-8">',
             f"<title>{title}</title><style>{_CSS}{_running_head(heading(dashboard, what_if, lang=lang))}</style></head><body>",
             f"<h1>{title}</h1>",
             "<p>" + esc(lang.tr("{year} 年已过 {share}（序时进度，进度条中的竖线）。", year=dashboard.meta.year,
                                 share=fmt.percent(share)) + since_line(dashboard, since, lang=lang)) + "</p>"]
    bars = {lang.data(p.target, "name"): _bar(p, lang=lang)
            for p in progress.assess_all(dashboard.targets, dashboard, what_if)}
    for section in sections(dashboard, what_if, pane, since, lang=lang):
        parts.append(f"<h2>{esc(section.title)}</h2>")
        for table in section.tables:
            parts.append(f"<h3>{esc(table.title)}</h3>")
            if not table.rows:
                parts.append(f"<p>{esc(lang.tr('（无）'))}</p>")
                continue
            with_bar = table.columns[:1] == [lang.tr("目标")] and lang.tr("序时进度") in table.columns
            head = "".join(f"<th>{esc(c)}</th>" for c in table.columns) + (f"<th>{esc(lang.tr('进度'))}</th>" if with_bar else "")
            short = ' class="short"' if len(table.rows) <= SHORT_TABLE_ROWS else ""
            parts.append(f"<table{short}><thead><tr>{head}</tr></thead><tbody>")
            for row in table.rows:
                cells = "".join(f'<td class="name">{esc(c)}</td>' if i == 0 else
                                f'<td class="fig">{esc(c)}</td>' if kept_whole(c) else f"<td>{cell_html(c)}</td>"
                                for i, c in enumerate(row))
                if with_bar:
                    cells += f"<td>{bars.get(row[0], '')}</td>"
                parts.append(f"<tr>{cells}</tr>")
            parts.append("</tbody></table>")
    if dashboard.meta.source:
        parts.append(f"<p><small>{esc(lang.tr('来源：{source}', source=dashboard.meta.source))}</small></p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# --- CSV -----------------------------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@")  # what starts a formula when typed into a cell in Excel or WPS


def spreadsheet_text(text: str) -> str:
    """Data text as a spreadsheet cell (CSV or xlsx): never a formula (=, +, - and @ start one in
    Excel), no control characters."""
    text = fmt.clean(text, single_line=True)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


CSV_COLUMNS = ("地区", "板块", "类别", "编号", "名称", "指标", "数值", "单位", "下限", "约数", "日期", "责任单位")


def quantities(dashboard: Dashboard, what_if: dt.date | None = None, pane: str | None = None,
               since: Since | None = None, *, lang: Lang) -> list[list]:
    """Every quantity the dashboard shows, one row each: pane, kind, id, name, measure, the number,
    its unit, whether it is a lower bound or approximate, and the date it stands at. Numbers stay
    numbers (a share as 43.3 with the unit %, a gap in 个百分点)."""
    d = dashboard
    rows: list[list] = []

    def add(pane_id: str, kind: str, ident: str, name: str, measure: str, q, unit: str = "", date=None,
            who: str = "") -> None:
        if isinstance(q, Quantity):
            rows.append([lang.pane_title(d, pane_id), lang.tr(kind), ident, name, measure, q.value, q.unit, q.at_least,
                         q.approx, date, who])
        elif q is not None:
            rows.append([lang.pane_title(d, pane_id), lang.tr(kind), ident, name, measure, q, unit, False, False, date,
                         who])

    def figures(pane_id: str, blocks) -> None:
        for _, items in blocks:
            for f in items:
                add(pane_id, "数据", f.id, lang.data(f, "group") or lang.data(f, "label"), lang.data(f, "label"),
                    f.quantity)

    acc = account(d, what_if, pane, since)
    # Every target once, under 总览 (or, for one pane, the targets it shows, under it).
    where = pane or "overview"
    for line in acc.sections[0].targets:
        p, t = line.progress, line.target
        name = lang.data(t, "name")
        who = responsible(t, lang=lang)
        own = d.target_date(t)  # a figure stands at its own date, whatever day --as-of judges it at
        add(where, "目标", t.id, name, lang.tr("当前值"), t.current, date=own, who=who)
        add(where, "目标", t.id, name, lang.tr("目标值"), t.target, who=who)
        add(where, "目标", t.id, name, lang.tr("完成率"), None if p.completion is None else round(p.completion * 100, 2), "%",
            own)
        add(where, "目标", t.id, name, lang.tr("序时进度"), round(p.time_share * 100, 2), "%", p.as_of)
        add(where, "目标", t.id, name, lang.tr("较序时进度"), None if p.gap is None else round(p.gap * 100, 2),
            lang.tr("个百分点"), p.as_of)
        found = line.projection
        unit = t.target.unit

        def worked_out(value, bound: str) -> Quantity:  # 至少 as 下限, 约 as 约数 (至多 has no column)
            return Quantity(value, unit, at_least=bound == series.AT_LEAST, approx=bound == series.ABOUT)

        if found is not None and found.year_end is not None:
            add(where, "目标", t.id, name, lang.tr("年底预计"),
                worked_out(fmt.rounded(found.year_end, unit), found.year_end_bound))
        if found is not None and found.shortfall is not None:
            add(where, "目标", t.id, name, lang.tr("缺口"), worked_out(fmt.rounded(found.shortfall, unit, need=True),
                                                                   found.need_bound))
        need = None if found is None else fmt.need_figure(found)
        if need is not None:  # the screen's words: 余下每月需 27.4 (亿元), or 余下 7 个月需 17 (个) for a count
            months, value = need
            measure = (lang.tr("余下每月需") if months is None
                       else lang.tr("余下 {months} 个月需", months=fmt.number(months)))
            add(where, "目标", t.id, name, measure, worked_out(value, found.need_bound))
        if line.change is not None and line.change.delta is not None:
            add(where, "目标", t.id, name, lang.tr("较 {date}", date=line.change.since.date.isoformat()),
                round(line.change.delta, 4), t.target.unit, p.as_of)
    for section in acc.sections:
        if section.pane == "overview":
            if pane == "overview":
                figures("overview", section.figures)
            continue
        figures(section.pane, section.figures)
        for st in section.stages:
            group, label = stage_words(st, lang=lang)
            add("investment", "阶段", st.id, label, group or lang.tr("数量"), st.count)
        for e in section.events:
            for f in e.figures:
                add("investment", "大事", f.id, lang.data(e, "title"), lang.data(f, "label"), f.quantity, date=e.date)
        for a, on_it in section.axes:
            add("layout", "发展轴", a.id, lang.data(a, "road"), lang.tr("项目数"), len(on_it), lang.tr("个"))
        for project in section.projects:  # its amounts and figures, as core/fields exports them to csv
            name = lang.data(project, "name")
            who = responsible(project, lang=lang)
            for carried in fields.exported("csv"):
                if carried.kind == fields.AMOUNT:
                    add("projects", "项目", project.id, name, lang.tr(fields.label(carried)), getattr(project, carried.attr),
                        who=who)
                elif carried.key == "figure":
                    for f in project.figures:
                        add("projects", "项目", project.id, name, lang.data(f, "label"), f.quantity)
    return rows


def csv_date(date: dt.date | None, meta) -> str:
    """A row's date as precise as its source: 2024-05 where the file gives only the month (a
    spreadsheet reads it as that month, not as the 31st the pace is judged at); else 2024-05-31."""
    if date is None:
        return ""
    return date.strftime("%Y-%m") if fmt.month_only(date, meta) else date.isoformat()


def to_csv(dashboard: Dashboard, what_if: dt.date | None = None, pane: str | None = None,
           since: Since | None = None, *, lang: Lang) -> str:
    """One tidy table, a row per quantity, with the number and its unit in columns of their own
    (Excel can sum, filter and chart it). Meant for Excel: the caller writes it as UTF-8 with a BOM."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    # A what-if (--as-of) says so on every row, in a column of its own: a row filtered or pasted
    # elsewhere keeps it, and the table stays one header and its rows.
    supposed = [lang.tr("假设截至 {date}（--as-of），非实际进度", date=what_if.isoformat())] if what_if else []
    writer.writerow([lang.tr(c) for c in CSV_COLUMNS] + ([lang.tr("假设")] if what_if else []))
    yes = lang.tr("是")
    # a city's files stack into one table
    city, district = lang.data(dashboard.meta, "city"), lang.data(dashboard.meta, "district")
    district = lang.tr("{city}{district}", city=city, district=district) if city else district  # Erqi District, Zhengzhou
    for row in quantities(dashboard, what_if, pane, since, lang=lang):
        *texts, value, unit, at_least, approx, date, who = row
        # in English, as the workbook gives it: 10.796 bn CNY, not 107.96 亿元 beside English words
        value, unit = shown_value(value, unit, lang=lang), shown_unit(unit, lang=lang) or ""
        writer.writerow([spreadsheet_text(district), *map(spreadsheet_text, texts), fmt_number(value), spreadsheet_text(unit), yes if at_least else "",
                         yes if approx else "", csv_date(date, dashboard.meta), spreadsheet_text(who), *supposed])
    return out.getvalue()


def author(dashboard: Dashboard, *, lang: Lang) -> str:
    """Who a file of the district's is by, as its properties say: 郑州市二七区 (Erqi District, Zhengzhou)."""
    meta = dashboard.meta
    if lang.english:
        return ", ".join(filter(None, (lang.data(meta, "district"), lang.data(meta, "city"))))
    return lang.data(meta, "city") + lang.data(meta, "district")


def shown_unit(unit: str | None, *, lang: Lang) -> str | None:
    """`unit` in the reader's language: in English the name i18n.UNITS_EN gives it (亿元 → bn CNY;
    个 → none), else as written."""
    if unit and lang.english and unit in UNITS_EN:
        return UNITS_EN[unit][0] or None
    return unit


def shown_value(value, unit: str | None, *, lang: Lang):
    """`value` in `unit` as shown_unit gives it (107.96 亿元 → 10.796 bn CNY), as the English docx and
    HTML say it (the workbook's and the CSV's). Every value of a column is scaled alike, so a SUM of it stays the total."""
    return in_english_unit(value, unit) if value is not None and lang.english else value


def fmt_number(value) -> str:
    """A number as Excel reads it: no thousands separator, no trailing zeros."""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


# --- JSON ----------------------------------------------------------------------------------------

def _quantity(q: Quantity | None, *, lang: Lang) -> dict | None:
    return None if q is None else {"value": q.value, "unit": q.unit, "at_least": q.at_least, "approx": q.approx,
                                   "shown": fmt.quantity(q, words=True, lang=lang)}


def _projection(found: series.Projection | None, *, lang: Lang) -> dict | None:
    """The projection's numbers, unrounded, with the way each is bounded ("" exact, at_least, at_most, about),
    and its lines as the screen shows them (`shown`: 年底预计, 缺口, 余下每月需 or 余下 7 个月需)."""
    if found is None:
        return None
    return {"year_end": found.year_end, "shortfall": found.shortfall, "monthly_need": found.monthly_need,
            "months_left": round(found.months_left, 6), "year_end_bound": found.year_end_bound or None,
            "need_bound": found.need_bound or None, "unit": found.target.unit,
            "shown": [list(part) for part in fmt.projection_parts(found, lang=lang)]}  # the screen's lines


def _change(diff: series.Difference | None, *, lang: Lang) -> dict | None:
    if diff is None:
        return None
    return {"since": diff.since.date.isoformat(),
            "before": _quantity(diff.before.value if diff.before else None, lang=lang),
            "now": _quantity(diff.now.value, lang=lang), "delta": None if diff.delta is None else round(diff.delta, 6)}


def _figure(f: Figure, *, lang: Lang) -> dict:
    return {"id": f.id or None, "label": f.label, "group": f.group or None, "pane": f.pane,
            "headline": f.headline, **_quantity(f.quantity, lang=lang)}


def _json_field(project, field, *, lang: Lang) -> object:
    """A project's field as JSON gives it: as the file writes it (the status and axis as named there),
    an amount with its unit and bound, None where the file gives none."""
    value = getattr(project, field.attr)
    if field.kind == fields.AMOUNT:
        return _quantity(value, lang=lang)
    if field.key == "figure":
        return [_figure(f, lang=lang) for f in value]
    return value or None


def to_json_data(dashboard: Dashboard, what_if: dt.date | None = None, pane: str | None = None,
                 since: Since | None = None, *, lang: Lang) -> dict:
    d = dashboard
    acc = account(d, what_if, pane, since)
    data: dict = {
        "format": "erqi-tui/1",
        "district": d.meta.district, "city": d.meta.city or None, "year": d.meta.year,
        "as_of": acc.as_of.isoformat(), "what_if": what_if is not None,
        # "month" where the source gives only the month (五月): as_of is then that month's last day,
        # the day pace is judged at (按月末计), not a day the source named; "day" otherwise
        "as_of_precision": "month" if fmt.month_only(acc.as_of, d.meta) else "day",
        "time_elapsed_share": round(acc.time_share, 6),
        "since": None if since is None else {"date": since.date.isoformat(), "briefing": since.briefing is not None},
    }
    if pane:
        data["pane"] = pane
    data["targets"] = [
        {"id": line.target.id, "name": line.target.name, "pane": line.target.pane or None,
         "target": _quantity(line.target.target, lang=lang), "current": _quantity(line.target.current, lang=lang),
         "completion": None if line.progress.completion is None else round(line.progress.completion, 6),
         "gap": None if line.progress.gap is None else round(line.progress.gap, 6), "verdict": line.progress.verdict,
         "judged_at": line.progress.as_of.isoformat(),
         "projection": _projection(line.projection, lang=lang), "change": _change(line.change, lang=lang),
         "responsible": line.target.responsible or None, "person": line.target.person or None,
         "source": line.target.source or None}
        for line in acc.sections[0].targets]
    figures = d.figures if pane is None else tuple(f for _, items in acc.sections[0].figures for f in items)
    data["figures"] = [_figure(f, lang=lang) for f in figures]
    data["initiatives"] = [{"name": i.name, "what": i.what or None, "pane": i.pane or None, "source": i.source or None}
                           for section in acc.sections for i in section.initiatives]
    for section in acc.sections:
        if section.pane == "investment":
            data["events"] = [{"date": e.date.isoformat(), "title": e.title, "note": e.note or None,
                               "figures": [_figure(f, lang=lang) for f in e.figures]} for e in d.events]
            data["stages"] = [{"id": st.id or None, "name": st.name, "label": st.label or None,
                               "group": st.group or None, "count": _quantity(st.count, lang=lang),
                               "note": st.note or None,
                               "source": st.source or None} for st in section.stages]
        if section.pane == "layout":
            data["layout"] = {"name": d.layout.name or None, "belt": d.layout.belt or None,
                              "belt_note": d.layout.belt_note or None,
                              "axes": [{"id": a.id, "road": a.road, "theme": a.theme,
                                        "projects": [p.id for p in on_it]} for a, on_it in section.axes]}
        if section.pane == "projects":
            data["projects"] = [{f.attr: _json_field(p, f, lang=lang) for f in fields.exported("json")}
                                for p in section.projects]
    return data


def to_json(dashboard: Dashboard, what_if: dt.date | None = None, pane: str | None = None,
            since: Since | None = None, *, lang: Lang) -> str:
    return json_text(to_json_data(dashboard, what_if, pane, since, lang=lang))


def json_text(value) -> str:
    """JSON for scripts, stable: every string exact, but what fmt.clean would show as a mark (a bidi
    override, a zero-width space, U+FFFF) written as its \\u escape, so that the file read in an
    editor or a terminal shows it instead of obeying it."""
    return fmt.HIDDEN.sub(_json_escape, json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)) + "\n"


def _json_escape(match: re.Match) -> str:
    ch = match.group()
    if ch < " ":  # json.dumps escaped every control inside a string: this is its own layout
        return ch
    code = ord(ch)
    if code > 0xFFFF:  # beyond the BMP, JSON escapes a character as its UTF-16 pair
        code -= 0x10000
        return f"\\u{0xD800 | code >> 10:04x}\\u{0xDC00 | code & 0x3FF:04x}"
    return f"\\u{code:04x}"
