"""`export --format docx`: the briefing (简报) in Word, in the register the leadership reads:
"签约额完成107.96亿元，占年度目标的36.0%，落后序时进度5.7个百分点". A title (district, year, date),
a paragraph per pane with a sentence per target, the 预警, and tables of the key figures and the
projects. East Asian fonts are set by the usual convention (宋体 for titles, 仿宋 for the text),
or as given. No Textual; python-docx is imported only here.

Numbers and units are written together, without spaces or thousands separators, as the article
writes them; a lower bound reads 以上 after its value and makes the share 至少 and the distance to
序时进度 至少 (ahead) or 至多 (behind); 约 is kept."""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re

from ..core import fields, fmt, progress, series
from ..core.i18n import Lang
from ..core.model import PANE_IDS, Dashboard, Quantity
from ..core.series import Since
from ..views.account import Account, Section, TargetLine, account, assumed_day, month_name, project_cell, stage_words
from .report import author, kept_whole, responsible

def _line(text) -> str:
    """Data text as Word takes it, on one line: fmt.clean's marks (␛, ⟪U+202E⟫), nothing XML forbids
    (a newline would be a line break inside a heading or a cell)."""
    return fmt.clean(str(text), single_line=True)


def day(date: dt.date, year: int | None = None, *, lang: Lang) -> str:
    """A date as the briefing writes it: 2025年9月30日, or 9月30日 within `year` (the data's); in
    English ISO, 2025-09-30, as the heading's (as of 2025-09-30)."""
    if lang.english:
        return date.isoformat()
    if date.year == year:
        return lang.tr("{month}月{day}日", month=date.month, day=date.day)
    return lang.tr("{year}年{month}月{day}日", year=date.year, month=date.month, day=date.day)


def period(when, *, lang: Lang) -> str:
    """A model.When as the briefing writes it: 2025年9月 (a month), 2025年9月30日 (a day), 2025年内
    (the year); in English as the source gives it (fmt.when)."""
    first, last = when.first, when.last
    if lang.english:
        return fmt.when(when, lang=lang)
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return lang.tr("{year}年内", year=first.year)
    if first == last:
        return day(first, lang=lang)
    if (first.year, first.month) == (last.year, last.month) and first.day == 1 \
            and last.day == calendar.monthrange(last.year, last.month)[1]:
        return lang.tr("{year}年{month}月", year=first.year, month=first.month)
    return when.text


def since_line(dashboard: Dashboard, since: Since | None, *, lang: Lang) -> str:
    """Which date the changes count from, and why: "变化自2025年9月30日（上次简报）。"."""
    if since is None:
        return ""
    why = lang.tr("上次简报") if since.briefing else "--since"
    return lang.tr("变化自{date}（{why}）。", date=day(since.date, lang=lang), why=why)


TITLE_FONT = "宋体"
BODY_FONT = "仿宋"


def amount(q: Quantity, *, lang: Lang) -> str:
    """107.96亿元, 13个, 约133亩, 50亿元以上: as an official text writes a figure."""
    value = q.value
    number = (f"{value:.4f}".rstrip("0").rstrip(".") if isinstance(value, float) and not value.is_integer()
              else str(int(value)))
    if lang.english:
        return f"{'about ' if q.approx else ''}{fmt.quantity(q._replace(at_least=False, approx=False), lang=lang)}" + (
            " or more" if q.at_least else "")
    return f"{'约' if q.approx else ''}{number}{q.unit}{'以上' if q.at_least else ''}"


def sentence(p: progress.TargetProgress, *, lang: Lang) -> str:
    """One target, in the official register (without the full stop)."""
    target = p.target
    name = fmt.clean(lang.data(target, "name"), single_line=True)
    if target.current is None or p.completion is None:
        return lang.tr("{name}暂无完成数据（年度目标{target}）", name=name, target=amount(target.target, lang=lang))
    bound = target.current.at_least
    share = f"{p.completion * 100:.1f}%"
    points = f"{abs(p.gap) * 100:.1f}"
    if p.verdict == progress.ON_SCHEDULE:
        verdict = lang.tr("与序时进度持平")
    elif p.verdict == progress.AHEAD:
        verdict = lang.tr("超前序时进度至少{points}个百分点", points=points) if bound else \
            lang.tr("超前序时进度{points}个百分点", points=points)
    else:
        verdict = lang.tr("落后序时进度至多{points}个百分点", points=points) if bound else \
            lang.tr("落后序时进度{points}个百分点", points=points)
    template = "{name}完成{value}，占年度目标的至少{share}，{verdict}" if bound else \
        "{name}完成{value}，占年度目标的{share}，{verdict}"
    return lang.tr(template, name=name, value=amount(target.current, lang=lang), share=share, verdict=verdict)


