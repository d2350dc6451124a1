"""`export --format docx`: the briefing (简报) in Word, in the register the leadership reads:
"签约额完成107.96亿元，占年度目标的36.0%，落后序时进度5.7个百分点". A title (district, year, date),
a paragraph per pane with a sentence per target, the 预警, and tables of the key figures and the
projects. East Asian fonts are set by the usual convention (宋体 for titles, 仿宋 for the text),
or as given. No Textual; python-docx is imported only here.

Numbers and units are written together, without spaces or thousands separators, as the article
writes them; a lower bound reads 以上 after its value and makes the share 至少 and the distance to
序时进度 至少 (ahead) or 至多 (behind); 约 is kept."""

from __future__ import annotations

import datetime as dt
import io

from ..core import fmt, progress, series
from ..core.i18n import data, english, pane_title, tr
from ..core.model import PANE_IDS, Dashboard, Quantity
from ..core.series import Since
from ..views.account import Account, Section, TargetLine, account
from .report import responsible

def _line(text) -> str:
    """Data text as Word takes it, on one line: fmt.clean's marks (␛, ⟪U+202E⟫), nothing XML forbids
    (a newline would be a line break inside a heading or a cell)."""
    return fmt.clean(str(text), single_line=True)


TITLE_FONT = "宋体"
BODY_FONT = "仿宋"


def amount(q: Quantity) -> str:
    """107.96亿元, 13个, 约133亩, 50亿元以上: as an official text writes a figure."""
    value = q.value
    number = (f"{value:.4f}".rstrip("0").rstrip(".") if isinstance(value, float) and not value.is_integer()
              else str(int(value)))
    if english():
        return f"{'about ' if q.approx else ''}{fmt.quantity(q._replace(at_least=False, approx=False))}" + (
            " or more" if q.at_least else "")
    return f"{'约' if q.approx else ''}{number}{q.unit}{'以上' if q.at_least else ''}"


def sentence(p: progress.TargetProgress) -> str:
    """One target, in the official register (without the full stop)."""
    target = p.target
    name = fmt.clean(data(target, "name"), single_line=True)
    if target.current is None or p.completion is None:
        return tr("{name}暂无完成数据（年度目标{target}）", name=name, target=amount(target.target))
    bound = target.current.at_least
    share = f"{p.completion * 100:.1f}%"
    points = f"{abs(p.gap) * 100:.1f}"
    if p.verdict == progress.ON_SCHEDULE:
        verdict = tr("与序时进度持平")
    elif p.verdict == progress.AHEAD:
        verdict = tr("超前序时进度至少{points}个百分点", points=points) if bound else \
            tr("超前序时进度{points}个百分点", points=points)
    else:
        verdict = tr("落后序时进度至多{points}个百分点", points=points) if bound else \
            tr("落后序时进度{points}个百分点", points=points)
    template = "{name}完成{value}，占年度目标的至少{share}，{verdict}" if bound else \
        "{name}完成{value}，占年度目标的{share}，{verdict}"
    return tr(template, name=name, value=amount(target.current), share=share, verdict=verdict)


def _derived(value: float, unit: str, bound: str = "", *, need: bool = False, rate: bool = False) -> str:
    """A worked-out figure as the register writes it, at the screen's precision: 至少259.1亿元, 约3个."""
    word = tr(fmt.BOUND_WORD[bound])
    figure = amount(Quantity(fmt.rounded(value, unit, need=need, rate=rate), unit))
    return f"{word} {figure}" if english() and word else word + figure


def course(line: TargetLine, year: int) -> str:
    """What follows a target's sentence: its change since the last briefing (or --since), then the
    projection at the current pace, 缺口 and 余下每月需; "" when there is nothing to add."""
    parts = []
    change = line.change
    if change is not None and change.delta is not None:
        when = fmt.short_date(change.since.date, year)
        if change.delta == 0:
            parts.append(tr("较{date}持平", date=when))
        else:
            word = tr("增加") if change.delta > 0 else tr("减少")
            about = tr("约") if change.bounded else ""
            parts.append(tr("较{date}{word}{amount}", date=when, word=word,
                            amount=about + amount(Quantity(round(abs(change.delta), 4), change.now.value.unit))))
    found = line.projection
    unit = line.target.target.unit
    if found is not None and found.reached:
        parts.append(tr("已完成全年目标"))
    elif found is not None and found.year_end is not None:
        projected = tr("按当前进度，年底预计完成{value}", value=_derived(found.year_end, unit, found.year_end_bound))
        if found.shortfall is not None:
            projected += tr("，缺口{value}", value=_derived(found.shortfall, unit, found.need_bound, need=True))
            if found.monthly_need is not None:
                projected += tr("，余下每月需完成{value}", value=_derived(found.monthly_need, unit, found.need_bound, rate=True))
        else:
            projected += tr("，可完成全年目标")
        parts.append(projected)
    return ("; " if english() else "，").join(parts)


