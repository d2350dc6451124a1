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


def pane_paragraph(dashboard: Dashboard, pane: str, what_if: dt.date | None) -> str:
    """The pane's targets, a sentence each, then its figures: one paragraph."""
    targets = dashboard.targets if pane == "overview" else dashboard.targets_on(pane)
    parts = [sentence(p) for p in progress.assess_all(targets, dashboard, what_if)]
    figures = dashboard.headlines if pane == "overview" else dashboard.figures_on(pane)
    if pane != "overview" or not parts:
        parts += [tr("{label}{value}", label=fmt.clean(data(f, "label"), single_line=True), value=amount(f.quantity))
                  for f in figures]
    counted = [s for s in dashboard.stages if s.count is not None]  # a stage with no count is left out
    if pane == "investment" and counted:
        parts.append(tr("项目推进：") + tr("，").join(f"{data(s, 'name')}{amount(s.count)}" for s in counted))
    separator = "; " if english() else "；"
    return separator.join(parts) + ("." if english() else "。") if parts else ""


def warning_lines(dashboard: Dashboard, what_if: dt.date | None) -> list[str]:
    behind = progress.warnings(progress.assess_all(dashboard.targets, dashboard, what_if))
    return [tr("{name}完成{share}，落后序时进度{points}个百分点", name=fmt.clean(data(p.target, "name"), single_line=True),
               share=f"{p.completion * 100:.1f}%", points=f"{abs(p.gap) * 100:.1f}") for p in behind]


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
        element = style_or_run.element if hasattr(style_or_run, "element") else style_or_run._element
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
    if since is not None:
        why = tr("上次简报") if since.briefing else "--since"
        document.add_paragraph(_line(tr("变化自 {date}（{why}）。", date=since.date.isoformat(), why=why)))
    for pane_id in ([pane] if pane else PANE_IDS):
        text = pane_paragraph(dashboard, pane_id, what_if)
        if not text:
            continue
        document.add_heading(_line(pane_title(dashboard, pane_id)), level=1)
        paragraph = document.add_paragraph(_line(text))
        paragraph.paragraph_format.first_line_indent = Pt(28)  # two characters, as the register indents
    warnings = warning_lines(dashboard, what_if)
    if warnings and pane in (None, "overview"):
        document.add_heading(tr("预警"), level=1)
        for line in warnings:
            document.add_paragraph(_line(line + ("." if english() else "。")), style="List Bullet")
    targets = dashboard.targets if pane in (None, "overview") else dashboard.targets_on(pane)
    if targets:
        document.add_heading(tr("主要指标"), level=2)
        rows = []
        for p in progress.assess_all(targets, dashboard, what_if):
            found = series.projection(p.target, p.as_of, dashboard.meta.year)
            parts = dict(fmt.projection_parts(found)) if found else {}
            verdict = tr(progress.VERDICT_WORD[p.verdict])
            if p.gap is not None and p.verdict != progress.ON_SCHEDULE:
                verdict += fmt.points(p.gap, signed=False)
            rows.append([data(p.target, "name"), fmt.quantity(p.target.current), fmt.quantity(p.target.target),
                         fmt.percent(p.completion), verdict, parts.get(tr("年底预计"), fmt.MISSING)])
        _table(document, [tr("指标"), tr("完成"), tr("年度目标"), tr("完成率"), tr("较序时进度"), tr("年底预计")], rows)
    if dashboard.projects and pane in (None, "projects"):
        document.add_heading(tr("重点项目"), level=2)
        _table(document, [tr("项目"), tr("状态"), tr("总投资"), tr("预计")],
               [[data(p, "name"), p.status or fmt.MISSING, fmt.quantity(p.investment), data(p, "expected") or fmt.MISSING]
                for p in dashboard.projects[:200]])
        if len(dashboard.projects) > 200:
            document.add_paragraph(tr("另有 {count} 个项目，见 Excel 导出", count=len(dashboard.projects) - 200))
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