def _derived(value: float, unit: str, bound: str = "", *, need: bool = False, rate: bool = False,
             lang: Lang) -> str:
    """A worked-out figure as the register writes it, at the screen's precision: 至少259.1亿元, 约3个."""
    word = lang.tr(fmt.BOUND_WORD[bound])
    figure = amount(Quantity(fmt.rounded(value, unit, need=need, rate=rate), unit), lang=lang)
    return f"{word} {figure}" if lang.english and word else word + figure


def course(line: TargetLine, year: int, *, lang: Lang) -> str:
    """What follows a target's sentence: its change since the last briefing (or --since), then the
    projection at the current pace, 缺口 and 余下每月需; "" when there is nothing to add."""
    parts = []
    change = line.change
    if change is not None and change.delta is not None:
        when = day(change.since.date, year, lang=lang)
        if change.delta == 0:
            parts.append(lang.tr("较{date}持平", date=when))
        else:
            word = lang.tr("增加") if change.delta > 0 else lang.tr("减少")
            about = lang.tr("约") if change.bounded else ""
            moved = Quantity(round(abs(change.delta), 4), change.now.value.unit)
            parts.append(lang.tr("较{date}{word}{amount}", date=when, word=word,
                                 amount=about + amount(moved, lang=lang)))
    found = line.projection
    unit = line.target.target.unit
    if found is not None and found.reached:
        parts.append(lang.tr("已完成全年目标"))
    elif found is not None and found.year_end is not None:
        projected = lang.tr("按当前进度，年底预计完成{value}",
                            value=_derived(found.year_end, unit, found.year_end_bound, lang=lang))
        if found.shortfall is not None:
            projected += lang.tr("，缺口{value}",
                                 value=_derived(found.shortfall, unit, found.need_bound, need=True, lang=lang))
        else:
            projected += lang.tr("，可完成全年目标")
        parts.append(projected + need_phrase(found, lang=lang))
    elif found is not None:  # the year not begun: what it needs, as the screen says
        parts.append(need_phrase(found, lang=lang).lstrip("，, "))
    return ("; " if lang.english else "，").join(filter(None, parts))


def need_phrase(found: series.Projection, *, lang: Lang) -> str:
    """What the rest of the year needs, as the screen says it (fmt.need_figure) in the register:
    "，余下每月需完成至少27.4亿元"; a count whole over the months left, "，余下7个月需完成至少17个"."""
    need = fmt.need_figure(found)
    if need is None:
        return ""
    months, value = need
    figure = _derived(value, found.target.unit, found.need_bound, need=months is not None, rate=months is None,
                      lang=lang)
    if months is None:
        return lang.tr("，余下每月需完成{value}", value=figure)
    return lang.tr("，余下{months}个月需完成{value}", months=fmt.number(months), value=figure)


def pane_paragraphs(acc: Account, section: Section, said: set[str], *, lang: Lang) -> list[str]:
    """The pane's targets, a paragraph each with its change and projection (a paragraph running
    on for a page is hard to read), then its figures, stages and 举措 in one. Each target is said
    once, where it first comes (总览 says them all; a pane exported alone says its own); `said`
    keeps the ids said so far."""
    year = acc.dashboard.meta.year
    stop = "." if lang.english else "。"
    targets = []
    for line in section.targets:
        if line.target.id in said:
            continue
        said.add(line.target.id)
        more = course(line, year, lang=lang)
        known = line.target.current is not None  # a target with no figure has no date to name
        targets.append(standing_at(line.progress.as_of if known else None, acc, lang=lang) + sentence(line.progress, lang=lang)
                       + ((", " if lang.english else "，") + more if more else "") + stop)
    rest = pane_paragraph(acc, section, bool(targets), lang=lang)
    return targets + ([rest] if rest else [])


