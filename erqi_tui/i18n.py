"""Chinese (the default) or English: the UI's words, units read in English, and the English names a
data file may give. Keyed by the Chinese text, so the code reads as the screen does. No Textual."""

from __future__ import annotations

LANGS = ("zh", "en")
_current = ["zh"]


def set_lang(code: str) -> None:
    if code not in LANGS:
        raise ValueError(code)
    _current[0] = code


def lang() -> str:
    return _current[0]


def english() -> bool:
    return _current[0] == "en"


def tr(text: str, **values: object) -> str:
    """`text` in the current language, with `values` filled into its {placeholders}."""
    if english():
        text = EN.get(text, text)
    return text.format(**values) if values else text


def data(record: object, field: str) -> str:
    """A text from the data file: the file's English for it (its `en` table) when showing English."""
    value = getattr(record, field)
    if english():
        return getattr(record, "en", {}).get(field, value) if value else value
    return value


def both(text: str, **values: object) -> tuple[str, str]:
    """`text` in Chinese and in English (values filled into each), whatever the current language."""
    english_text = EN.get(text, text)
    if values:
        return text.format(**values), english_text.format(**values)
    return text, english_text


def pane_title(dashboard: object, pane_id: str) -> str:
    """A pane's title: for the layout pane, the file's own name for its plan (三区三轴, 一核四廊)
    when it gives one; otherwise the neutral title, in the current language."""
    from .model import PANE_TITLES

    layout = getattr(dashboard, "layout", None)
    if pane_id == "layout" and layout is not None and layout.name:
        return data(layout, "name")
    return tr(PANE_TITLES[pane_id])


# Units read in English: (English unit, factor). 1亿 = 100 million, so 107.96亿元 = 10.796 bn CNY.
UNITS_EN: dict[str, tuple[str, float]] = {
    "亿元": ("bn CNY", 0.1), "万元": ("k CNY", 10), "元": ("CNY", 1),
    "个": ("", 1), "家": ("firms", 1), "次": ("times", 1), "项": ("items", 1), "亩": ("mu", 1),
    "方面": ("areas", 1), "亿箱": ("m cases", 100), "亿吨": ("m t", 100), "人": ("people", 1),
}