def pane_paragraph(acc: Account, section: Section, said: set[str]) -> str:
    """The pane's targets, a sentence each with its change and projection, then its figures: one
    paragraph. Each target is said once, where it first comes (总览 says them all; a pane exported
    alone says its own); `said` keeps the ids said so far."""
    year = acc.dashboard.meta.year
    separator = "; " if english() else "；"
    parts = []
    for line in section.targets:
        if line.target.id in said:
            continue
        said.add(line.target.id)
        more = course(line, year)
        parts.append(sentence(line.progress) + ((", " if english() else "，") + more if more else ""))
    figures = [f for _, items in section.figures for f in items]
    if section.pane != "overview" or not parts:
        parts += [tr("{label}{value}", label=fmt.clean(data(f, "label"), single_line=True), value=amount(f.quantity))
                  for f in figures]
    counted = [st for st in section.stages if st.count is not None]  # a stage with no count is left out
    if counted:
        parts.append(tr("项目推进：") + tr("，").join(f"{data(st, 'name')}{amount(st.count)}" for st in counted))
    return separator.join(parts) + ("." if english() else "。") if parts else ""


def warning_lines(section: Section) -> list[str]:
    return [tr("{name}完成{share}，落后序时进度{points}个百分点", name=fmt.clean(data(line.target, "name"), single_line=True),
               share=f"{line.progress.completion * 100:.1f}%", points=f"{abs(line.progress.gap) * 100:.1f}")
            for line in section.behind]


def title(dashboard: Dashboard, what_if: dt.date | None) -> tuple[str, str]:
    meta = dashboard.meta
    date = what_if or dashboard.as_of
    head = tr("{city}{district}{year}年目标推进情况", city=data(meta, "city"), district=data(meta, "district"),
              year=meta.year)
    when = tr("（截至{year}年{month}月{day}日）", year=date.year, month=date.month, day=date.day)
    return fmt.clean(head, single_line=True), when


def to_docx(dashboard: Dashboard, what_if: dt.date | None = None, pane: str | None = None,
            since: Since | None = None, title_font: str = TITLE_FONT, body_font: str = BODY_FONT) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    document = Document()

    def fonts(style_or_run, name: str, size: float | None = None) -> None:
        font = style_or_run.font
        font.name = name
        if size:
            font.size = Pt(size)
        element = style_or_run.element  # a style's and a run's XML, both public
        r_pr = element.get_or_add_rPr()
        r_fonts = r_pr.find(qn("w:rFonts"))
        if r_fonts is None:
            r_fonts = r_pr.makeelement(qn("w:rFonts"), {})
            r_pr.append(r_fonts)
        for attribute in ("w:eastAsia", "w:ascii", "w:hAnsi"):
            r_fonts.set(qn(attribute), name)

    fonts(document.styles["Normal"], body_font, 14)  # 四号 for the text, as official documents use
    for level in (1, 2):
        style = document.styles[f"Heading {level}"]
        fonts(style, title_font, 16 if level == 1 else 14)
        style.font.color.rgb = RGBColor(0, 0, 0)  # black, not the template's blue
    head, when = title(dashboard, what_if)
    for text, size in ((head, 22), (when, 14)):  # 二号 title, the date under it
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(_line(text))
        fonts(run, title_font, size)
        run.bold = size > 14
    acc = account(dashboard, what_if, pane, since)
    if since is not None:
        why = tr("上次简报") if since.briefing else "--since"
        document.add_paragraph(_line(tr("变化自 {date}（{why}）。", date=since.date.isoformat(), why=why)))
    said: set[str] = set()
    for section in acc.sections:
        text = pane_paragraph(acc, section, said)
        if not text:
            continue
        document.add_heading(_line(pane_title(dashboard, section.pane)), level=1)
        paragraph = document.add_paragraph(_line(text))
        paragraph.paragraph_format.first_line_indent = Pt(28)  # two characters, as the register indents
    overview = acc.section("overview")
    warnings = warning_lines(overview) if overview else []
    if warnings:
        document.add_heading(tr("预警"), level=1)
        for line in warnings:
            document.add_paragraph(_line(line + ("." if english() else "。")), style="List Bullet")
    lines = acc.sections[0].targets
    if lines:
        document.add_heading(tr("主要指标"), level=2)
        rows = []
        answered = any(line.target.responsible or line.target.person for line in lines)
        for line in lines:
            p = line.progress
            parts = dict(fmt.projection_parts(line.projection)) if line.projection else {}
            verdict = tr(progress.VERDICT_WORD[p.verdict])
            if p.gap is not None and p.verdict != progress.ON_SCHEDULE:
                verdict += fmt.points(p.gap, signed=False)
            row = [data(p.target, "name"), fmt.quantity(p.target.current), fmt.quantity(p.target.target),
                   fmt.percent(p.completion), verdict, parts.get(tr("年底预计"), fmt.MISSING)]
            if answered:
                row.append(responsible(p.target) or fmt.MISSING)
            rows.append(row)
        headers = [tr("指标"), tr("完成"), tr("年度目标"), tr("完成率"), tr("较序时进度"), tr("年底预计")]
        _table(document, headers + ([tr("责任单位")] if answered else []), rows)
    projects = next((s.projects for s in acc.sections if s.projects), ())
    if projects:
        document.add_heading(tr("重点项目"), level=2)
        _table(document, [tr("项目"), tr("状态"), tr("总投资"), tr("预计"), tr("责任单位")],
               [[data(p, "name"), p.status or fmt.MISSING, fmt.quantity(p.investment), data(p, "expected") or fmt.MISSING,
                 responsible(p) or fmt.MISSING] for p in projects[:200]])
        if len(projects) > 200:
            document.add_paragraph(tr("另有 {count} 个项目，见 Excel 导出", count=len(projects) - 200))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document, headers: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = _line(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = _line(text)