def standing_at(when: dt.date | None, acc: Account, *, lang: Lang) -> str:
    """"截至5月，" before a target whose figure stands at another date than the briefing's heading
    (a figure not updated since May under a heading of 30 June); "" where it is the heading's."""
    if when is None or when == acc.as_of:
        return ""
    meta = acc.dashboard.meta
    if fmt.month_only(when, meta):  # as loose as the source: the month, not a day it never named
        shown = lang.tr("{month}月", month=month_name(when.month, lang=lang))
    else:
        shown = day(when, meta.year, lang=lang)
    return lang.tr("截至{date}，", date=shown)


def pane_paragraph(acc: Account, section: Section, targets_said: bool, *, lang: Lang) -> str:
    """The pane's figures (总览's only where it says no target), stages and 举措: one paragraph."""
    separator = lang.tr("；")
    parts = []
    figures = [f for _, items in section.figures for f in items]
    if section.pane != "overview" or not targets_said:
        parts += [figure_phrase(f, lang=lang) for f in figures]
    counted = [st for st in section.stages if st.count is not None]  # a stage with no count is left out
    for group in dict.fromkeys(stage_words(st, lang=lang)[0] for st in counted):  # each set of projects its own fact
        words = lang.tr("，").join(lang.tr("{label}{value}",
                                          label=fmt.clean(stage_words(st, lang=lang)[1], single_line=True),
                                          value=amount(st.count, lang=lang))
                                  for st in counted if stage_words(st, lang=lang)[0] == group)
        parts.append((fmt.clean(group, single_line=True) if group else lang.tr("项目推进")) + lang.tr("：") + words)
    if section.initiatives:
        parts.append(lang.tr("举措：") + lang.tr("；").join(
            fmt.clean(lang.data(i, "name") + (lang.tr("（{what}）", what=lang.data(i, "what")) if i.what else ""),
                      single_line=True)
            for i in section.initiatives))
    return separator.join(parts) + ("." if lang.english else "。") if parts else ""


def figure_phrase(figure, *, lang: Lang) -> str:
    """A figure as the register says it: 一季度完成投资107.04亿元; a label that ends with the unit
    (重点任务涉及方面, 6 方面) says it once: 重点任务涉及6方面."""
    label, unit = fmt.clean(lang.data(figure, "label"), single_line=True), figure.quantity.unit
    if unit and label.endswith(unit) and len(label) > len(unit) and not lang.english:
        label = label[:-len(unit)]
    return lang.tr("{label}{value}", label=label, value=amount(figure.quantity, lang=lang))


def warning_lines(acc: Account, section: Section, *, lang: Lang) -> list[str]:
    """The 预警 as the register says it: the targets behind schedule, then the projects' steps
    overdue at the account's steps date, as the screen lists them."""
    behind = [lang.tr("{name}完成{share}，落后序时进度{points}个百分点",
                      name=fmt.clean(lang.data(line.target, "name"), single_line=True),
                    share=f"{line.progress.completion * 100:.1f}%", points=f"{abs(line.progress.gap) * 100:.1f}")
            + _register(assumed_day(line.progress, line.early, lang=lang), lang=lang) for line in section.behind]
    overdue = [lang.tr("{project}“{step}”节点逾期未报（计划{when}，按{date}计）", project=_line(lang.data(project, "name")),
                       step=_line(lang.data(step, "name")), when=period(step.planned, lang=lang),
                       date=_standing(acc.steps_at, acc.dashboard, lang=lang))
               for project, step in section.overdue]
    return behind + overdue


def _standing(date: dt.date, dashboard: Dashboard, *, lang: Lang) -> str:
    """The date figures stand at, as precise as the source: 2025年11月 where it gives only the month."""
    if fmt.month_only(date, dashboard.meta):
        return fmt.standing(date, dashboard.meta, lang=lang)
    return day(date, lang=lang)


def _register(text: str, *, lang: Lang) -> str:
    """A phrase the screen spaces (超前 2.4 个百分点) as the official register writes it, unspaced."""
    return text if lang.english else text.replace(" ", "")