EN: dict[str, str] = {
    # Panes and tabs
    "总览": "Overview", "招商引资": "Investment", "产业布局": "Layout", "营商环境": "Business",
    "重点项目": "Projects", "切换到{title}": "Go to {title}", "切换到 {title}": "Go to {title}",
    "显示第 {number} 页（按键 {number}）": "Show pane {number} (key {number})",
    # Header, app messages
    "{city}{district} {year} 年目标": "{district}, {city}: targets for {year}",
    "截至 {date} · ? 帮助": "as of {date} · ? help",
    "窗口太小：至少需要 {w}×{h}，当前 {width}×{height}。\n请放大窗口；按 q 退出。":
        "Window too small: needs at least {w}×{h}, now {width}×{height}.\nEnlarge it; q quits.",
    "数据文件有误，仍显示上次的数据": "The data file has a problem; showing the last good data",
    "数据文件有误，仍显示上次的数据（改正后自动载入）：\n{problem}":
        "The data file has a problem; showing the last good data (reloads once fixed):\n{problem}",
    "已重新载入 {path}": "Reloaded {path}",
    "正在重新载入 {name}（{size:.1f} MB）… {seconds:.0f} 秒": "Reloading {name} ({size:.1f} MB)… {seconds:.0f} s",
    "正在重新载入数据，请稍后再保存。": "The data is being reloaded: save again in a moment.",
    "数据文件或更新记录已被他人修改：已载入最新数据，请核对后再次保存。":
        "Someone else changed the data file or its journal: the latest data is loaded; check and save again.",
    "无法保存：{error}": "Cannot save: {error}", "无法保存设置：{error}": "Cannot save the settings: {error}",
    "已保存并记录": "Saved and recorded", "已保存本页图片：{path}": "Saved a picture of this pane: {path}",
    "不能修改": "Read-only",
    "内置的示例数据只读。要记录更新，请复制数据文件，再用 erqi-tui --data 文件 打开。":
        "The bundled example data is read-only. To record updates, copy the data file and open it with erqi-tui --data FILE.",
    "重新载入数据": "Reload the data", "重新读取数据文件（按键 r）": "Read the data file again (key r)",
    "帮助": "Help", "所有按键（按键 ?）": "Every key (key ?)",
    "导出本页图片": "Save a picture of this pane", "把当前页保存为 SVG（按键 x）": "Save this pane as SVG (key x)",
    "切换语言": "Switch language", "中文 / English（按键 l）": "中文 / English (key l)",
    "已切换为中文": "已切换为中文",
    "设置中的主题“{name}”不存在，已使用 erqi-dark。": "The settings name a theme “{name}” that does not exist; using erqi-dark.", "Switched to English": "Switched to English",
    # Bindings
    "重新载入": "Reload", "退出": "Quit", "导出本页": "Save pane", "English": "中文",
    "更新数值": "Update", "历史": "History", "筛选": "Filter", "新增项目": "New project",
    "排序列": "Sort column", "反向排序": "Reverse", "返回表格/清除筛选": "Back to table / clear filter",
    "更新项目": "Update project", "关闭": "Close", "取消": "Cancel",
    # Help
    "帮助 · 按键": "Help · keys", "Esc 关闭": "Esc closes", "全局": "Everywhere", "目标卡片": "Target card",
    "项目详情": "Project detail", "更新表单": "Update form", "历史记录": "History",
    "移动焦点（目标卡片、表格、筛选框）": "Move the focus (target cards, table, filter box)",
    "滚动当前页": "Scroll the pane", "命令面板：搜索并执行所有操作": "Command palette: find and run any action",
    "在表格中移动": "Move in the table", "打开项目详情（详情中 Esc 关闭）": "Open the project's detail (Esc closes it)",
    "鼠标点击表头": "Click a header", "按该列排序，再点反向": "Sort by that column; again to reverse",
    # Overview and cards
    "截至 {date}，{year} 年已过 {share}（序时进度，图中 ┃ 处）":
        "As of {date}, {share} of {year} has passed (time-elapsed share, ┃ in the bars)",
    "完成 {share}": "done {share}", "  趋势 ": "  trend ", "超前": "ahead", "落后": "behind",
    "进度未知": "progress unknown", "{points} 个百分点": "{points} pp",
    "预警": "Warnings", "预警：落后于序时进度": "Warnings: behind the time-elapsed share",
    "没有落后于序时进度的目标": "No target is behind the time-elapsed share", "要闻数据": "Headline figures",
    # Investment
    "项目推进": "Pipeline", "大事记": "Events",
    # Layout
    "{name} 产业发展布局": "{name}: industrial layout", "项目：{missing}": "projects: {missing}",
    "另有 {count} 个项目（见 5 重点项目）": "{count} more projects (see 5 Projects)",
    "发展轴：{missing}": "axes: {missing}", "重点项目产业带": "Project belt",
    "另有 {count} 个项目未标明所在发展轴（见 5 重点项目）": "{count} more projects have no axis (see 5 Projects)",
    # Business
    "营商环境数据：{missing}": "business environment: {missing}",
    # Projects
    "项目": "Project", "状态": "Status", "发展轴": "Axis", "位置": "Location", "总投资": "Investment",
    "占地": "Area", "预计": "Expected", "说明": "Note", "出处": "Source",
    "筛选：输入名称、状态、道路、位置…（按 / 聚焦，Esc 返回表格）":
        "Filter: type a name, status, road, location… (/ to focus, Esc back to the table)",
    "{count} / {total} 个项目": "{count} / {total} projects", " · 按“{title}”{order}": " · by {title}, {order}",
    "升序": "ascending", "降序": "descending", " · 筛选：": " · filter: ",
    # Forms
    "Enter 保存 · Esc 取消": "Enter saves · Esc cancels", "保存": "Save",
    "当前值（{unit}；下限值加 +，如 50+）": "Current value ({unit}; + for a lower bound, e.g. 50+)",
    "数值截至日期（YYYY-MM-DD）": "Date the value stands at (YYYY-MM-DD)", "备注（可选）": "Note (optional)",
    "目标：{target} · 记录人：{who}": "Target: {target} · recorded by: {who}", "更新：{name}": "Update: {name}",
    "项目名称": "Project name", "总投资（如 10 亿元）": "Investment (e.g. 10 亿元)",
    "占地（如 133 亩）": "Area (e.g. 133 亩)", "变更日期（YYYY-MM-DD）": "Date of the change (YYYY-MM-DD)",
    "本次更新备注（可选）": "Note on this update (optional)", "更新项目：{name}": "Update project: {name}",
    "记录人：{who}": "Recorded by: {who}",
    "请输入不小于 0 的数字，如 120.5；下限值加 +，如 50+": "Enter a number ≥ 0, e.g. 120.5; + for a lower bound, e.g. 50+",
    "请输入有限的数字": "Enter a finite number", "单位应为“{unit}”": "The unit must be “{unit}”",
    "请注明单位，如 5 亿元": "Give the unit, e.g. 5 亿元", "请按 YYYY-MM-DD 输入日期，如 2024-06-30":
        "Enter the date as YYYY-MM-DD, e.g. 2024-06-30", "日期超出范围": "Date out of range",
    "请输入项目名称": "Enter the project's name", "应为：{names}": "Expected one of: {names}",
    "已有数值不能清空；如需更正请输入新数值": "A value cannot be cleared; enter the corrected value",
    "没有改动": "Nothing changed",
    # History
    "历史：{name}": "History: {name}", "尚无更新记录：数值均来自数据文件。":
        "No updates recorded yet: every value comes from the data file.",
    "日期": "Date", "原值": "Was", "新值": "Now", "记录人": "By", "备注": "Note", "记录时间": "Recorded",
    "当前值": "Current value", "名称": "Name",
}