def title(dashboard: Dashboard, what_if: dt.date | None, *, lang: Lang) -> tuple[str, str]:
    meta = dashboard.meta
    date = what_if or dashboard.as_of
    head = lang.tr("{city}{district}{year}年目标推进情况", city=lang.data(meta, "city"),
                   district=lang.data(meta, "district"), year=meta.year)
    if what_if is None and fmt.month_only(date, meta):  # the source says only the month: May 2024 in English
        when = lang.tr("（截至{year}年{month}月）", year=date.year, month=month_name(date.month, lang=lang))
    else:
        when = lang.tr("（截至{year}年{month}月{day}日）", year=date.year, month=date.month, day=date.day)
    return fmt.clean(head, single_line=True), when


# Chinese official documents (GB/T 9704): A4, margins about 3.7 cm top, 3.5 bottom, 2.8 left, 2.6 right.
MARGINS_CM = {"top": 3.7, "bottom": 3.5, "left": 2.8, "right": 2.6}
_THEME_FONTS = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")


def _set_fonts(r_pr, name: str) -> None:
    """`name` for every script of a run's properties, and no theme font: Word prefers a theme font
    (asciiTheme, eastAsiaTheme…) to the font named beside it."""
    from docx.oxml.ns import qn

    r_fonts = r_pr.find(qn("w:rFonts"))
    if r_fonts is None:
        r_fonts = r_pr.makeelement(qn("w:rFonts"), {})
        r_pr.insert(0, r_fonts)
    for attribute in _THEME_FONTS:
        r_fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:eastAsia", "w:ascii", "w:hAnsi", "w:cs"):
        r_fonts.set(qn(attribute), name)


def _fonts_everywhere(document, title_font: str, body_font: str) -> None:
    """East Asian fonts at every level: the document's defaults (Chinese as its East Asian language),
    then every style that names a font, headings and the title in `title_font`, black, not the
    template's theme blue."""
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(defaults, body_font)
    language = defaults.find(qn("w:lang"))
    if language is not None:
        language.set(qn("w:eastAsia"), "zh-CN")
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):  # these name a font whatever the template says
        document.styles[name].element.get_or_add_rPr()
    for style in styles.findall(qn("w:style")):
        r_pr = style.find(qn("w:rPr"))
        if r_pr is None:
            continue
        ident = style.get(qn("w:styleId"), "")
        heading = ident.startswith(("Heading", "Title", "Subtitle"))
        if r_pr.find(qn("w:rFonts")) is not None or heading or ident == "Normal":
            _set_fonts(r_pr, title_font if heading else body_font)
        color = r_pr.find(qn("w:color"))
        if heading and color is not None:
            for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
                color.attrib.pop(qn(attribute), None)
            color.set(qn("w:val"), "000000")
    for r_fonts in styles.iter(qn("w:rFonts")):  # what is left: a table style's parts, a character style
        if any(r_fonts.get(qn(a)) for a in _THEME_FONTS):
            _set_fonts(r_fonts.getparent(), body_font)


def _page(document, note: str) -> None:
    """A4 with the official margins; the page number centred in the footer (— 1 —), `note` beside."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        for side, cm in MARGINS_CM.items():
            setattr(section, f"{side}_margin", Cm(cm))
        section.footer_distance = Cm(2.0)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("— ")
        run = footer.add_run()
        for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                mark = run.element.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind})
            elif text == "PAGE":
                mark = run.element.makeelement(qn("w:instrText"), {qn("xml:space"): "preserve"})
                mark.text = " PAGE "
            else:
                mark = run.element.makeelement(qn("w:t"), {})
                mark.text = text
            run.element.append(mark)
        footer.add_run(" —")
        for r in footer.runs:
            r.font.size = Pt(14)  # 4号半角宋体阿拉伯数字, as the standard has it; 14 pt reads the same
        if note:
            small = section.footer.add_paragraph(_line(note))
            small.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for r in small.runs:
                r.font.size = Pt(9)


def _cell_quantity(q: Quantity | None, *, lang: Lang) -> str:
    return fmt.MISSING if q is None else amount(q, lang=lang)


def _cell_points(gap: float | None, verdict: str, *, lang: Lang) -> str:
    """落后21.7个百分点, 超前1.7个百分点, 持平: the verdict and its distance, joined."""
    word = lang.tr(progress.VERDICT_WORD[verdict])
    if gap is None or verdict == progress.ON_SCHEDULE:
        return word
    points = f"{abs(gap) * 100:.1f}"
    return f"{word} {lang.tr('{points} 个百分点', points=points)}" if lang.english else f"{word}{points}个百分点"


def _cell_projection(line: TargetLine, *, lang: Lang) -> str:
    found = line.projection
    unit = line.target.target.unit
    if found is None:
        return fmt.MISSING
    if found.reached:
        return lang.tr("已完成全年目标")
    if found.year_end is None:
        return lang.tr("年度尚未开始，无从推算")
    return _derived(found.year_end, unit, found.year_end_bound, lang=lang)


def _cell_shortfall(line: TargetLine, *, lang: Lang) -> str:
    found = line.projection
    if found is None or found.reached or found.year_end is None:
        return fmt.MISSING
    if found.shortfall is None:  # the screen's words where the pace reaches the target
        return lang.tr("无（按此进度可完成）")
    return _derived(found.shortfall, found.target.unit, found.need_bound, need=True, lang=lang)


def _start(document, title_font: str, body_font: str, head: str, when: str, year: int | str = "", author: str = "", *,
           lang: Lang) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    _properties(document, head, author)
    _fonts_everywhere(document, title_font, body_font)
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)  # 三号 for the text, as official documents use
    normal.paragraph_format.line_spacing = Pt(28)  # about 22 lines to the page, as the standard has it
    normal.paragraph_format.space_after = Pt(0)
    for level, size in ((1, 16), (2, 16)):
        style = document.styles[f"Heading {level}"]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
    head_size, head_lines = title_lines(_line(head), year, lang=lang)
    for lines, size in ((head_lines, head_size), ([_line(when)], 16)):  # 二号 title, the date under it
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.line_spacing = Pt(size * 1.6)
        for index, text in enumerate(lines):
            run = paragraph.add_run(text)
            if index < len(lines) - 1:
                run.add_break()
            run.font.size = Pt(size)
            run.font.name = title_font
            _set_fonts(run.element.get_or_add_rPr(), title_font)
            run.bold = size > 16


def title_lines(head: str, year: int | str = "", *, lang: Lang) -> tuple[int, list[str]]:
    """The title's size and lines: 二号 (22 pt) on one line where it fits the text's width, else
    broken where a reader would, before the year (示例市示例河湾区 / 2025年目标推进情况), never
    inside a word (Word breaks Chinese anywhere). English wraps at its spaces."""
    from rich.cells import cell_len

    width = (21 - MARGINS_CM["left"] - MARGINS_CM["right"]) / 2.54 * 72 * 0.92  # in points, with room
    at = head.rfind(str(year)) if year else -1
    if lang.english or cell_len(head) * 22 / 2 <= width or at <= 0:
        return 22, [head]
    return 22, [head[:at], head[at:]]


def _body(document, text: str) -> None:
    from docx.shared import Pt

    paragraph = document.add_paragraph(_line(text))
    paragraph.paragraph_format.first_line_indent = Pt(32)  # two characters, as the register indents


def _properties(document, title: str, author: str) -> None:
    """The file's own properties as Word shows them (File › Info): its title, the district as its
    author, made now; not python-docx's template's ("python-docx", 2013)."""
    props = document.core_properties
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    cut = lambda text: text if len(text) <= 255 else text[:254] + "…"  # noqa: E731 — the format's limit
    props.title, props.author, props.last_modified_by = cut(_line(title)), cut(_line(author)), cut(_line(author))
    props.comments = props.subject = props.keywords = props.category = ""
    props.created = props.modified = now
    props.revision = 1


def to_docx(dashboard: Dashboard, what_if: dt.date | None = None, pane: str | None = None,
            since: Since | None = None, title_font: str = TITLE_FONT, body_font: str = BODY_FONT, *,
            lang: Lang) -> bytes:
    from docx import Document

    document = Document()
    head, when = title(dashboard, what_if, lang=lang)
    _start(document, title_font, body_font, head, when, dashboard.meta.year, author(dashboard, lang=lang), lang=lang)
    _page(document, head)
    acc = account(dashboard, what_if, pane, since)
    if since is not None:
        _body(document, since_line(dashboard, since, lang=lang))
    said: set[str] = set()
    for section in acc.sections:
        paragraphs = pane_paragraphs(acc, section, said, lang=lang)
        if not paragraphs:
            continue
        document.add_heading(_line(lang.pane_title(dashboard, section.pane)), level=1)
        for text in paragraphs:
            _body(document, text)
    overview = acc.section("overview")
    warnings = warning_lines(acc, overview, lang=lang) if overview else []
    if warnings:
        document.add_heading(lang.tr("预警"), level=1)
        for line in warnings:
            _body(document, line + ("." if lang.english else "。"))
    lines = acc.sections[0].targets
    if lines:
        document.add_heading(lang.tr("主要指标"), level=2)
        answered = any(line.target.responsible or line.target.person for line in lines)
        rows = []
        for line in lines:
            p = line.progress
            row = [lang.data(p.target, "name"), _cell_quantity(p.target.current, lang=lang),
                   amount(p.target.target, lang=lang), fmt.completion(p, lang=lang),
                   _cell_points(p.gap, p.verdict, lang=lang), _cell_projection(line, lang=lang),
                   _cell_shortfall(line, lang=lang)]
            if answered:
                row.append(responsible(p.target, lang=lang) or fmt.MISSING)
            rows.append(row)
        headers = [lang.tr(h) for h in ("指标", "完成", "年度目标", "完成率", "较序时进度", "年底预计", "缺口")]
        _table(document, headers + ([lang.tr("责任单位")] if answered else []), rows)
    projects = next((s.projects for s in acc.sections if s.projects), ())
    if projects:  # the fields core/fields exports to docx, in its order
        document.add_heading(lang.tr("重点项目"), level=2)
        shown = fields.exported("docx")
        _table(document, [lang.tr(fields.heading(f)) for f in shown],
               [[_cell_quantity(getattr(p, f.attr), lang=lang) if f.kind == fields.AMOUNT
                 else project_cell(dashboard, p, f, lang=lang) for f in shown] for p in projects[:200]])
        if len(projects) > 200:
            _body(document, lang.tr("另有 {count} 个项目，见 Excel 导出", count=len(projects) - 200))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document, headers: list[str], rows: list[list[str]]) -> None:
    """A table whose header row repeats on every page it runs to and whose rows do not split, in
    五号 (10.5 pt) so that eight columns fit the page."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from docx.shared import Cm
    from rich.cells import cell_len

    if document.paragraphs:  # what leads into the table (its heading, its note) goes with it to the next page
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    margins = table._tbl.tblPr.makeelement(qn("w:tblCellMar"), {})
    for side in ("left", "right"):  # in twentieths of a point
        margins.append(margins.makeelement(qn(f"w:{side}"), {qn("w:w"): str(CELL_MARGIN_PT * 20), qn("w:type"): "dxa"}))
    table._tbl.tblPr.append(margins)
    text_width = 21 - MARGINS_CM["left"] - MARGINS_CM["right"]
    size, widths = table_layout(headers, rows, text_width)
    widths = [Cm(cm) for cm in widths]
    for column, width in zip(table.columns, widths):
        column.width = width  # the grid, which LibreOffice and WPS read; Word reads the cells'
    for index, values in enumerate([headers, *rows]):
        cells = table.rows[0].cells if index == 0 else table.add_row().cells
        for cell, text, width in zip(cells, values, widths):
            cell.width = width
            cell.text = _line(text)
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.first_line_indent = Pt(0)
            paragraph.paragraph_format.line_spacing = 1.0
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.bold = index == 0
    last = len(table.rows) - 1
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(tr_pr.makeelement(qn("w:cantSplit"), {}))
        if index == 0:
            tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
        # A short table on one page; a long one never leaves its last row (or its header) alone
        # on a page: each row kept with the next, as Word and LibreOffice keep a table together.
        if index < last and (last <= KEPT_WHOLE_ROWS or index in (0, last - 1)):
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