for _zh, _en in (("总览", "Overview"), ("招商引资", "Investment"), ("产业布局", "Layout"),
                 ("营商环境", "Business"), ("重点项目", "Projects")):
    EN[f"切换到{_zh}"] = f"Go to {_en}"

# Exports
EN.update({
    "截至 {date}": "as of {date}", "年度目标": "Targets for the year", "签约进度": "Signing progress",
    "目标": "Target", "当前": "Current", "目标值": "Target value", "完成": "Done", "序时进度": "Time-elapsed share",
    "判断": "Verdict", "数值": "Value", "阶段": "Stage", "数量": "Count", "事件": "Event", "数据": "Figures",
    "道路": "Road", "产业带": "Belt", "板块": "Pane", "表": "Table", "进度": "Progress", "（无）": "(none)",
    "来源：{source}": "Source: {source}",
    "{year} 年已过 {share}（序时进度）。": "{share} of {year} has passed (time-elapsed share).",
    "{year} 年已过 {share}（序时进度，进度条中的竖线）。":
        "{share} of {year} has passed (time-elapsed share: the line in the bars).",
    "完成 {done} / 序时 {share}": "done {done} / time elapsed {share}",
})

# A record officials can trust: each figure's own date, conflicts, withdrawals, read-only sessions
EN.update({
    "持平": "on schedule", "（与序时进度一致）": " (matches the time-elapsed share)",
    " · 截至 {date}": " · as of {date}", " 待更新": " stale", "数值截至": "Figure as of",
    "；各目标按其数值的日期判断": "; each target is judged at its figure's own date",
    "假设截至 {date}（--as-of），{year} 年已过 {share}：所有目标都按这一天判断":
        "What if it were {date} (--as-of): {share} of {year} passed; every target is judged at that date",
    "假设截至 {date}（--as-of）· ? 帮助": "what if: {date} (--as-of) · ? help",
    "假设截至 {date}（所有目标按这一天判断）": "what if it were {date} (every target judged at that date)",
    "数值太大：最多 {limit}": "Too large: at most {limit}",
    "日期应在 {first} 至 {last} 之间（数据年度内，且不晚于今天）":
        "The date must lie between {first} and {last} (within the data's year, not after today)",
    "只读：不能记录更新。": "Read-only: updates cannot be recorded here.",
    "已保存并记录（第 {number} 条）": "Saved and recorded (update {number})",
    "无法保存：数据文件或更新记录有误，改正后才能记录更新。\n{error}":
        "Cannot save: the data file or the journal has a problem; fix it to record updates.\n{error}",
    "设置": "Settings", "无法保存设置": "Cannot save the settings",
    "仍然保存": "Save anyway",
    "打开此表单后，已有他人修改了这一项：": "Since this form was opened, someone else changed this item:",
    "· {who} 于 {at} 撤销了第 {seq} 条（{field}：{new}）": "· {who} withdrew update {seq} at {at} ({field}: {new})",
    "· {who} 于 {at} 把{field}从 {old} 改为 {new}（截至 {date}）":
        "· {who} changed {field} from {old} to {new} at {at} (as of {date})",
    "请核对。再按 Enter（或“仍然保存”）以您的数值覆盖；Esc 取消。":
        "Please check. Enter again (or “Save anyway”) records your value over it; Esc cancels.",
})
EN.update({
    "（已由 {who} 于 {at} 撤销{why}）": " (withdrawn by {who} at {at}{why})", "#": "#",
    "上一条": "Previous", "下一条": "Next", "撤销所选更新": "Withdraw the selected update",
    "↑↓ 选择 · w 撤销 · Esc 关闭": "↑↓ select · w withdraw · Esc close",
    "撤销第 {seq} 条更新？它仍留在记录中，标为已撤销。再按 w 确认，↑↓ 或 Esc 取消。":
        "Withdraw update {seq}? It stays in the record, marked as withdrawn. w again confirms; ↑↓ or Esc cancels.",
    "已撤销第 {seq} 条更新（第 {number} 条记录）": "Withdrew update {seq} (record {number})",
})
EN.update({"只读：这里不能记录更新。": "Read-only: updates cannot be recorded here."})
EN.update({" 旧": " old"})
EN.update({"命令面板": "palette"})
EN.update({"（不能换算的单位排在后面：{units}）": " (units that do not convert come after: {units})"})
EN.update({
    "主题": "Theme", "选择配色主题": "Choose a colour theme", "退出": "Quit", "退出 erqi-tui（按键 q）": "Quit erqi-tui (key q)",
    "搜索命令…（中文或英文）": "Search for commands… (English or Chinese)", "搜索主题…": "Search for themes…",
    "深色": "Dark", "浅色": "Light", "高对比（投影用）": "High contrast (for projectors)",
})