NAME_CHARS = 4  # a table's first column (the rows' names) is at least this many characters wide
KEPT_WHOLE_ROWS = 6  # a table of up to this many rows is kept on one page (a longer one moved whole left a page blank)
CELL_MARGIN_PT = 3  # a table cell's left and right margin (about 1 mm; Word's default 0.19 cm left
# too little room for a figure and its unit on one line in a table of seven columns)
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def _points(text: str, size: float = 10.5, bold: bool = False) -> float:
    """About how wide `text` is set in `size` points: a full-width character a square, a half-width
    one (a digit, a letter, a space) a little more than half."""
    from rich.cells import cell_len

    wide = sum(1 for ch in text if cell_len(ch) == 2)
    return (wide + (len(text) - wide) * 0.62) * size * (1.1 if bold else 1.0)


def _unbroken(text: str, header: bool, size: float = 10.5) -> float:
    """The widest part of a cell that must not break, in points: a short cell whole (a figure with
    its unit and words, 289.4亿元, 107.96 亿元, 至少 40.9 亿元, 超前 1.7 个百分点, 10.796 bn CNY, 36.0%
    (-5.7): Word breaks CJK text anywhere, 亿|元, and a minus sign from its number), a number or an
    English word in a longer one (Responsible), a short header whole (完成率, 较序时进度). A figure's
    cell is the one report.kept_whole names, as HTML keeps it whole."""
    if (header and _CJK.search(text) and len(text) <= 6) or (not header and kept_whole(text)):
        return _points(text, size, bold=header)  # 完成率, 较序时进度; a figure with its unit, 289.4亿元
    parts = [part for piece in _CJK.split(text) for part in piece.split()]
    return max([_points(part, size, bold=header) for part in parts]
               + [_points("字", size, bold=header) if _CJK.search(text) else 0])


def table_layout(headers: list[str], rows: list[list[str]], text_width_cm: float) -> tuple[float, list[float]]:
    """The table's font size and its columns' widths in cm: 五号 (10.5 pt), or smaller (9, 8 pt)
    where the numbers and words that must not break do not fit the width in 五号 (English words
    are longer than Chinese ones)."""
    for size in (10.5, 9.0, 8.0):
        widths = column_widths(headers, rows, text_width_cm, size)
        if widths is not None:
            return size, widths
    return 8.0, column_widths(headers, rows, text_width_cm, 8.0, squeeze=True)


def column_widths(headers: list[str], rows: list[list[str]], text_width_cm: float, size: float = 10.5,
                  squeeze: bool = False) -> list[float] | None:
    """Each column's width in cm, within `text_width_cm`: no narrower than what in it must not
    break (numbers, words, short headers), the rest of the width shared as the longest texts ask."""
    margin = CELL_MARGIN_PT * 2 + 3  # the cells' left and right margins and a little room, in points
    total = text_width_cm / 2.54 * 72
    least, asks = [], []
    for i, head in enumerate(headers):
        texts = [_line(r[i]) for r in rows]
        least.append(max([_unbroken(head, True, size)] + [_unbroken(t, False, size) for t in texts]
                         # the rows' names, which the reader runs down: four characters a line at least
                         + ([min(max([_points(t, size) for t in texts] + [0]), _points("字" * NAME_CHARS, size))]
                            if i == 0 else [])) + margin)
        asks.append(max(least[-1], min(total / 3, max([_points(t, size) for t in texts]  # a header in two lines
                                                      + [_points(head, size, bold=True) / 2]) + margin)))
    if sum(least) >= total:  # too many columns to keep every number whole: None, or the nearest we can
        return [text_width_cm * w / sum(least) for w in least] if squeeze else None
    if sum(asks) <= total:  # room for every text on one line: share what is left alike
        return [text_width_cm * w / sum(asks) for w in asks]
    room = total - sum(least)
    more = [a - m for a, m in zip(asks, least)]
    return [(m + room * x / sum(more)) / total * text_width_cm for m, x in zip(least, more)]


def to_city_docx(districts, what_if: dt.date | None, *, lang: Lang) -> bytes:
    """全市 as a briefing: the districts ranked on the targets they share, each with the date its
    figures stand at, the furthest behind named; a table of each shared target's completion."""
    from docx import Document

    from ..views import city as city_view
    from ..views.city import compare, method

    comparison = compare(districts, what_if, lang=lang)
    document = Document()
    year = comparison.year
    head = (lang.tr("{city}{count}个地区{year}年目标推进情况", city=comparison.city, count=comparison.count, year=year or "")
            if comparison.city else lang.tr("全市{count}个地区{year}年目标推进情况", count=comparison.count, year=year or ""))
    when = (lang.tr("（假设截至{year}年{month}月{day}日）", year=what_if.year, month=what_if.month, day=what_if.day)
            if what_if else lang.tr("（各地区按各自数据截至日期）"))
    _start(document, TITLE_FONT, BODY_FONT, head, when, author=comparison.city, lang=lang)
    _page(document, head)
    ranked = [r for r in comparison.rows if r.rank]
    names = lang.tr("、").join(n for _, n, _ in comparison.targets)
    if ranked:
        parts = [lang.tr("{place}{name}（截至{date}），{verdict}", place=city_view.place(r, lang=lang),
                         name=_line(r.label or r.district.named(lang=lang)),
                         date=_short(r.district.dashboard, what_if, lang=lang), verdict=_mean(r.score, lang=lang))
                 for r in ranked]
        text = (lang.tr("按{names}与序时进度的平均差距排名：", names=names) + lang.tr("；").join(parts)
                + ("." if lang.english else "。"))
        if city_view.worst_rows(comparison):  # none where all are level; all those tied for the last
            text += lang.tr("{name}最落后。", name=_line(city_view.worst_names(comparison, lang=lang)))
        _body(document, text)
        for row in ranked:  # what a rank leaves out (数值可疑, a stale date, a thin basis), said beside it
            if row.note:
                _body(document, lang.tr("{name}（截至{date}），{note}。",
                                        name=_line(row.label or row.district.named(lang=lang)),
                                        date=_short(row.district.dashboard, what_if, lang=lang), note=_line(row.note)))
    else:
        _body(document, lang.tr("没有可比较的共同目标。") if not comparison.targets else lang.tr("没有可排名的地区。"))
    _body(document, _line(method(lang=lang)))
    for row in comparison.rows:
        if row.rank:
            continue
        if row.district.dashboard is None:
            _body(document, lang.tr("{name}：无法读取（{problem}）。", name=_line(row.district.named(lang=lang)),
                                    problem=_line(row.note.splitlines()[0] if row.note else "")))
        elif row.note:
            _body(document, lang.tr("{name}（截至{date}），{note}。", name=_line(row.label or row.district.named(lang=lang)),
                                    date=_short(row.district.dashboard, what_if, lang=lang), note=_line(row.note)))
    headers = ([lang.tr("排名"), lang.tr("地区"), lang.tr("数值截至")] + [_line(n) for _, n, _ in comparison.targets]
               + [lang.tr("平均（个百分点）")])
    rows = []
    for row in comparison.rows:
        d = row.district.dashboard
        cells = []
        for ident, _, _ in comparison.targets:
            found = row.cells.get(ident)
            if found is None or found.progress.completion is None:
                cells.append(fmt.MISSING)
                continue
            p = found.progress
            text = fmt.completion(p, lang=lang) + lang.tr("（{what}）", what=f"{p.gap * 100:+.1f}")
            cells.append(lang.tr("{share}（数值可疑）", share=fmt.completion(p, lang=lang)) if found.suspect else text)
        rows.append([city_view.rank_text(row, lang=lang) or fmt.MISSING, row.label or row.district.named(lang=lang),
                     city_view.standing(row, what_if, lang=lang) if d else fmt.MISSING, *cells,
                     f"{row.score * 100:+.1f}" if row.score is not None else fmt.MISSING])
    if comparison.targets:
        document.add_heading(lang.tr("各地区完成情况"), level=2)
        _body(document, lang.tr("每个目标：完成率（与序时进度相比 ±个百分点）。"))
        _table(document, headers, rows)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _short(dashboard, what_if: dt.date | None, *, lang: Lang) -> str:
    date = what_if or dashboard.as_of
    if not what_if and fmt.month_only(date, dashboard.meta):  # the source gives only the month
        return fmt.standing(date, dashboard.meta, lang=lang)
    # with its year, as a month-only date beside it gives one (2024年5月, 2024年6月30日)
    return lang.tr("{year}年{month}月{day}日", year=date.year, month=date.month, day=date.day)


def _mean(score: float, *, lang: Lang) -> str:
    points = f"{abs(score) * 100:.1f}"
    if abs(score) < 0.0005:
        return lang.tr("与序时进度持平")
    return lang.tr("平均超前序时进度{points}个百分点", points=points) if score > 0 else \
        lang.tr("平均落后序时进度{points}个百分点", points=points)
