"""The UI's words in English, keyed by the Chinese text the code writes (Lang.tr). Imported only
when English is first spoken: a Chinese session does not keep them."""

from __future__ import annotations

EN: dict[str, str] = {
    # Panes and tabs
    "总览": "Overview", "招商引资": "Investment", "产业布局": "Layout", "营商环境": "Business",
    "重点项目": "Projects", "切换到{title}": "Go to {title}", "切换到 {title}": "Go to {title}",
    "显示第 {number} 页（按键 {number}）": "Show pane {number} (key {number})",
    # Header, app messages
    "{city}{district} {year} 年目标": "{district}, {city}: targets for {year}", "{city}{district}": "{district}, {city}",
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
    "设置中的主题“{name}”不存在，已使用 {default}。": "The settings name a theme “{name}” that does not exist; using {default}.", "Switched to English": "Switched to English",
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
    "项目": "Project", "状态": "Status", "发展轴": "Axis", "位置": "Location",
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
    "变更日期（YYYY-MM-DD）": "Date of the change (YYYY-MM-DD)",
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
    "当前值": "Current value", "名称": "Name", "序号": "No.", "更新项": "What changed", "：{note}": ": {note}",
    "未显示的图表（屏幕不够大）：{names}": "Charts not shown (the screen is too small): {names}",
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
    "没有 {month} 月": "there is no month {month}", "{month} 月没有 {day} 日": "month {month} has no day {day}",
    "{year} 年 {month} 月没有 {day} 日": "month {month} of {year} has no day {day}",
    "“{other}”列是 {figure}，“{column}”列是 {total}：以“{column}”为准；若“{other}”是当月数，请写明“{other}（当月）”或加 --monthly":
        "column “{other}” says {figure}, column “{column}” {total}: “{column}” is taken; if “{other}” is that month's "
        "own amount, head it “{other}（当月）” or add --monthly",
    "{month}是当月数，而 {previous} 月末的累计数既没有记录，表中也没有给出：不能把前几个月当作 0；请从 1 月填起，或加一列年初以来的累计（如 1-{last}月）":
        "{month} is that month's own amount, but the running total at the end of month {previous} is neither recorded "
        "nor given in the sheet: the months before are not taken as 0; start from January, or add a column of the "
        "running total since January (e.g. 1-{last}月)",
    "各月当月数加起来超过了“{column}”列的累计 {total}：是否填反了？":
        "the months' own amounts add up to more than the running total {total} in “{column}”: swapped?",
    "{previous} 月末的 {base} 加当月 {amount} 是 {derived}，“{column}”列是 {total}：以哪个为准？":
        "{base} at the end of month {previous} plus the month's {amount} is {derived}, column “{column}” says "
        "{total}: which holds?",
    "日期应在 {first} 至 {last} 之间（数据年度内，且不晚于今天）":
        "The date must lie between {first} and {last} (within the data's year, not after today)",
    "只读：不能记录更新。": "Read-only: updates cannot be recorded here.",
    "已保存并记录（第 {number} 条）": "Saved and recorded (update {number})",
    "无法保存：数据文件或更新记录有误，改正后才能记录更新。\n{error}":
        "Cannot save: the data file or the journal has a problem; fix it to record updates.\n{error}",
    "设置": "Settings", "无法保存设置": "Cannot save the settings",
    "仍然保存": "Save anyway",
    "？{question}": "? {question}", "Enter 仍然保存 · Esc 取消": "Enter saves anyway · Esc cancels",
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

# The command line's help (erqi-tui --help)
EN.update({
    '区县年度目标的终端仪表盘（默认为二七区），数据读自 TOML 文件。': "A terminal dashboard of a district's yearly targets (二七区 by default), read from a TOML data file.",
    '仪表盘中的按键：1–5 切换页面，? 帮助，r 重新载入，q 退出。检查数据文件：erqi-tui check 文件。': "Keys in the dashboard: 1-5 switch panes, ? help, r reload, q quit. Run 'erqi-tui check FILE' to validate a data file.",
    '要显示的数据文件（默认：内置的 data/targets.toml）': 'the data file to show (default: the bundled data/targets.toml)',
    '假设：所有目标都按这一天判断进度（而不是各数值的日期）': 'judge progress at this date instead of the date the figures stand at',
    '记录更新时的记录人（默认：登录名）': 'who is recorded with the updates you make (default: your login name)',
    '只读：不提供记录更新的按键（内置数据始终只读）': 'show the data without a way to record updates (as the bundled file always is)',
    '启动时显示的页面（默认：overview 总览）': 'the pane to start on (default: overview)',
    '语言：zh（默认）或 en；在程序中按 l 切换，只对本次有效': 'language: zh (default) or en; l switches in the app, for that session only',
    '颜色：auto（依据 COLORTERM 和 TERM；设置 NO_COLOR 则不用颜色）、truecolor、256、16 或 none': 'colours: auto (from COLORTERM and TERM; NO_COLOR turns them off), truecolor, 256, 16 or none',
    '检查数据文件：无误退出码 0，有误列出问题并退出码 2': 'validate a data file: exit 0 if valid, 2 with the problems if not',
    '检查数据文件。无误时退出码为 0；有误时每个问题一行（文件:行: 键: 应为什么），退出码为 2。': 'Validate a data file. Exit 0 if valid; 2, with one line per problem (file:line: key: what was expected), if not.',
    '要检查的数据文件': 'the data file to check',
    '导出数据：md、html、csv、json 或 svg 图片': 'write the figures as md, html, csv, json or an svg screenshot',
    '导出仪表盘的数据（含单位、“以上”标记和超前/落后判断），用于汇报：Markdown、独立的 HTML 页面、供 Excel 使用的 CSV（带 BOM 的 UTF-8）、供脚本使用的 JSON，或某一页的 SVG 图片。': "Write the dashboard's figures, with their units, 'more than' marks and ahead/behind verdicts, for a briefing: Markdown, one self-contained HTML page, CSV for Excel (UTF-8 with BOM), stable JSON for scripts, or an SVG screenshot of a pane.",
    '默认：md': 'default: md',
    '只导出这一页（默认：全部；svg 默认总览）': 'only this pane (default: all; svg: overview)',
    '写入此文件（默认：标准输出；- 也表示标准输出）': 'write here (default: standard output)',
    '数据文件（默认：内置数据）': 'the data file (default: the bundled one)',
    '假设：按这一天判断进度': 'judge progress at this date',
    '标签和单位的语言（默认：zh）': 'language of the labels and units (default: zh)',
    '从脚本记录更新：目标的数值、项目的字段，或撤销一条更新': "record an update from a script: a target's value, a project's fields, or a withdrawal",
    '在数据文件旁的更新记录中记录一条更新，与程序中的锁和规则相同：日期须在数据年度内且不晚于今天；数据文件或更新记录有误时不记录。成功时输出一行并以 0 退出；否则说明原因并以 2 退出。': "Record an update in the journal beside the data file, under the same lock and rules as the app: the date must lie within the data's year and not after today, and nothing is recorded while either file is broken. Prints one line and exits 0 when saved; exits 2 with the reason otherwise.",
    '数据文件（必填；也可写在命令前）': 'the data file (required; may also come before the command)',
    '要记录当前值的目标 id': 'the id of the target whose current value to record',
    '要修改的项目 id（配合 --set）': 'the id of the project to change (with --set)',
    '撤销更新记录中的第 N 条': 'withdraw (撤销) update number N of the journal',
    '配合 --target：数值，如 140；下限值写作 "50+"': 'with --target: the value, e.g. 140 or "50+" for a lower bound',
    '配合 --project：要设置的字段（{fields}），可重复': 'with --project: a field to set ({fields}); repeat for several',
    '配合 --project：以此 id 新增项目': 'with --project: add a new project with this id',
    '数值截至的日期（默认：今天）': 'the day the figure stands at (default: today)',
    '随更新保存的备注': 'a note kept with the update',
    '记录人（默认：登录名）': 'who records it (default: your login name)',
    '通过网页浏览器提供仪表盘（textual-serve），需令牌访问': 'serve the dashboard to web browsers (textual-serve), behind a token',
    '用 textual-serve 向网页浏览器提供仪表盘，每位访问者一个会话。每个请求都需要启动时打印的令牌（按打印的网址打开）；除非给出 --allow-edits，会话均为只读。': 'Serve the dashboard to web browsers with textual-serve; each visitor gets their own session. Every request needs the token printed at start (open the URL as printed), and the sessions are read-only unless --allow-edits is given.',
    '监听地址（默认：127.0.0.1；0.0.0.0 表示本机所有地址）': 'address to listen on (default: 127.0.0.1; 0.0.0.0 for every address of this machine)',
    '端口，1 至 65535（默认：8000）': 'port, 1 to 65535 (default: 8000)',
    '允许访问者在数据文件中记录更新（默认：只读会话）': 'let visitors record updates in the data file (default: read-only sessions)',
})
EN.update({
    "显示版本号并退出": "show the version and exit",
    "erqi-tui：已记录第 {number} 条更新：{what}（{who}）；更新记录 {journal}":
        "erqi-tui: recorded update {number}: {what} ({who}); journal {journal}",
    "erqi-tui：未记录：{message}": "erqi-tui: nothing recorded: {message}",
    "erqi-tui：无法写入 {path}：{reason}": "erqi-tui: cannot write {path}: {reason}",
    "erqi-tui：已写入 {path}": "erqi-tui: wrote {path}",
    "erqi-tui：{what}有 {count} 处问题：": "erqi-tui: {count} problem(s) in the {what}:",
    "数据文件": "data file", "设置文件": "settings file", "数据文件或更新记录（未记录）": "files; nothing was recorded, as",
    "{path}：无误 — {targets} 个目标、{figures} 项数据、{events} 件大事、{projects} 个项目":
        "{path}: OK — {targets} targets, {figures} figures, {events} events, {projects} projects",
    "erqi-tui：仪表盘需要在终端中运行，而标准输出不是终端；要以文本取得数据，请用 erqi-tui export":
        "erqi-tui: the dashboard needs a terminal, and standard output is not one; for the figures as text use: erqi-tui export",
    "erqi-tui：无法提供服务：{problem}": "erqi-tui: cannot serve: {problem}",
    "访问者可以记录更新（--allow-edits）": "visitors may record updates (--allow-edits)",
    "只读（加 --allow-edits 可记录更新）": "read-only (--allow-edits to record)",
    "erqi-tui：正在提供仪表盘，{mode}。请打开（Ctrl+C 停止）：": "erqi-tui: serving the dashboard, {mode}. Open (Ctrl+C stops):",
    "erqi-tui：无法在 {host}:{port} 提供服务：{error}": "erqi-tui: cannot serve on {host}:{port}: {error}",
})
EN.update({
    "{problem}；{hint}": "{problem}; {hint}",
    "请用 --user 名字 指定一个普通的名字": "give a plain name with --user NAME",
    "请换一个普通的名字": "choose a plain name",
    "记录人的名字不是有效的 UTF-8 文本": "the user name is not valid UTF-8 text",
    "记录人的名字为空": "the user name is empty",
    "记录人的名字含有控制字符": "the user name holds control characters",
    "记录人的名字超过 {limit} 个字符": "the user name is longer than {limit} characters",
    "日期 {date} 不在允许的范围内：应在 {first} 至 {last} 之间（数据年度 {year} 年内，且不晚于今天）":
        "the date {date} is outside the dates an update may stand at: {first} to {last} (within the data's "
        "year {year}, and not after today)",
    "第 {seq} 条更新不能撤销：后面的更新依赖于它（{problem}）；请先撤销那一条":
        "update {seq} cannot be withdrawn: a later update depends on it ({problem}); withdraw that one first",
    "没有可撤销的第 {seq} 条更新（更新记录共 {count} 条；撤销记录本身不能再撤销）":
        "there is no update {seq} to withdraw (the journal holds {count} entries; withdrawals themselves "
        "cannot be withdrawn)",
    "第 {seq} 条更新已由 {who} 于 {at} 撤销": "update {seq} was already withdrawn by {who} at {at}",
    "请输入普通数字，不要用科学计数法": "Type a plain number, not scientific notation",
})

# The year as it unfolds: projection, change since a date or a briefing, the chart, 动态
EN.update({
    "至少": "at least", "至多": "at most", "约": "about",
    "年底预计": "Year-end est.", "缺口": "Shortfall", "余下每月需": "Needed/month",
    "已完成全年目标": "the year's target is reached", "年度尚未开始，无从推算": "the year has not begun: no pace yet",
    "无（按此进度可完成）": "none (reached at this pace)",
    "较 {date}：当时无数值": "vs {date}: no value then", "较 {date} {change}": "vs {date} {change}",
})
EN.update({
    " 数值": " value", " 序时进度": " time elapsed", " 目标 {target}": " target {target}", " 目标": " target",
    "{month}月": "{month}",
    "尚无简报标记": "No briefing marked yet",
    "（上次简报）": " (last briefing)", "（--since）": " (--since)", "变化自 {date}{why}": "Since {date}{why}",
    "尚无数值，无从推算": "no value yet: nothing to project", "较 {date} 无变化": "unchanged since {date}",
    "全年进程：{name}": "The year so far: {name}",
})
EN.update({"较 {date}": "vs {date}", "无变化": "unchanged", "上次简报": "last briefing",
           "变化自 {date}（{why}）。": " Changes since {date} ({why})."})
EN.update({
    "显示自这一天以来的变化（默认：自上次标记的简报）": "show changes since this day (default: since the last briefing marked)",
    "写出自这一天以来的变化（默认：自上次标记的简报）": "write changes since this day (default: since the last briefing marked)",
    "写出后在更新记录中标记一次简报：此后的变化从这里算起":
        "after writing, mark a briefing in the journal: changes are counted from it from then on",
    "标记简报的人（默认：登录名）": "who marks the briefing (default: the login name)",
    "erqi-tui：内置的示例数据只读，不能标记简报；请复制数据文件，再用 --data 文件":
        "erqi-tui: the bundled data is read-only and cannot be marked; copy the data file and use --data FILE",
    "erqi-tui：未标记简报：{error}": "erqi-tui: no briefing marked: {error}",
    "erqi-tui：已标记简报（截至 {date}），此后的变化从这里算起":
        "erqi-tui: briefing marked (as of {date}); changes are counted from it from now on",
    "标记简报": "Mark a briefing",
    "标记一次简报（截至 {date}）？之后的变化从这里算起。再按 b 确认。":
        "Mark a briefing (as of {date})? Changes will be counted from it. Press b again to confirm.",
    "已标记简报（截至 {date}），变化从这里算起": "Briefing marked (as of {date}); changes are counted from it",
})
EN.update({
    "打开内置的示例年度（虚构）：逐月数据、撤销和简报标记俱全，供演示":
        "open the bundled example year (invented): monthly figures, withdrawals and briefing marks, for demos",
    "erqi-tui：--example 与 --data 不能同用": "erqi-tui: --example and --data cannot be used together",
})
EN.update({"要检查的数据文件（默认：--data 或内置数据）": "the data file to check (default: --data, or the bundled data)"})
EN.update({
    "动态": "Changes", "简报标记": "Briefing mark", "对象": "Item", "字段": "Field", "筛选": "Filter", "关闭": "Close",
    "已由 {who} 撤销（第 {seq} 条）": "withdrawn by {who} (update {seq})", "（已撤销）": " (withdrawn)",
    "动态：全部更新，按日期": "Changes: every update, by date", "/ 筛选 · Enter 历史 · Esc 关闭": "/ filter · Enter history · Esc close",
    "按目标、项目或记录人筛选…": "Filter by target, project or who…", "{shown} / {total} 条": "{shown} of {total}",
    "共 {total} 条": "{total} in all",
})
EN.update({"大屏：总览以大字、全部图表和预警铺满屏幕（160 列以上自动使用），供投影":
           "big screen: the overview in large digits with every chart and the warnings, filling the screen "
           "(used from 160 columns on), for projectors",
           "截至 {date}，{year} 年已过 {share}（序时进度）": "As of {date}, {share} of {year} has passed (time-elapsed share)"})
EN.update({
    "{year} 年内": "within {year}", "{name} 逾期（计划 {when}）": "{name} overdue (planned {when})",
    "{name} 计划 {when}": "{name} planned {when}", "逾期": "Overdue", "节点": "Milestones", "挂图": "Wall chart",
    "挂图作战": "Wall chart", "排序": "Sort", "逾期最多": "most overdue",
    "挂图作战：项目节点（● 已完成 ○ 计划 ✗ 逾期 │ {date}）":
        "Wall chart: project milestones (● reached ○ planned ✗ overdue │ {date})",
    "/ 筛选 · s 排序 · Enter 项目 · Esc 关闭": "/ filter · s sort · Enter project · Esc close",
    "按项目、道路或节点筛选…": "Filter by project, road or milestone…", "{days} 天": "{days} days",
    "{shown} 个项目有节点，{late} 个逾期；按{order}排列": "{shown} projects with milestones, {late} overdue; by {order}",
    "（另有 {count} 个项目未列节点）": " ({count} more projects list none)",
})
EN.update({"{name}（计划 {when}）": "{name} (planned {when})"})
EN.update({"全部更新，按日期（按键 d）": "Every update, by date (key d)", "项目节点与逾期（按键 g）": "Project milestones and what is overdue (key g)",
           "此后的变化从这里算起（按键 b）": "Changes are counted from it (key b)"})
EN.update({"另有 {count} 个逾期节点：按 g 看挂图作战": "{count} more overdue steps: g shows the wall chart"})
EN.update({"配合 --project：该项目的这一节点已于 --date 完成（如 开业）": "with --project: the project reached this milestone on --date (e.g. 开业)"})
EN.update({
    "督办": "Follow-up", "督办明细": "Follow-up items", "责任单位": "Responsible unit", "逾期节点": "Overdue steps",
    "落后目标": "Targets behind", "合计": "Total", "（未指定）": "(no unit named)", "类别": "Kind", "事项": "Item",
    "责任人": "Person", "{project} · {step}": "{project} · {step}", "{name} 落后 {points}": "{name} behind {points}",
    "督办：各责任单位的逾期与落后（截至 {date}）": "Follow-up: what each responsible unit has late (as of {date})",
    "/ 筛选 · Enter 明细 · Esc 关闭": "/ filter · Enter items · Esc close", "按单位筛选…": "Filter by unit…",
    "没有逾期的节点，也没有落后于序时进度的目标": "No overdue milestones and no target behind schedule",
    "{count} 个单位有逾期或落后事项": "{count} units with something late", "督办：{unit}": "Follow-up: {unit}",
    "Enter 打开项目 · Esc 返回": "Enter opens the project · Esc back", "筛选…": "Filter…",
})
EN.update({"各责任单位的逾期与落后（按键 u）": "What each responsible unit has late (key u)"})
EN.update({"已列明 {listed} / {reported}": "named {listed} of {reported}", "已列明 {count} 个项目": "{count} projects named",
           "，合计 {total} / {reported}": ", together {total} of {reported}"})
EN.update({  # enterprise requests (企业诉求) and key tasks (重点任务)
    "数据文件没有逐项列出重点任务（[[task]]）": "The data file does not list its key tasks one by one ([[task]])",
    "该项目没有未办结的诉求": "This project has no open requests",
    "重点任务": "Key tasks",
    "已完成的重点任务 id（配合 --done）": "the id of a key task finished (with --done)",
    "配合 --project：该项目于 --date 提出的企业诉求": "with --project: an enterprise request the project raised on --date",
    "配合 --project：该项目的这条诉求已于 --date 办结": "with --project: this request of the project was resolved on --date",
    "配合 --raise：办理诉求的责任单位（默认：项目的）": "with --raise: the unit that handles it (default: the project's)",
    "配合 --raise：责任人": "with --raise: the person responsible",
    "配合 --task：该任务已于 --date 完成": "with --task: the task was finished on --date",
    "办结日期不能早于提出日期 {when}": "It cannot be resolved before it was raised ({when})",
    "该项目已有同样内容的诉求": "The project already has a request with this text",
    "请输入诉求内容": "Enter what is requested",
    "请选择一条未办结的诉求": "Choose an open request",
    "请选择或输入节点名称": "Choose or enter a milestone",
    "这一节点已完成": "This milestone is already reached",
    "这项任务已完成": "This task is already finished",
    "已办结": "resolved", "已办结 {when}": "resolved {when}", "提出 {when}": "raised {when}",
    "未办结": "open", "未办结（已 {days} 天）": "open ({days} days)",
    "m 节点完成 · a 提出诉求 · v 诉求办结 · Esc 关闭": "m milestone reached · a raise request · v resolve request · Esc close",
    "企业诉求": "Enterprise requests", "提出诉求": "Request raised", "节点完成": "Milestone reached",
    "诉求办结": "Request resolved", "任务完成": "Task finished",
    "{area} · 截止 {deadline} · 记录人：{who}": "{area} · due {deadline} · recorded by {who}",
    "任务完成：{name}": "Task finished: {name}", "办结的诉求": "The request resolved", "完成的节点": "The milestone reached",
    "提出日期即下面的日期 · 记录人：{who}": "Raised on the date below · recorded by {who}",
    "提出诉求：{name}": "Raise a request: {name}", "日期（YYYY-MM-DD）": "Date (YYYY-MM-DD)",
    "节点完成：{name}": "Milestone reached: {name}", "诉求内容": "What is requested",
    "诉求办结：{name}": "Request resolved: {name}", "责任人（可选）": "Person responsible (optional)",
    "责任单位（可选；默认为项目的）": "Responsible unit (optional; default: the project's)",
    "/ 筛选 · Enter 打开项目 · Esc 返回": "/ filter · Enter open project · Esc back",
    "/ 筛选 · Enter 明细 · r 企业诉求 · Esc 关闭": "/ filter · Enter items · r requests · Esc close",
    "Enter 打开 · Esc 返回": "Enter open · Esc back",
    "{count} 个单位有逾期、未办或落后事项": "{count} units with items late, open or behind",
    "企业诉求：未办结的，最早提出的在前（截至 {date}）": "Open enterprise requests, oldest first (as of {date})",
    "已等": "Waiting", "按项目、诉求或单位筛选…": "Filter by project, request or unit…", "提出": "Raised",
    "没有未办结的企业诉求": "No open enterprise requests",
    "没有逾期的节点或任务，没有未办的诉求，也没有落后于序时进度的目标":
        "No overdue milestones or tasks, no open requests, no target behind schedule",
    "督办：各责任单位的逾期与未办事项（截至 {date}）": "Follow-up: what each responsible unit has late or open (as of {date})",
    "诉求": "Request", "未办诉求": "Open requests", "逾期任务": "Overdue tasks",
    "/ 筛选 · Enter 记录完成或看历史 · Esc 关闭": "/ filter · Enter record finished or see history · Esc close",
    "{total} 项任务：已完成 {done}，逾期 {late}": "{total} tasks: {done} finished, {late} overdue",
    "任务": "Task", "已完成": "finished", "已完成 {when}": "finished {when}", "截止": "Due",
    "按方面、任务或单位筛选…": "Filter by area, task or unit…", "方面": "Area", "进行中": "in progress",
    "重点任务（截至 {date}）": "Key tasks (as of {date})",
    "{name}（{area}，截止 {when}）": "{name} ({area}, due {when})",
    "{project} · {what}（提出 {when}，已 {days} 天）": "{project} · {what} (raised {when}, {days} days)",
    "t 全部任务": "t all tasks", "{name}（{unit}，截止 {when}）": "{name} ({unit}, due {when})",
    "另有 {count} 项逾期（t 查看全部）": "{count} more overdue (t shows all)", "逾期 {count}": "{count} overdue",
    "逾期任务：": "Overdue tasks:", "重点任务 · {done} / {total} 项已完成": "Key tasks · {done} of {total} finished",
    "（未分方面）": "(no area)", "、{tasks} 项重点任务": ", {tasks} key tasks", "{project} · {what}": "{project} · {what}",
})
EN.update({  # drill-down
    "均未列总投资": "none gives its investment", "合计总投资 {total}": "investment {total} in all",
    "（另 {count} 个项目的投资单位不同）": " ({count} more in other units)",
    "（{count} 个未列总投资）": " ({count} without an investment)",
    "{name}：计入的项目": "{name}: the projects counted", "数据文件没有列明计入这一目标的项目（counts_for）":
        "The data file names no project counted in this target (counts_for)",
    "{stage}：项目": "{stage}: projects", "{count} 个项目": "{count} projects",
    "{road} · {theme}：项目": "{road} · {theme}: projects", "查看项目": "Projects", "计入的项目": "Projects counted",
    "按项目或单位筛选…": "Filter by project or unit…", "项目推进、发展轴": "Pipeline stage, axis",
    "项目清单": "Project list",
})
EN.update({  # erqi-tui import
    "应为电子表格：.xlsx（Excel、WPS）或 .csv": "expected a spreadsheet: .xlsx (Excel, WPS) or .csv",
    "超过 {limit} 行；请拆分表格": "more than {limit} rows; split the sheet",
    "表格是空的；应有表头行（编号、日期、数值……）": "the sheet is empty; expected a header row (id, date, value…)",
    "不能作为 .xlsx 工作簿读取（{error}）": "cannot be read as an .xlsx workbook ({error})",
    "解压后有 {size} MB，超过 {limit} MB：不像是台账；请只保留要导入的表":
        "unpacks into {size} MB, more than {limit} MB: not a ledger; keep only the sheet to import",
    "合并单元格 {ref} 超出表格应有的范围（{max_rows} 行、{max_columns} 列，合并的格子共 {max_merged} 个）；请取消合并或删去多余的行列":
        "merged block {ref} is beyond what a sheet should span ({max_rows} rows, {max_columns} columns, {max_merged} merged "
        "cells in all); unmerge it or delete the extra rows and columns",
    "不能作为 CSV 读取（{error}）": "cannot be read as CSV ({error})",
    "第一张表超过 {limit} 行；请删去多余的行或拆分表格": "the first sheet goes beyond {limit} rows; delete the extra rows or split the sheet",
    "这一行有 {columns} 列，超过 {limit} 列；请删去多余的列": "this row has {columns} columns, more than {limit}; delete the extra columns",
    "既不是 UTF-8 也不是 GB18030 文本；请另存为 CSV UTF-8": "is neither UTF-8 nor GB18030 text; save it as CSV UTF-8",
    "“{column}”列": "column \"{column}\"",
    "没有“编号”列：表头行应有 编号（或 id）、日期、数值……": "no id column: expected a header row with id (or 编号), date, value…",
    "为空：应为目标或项目的编号": "empty: expected the id of a target or a project",
    "“{ident}”不是任何目标或项目的编号（目标：{known}……）": "\"{ident}\" is the id of no target or project (targets: {known}…)",
    "为空：应为数值截至的日期，如 2024-06-30": "empty: expected the date the figure stands at, like 2024-06-30",
    "应为日期，如 2024-06-30，实为“{value}”": "expected a date like 2024-06-30, got \"{value}\"",
    "日期 {date} 不在 {first} 至 {last} 之间（数据年度内，且不晚于今天）":
        "{date} is outside {first} to {last} (the data's year, and not after today)",
    "单位应为“{unit}”（实为“{value}”）": "expected the unit \"{unit}\", got \"{value}\"",
    "{error}（实为“{value}”）": "{error} (got \"{value}\")",
    "“{ident}”是目标：这一行填写数值，不填项目字段": "\"{ident}\" is a target: its row takes a value, not project fields",
    "第 {row} 行  {name}：{old} → {new}（截至 {date}）": "row {row}  {name}: {old} → {new} (as of {date})",
    "“{ident}”是项目：请在总投资、状态等列中填写，不填数值":
        "\"{ident}\" is a project: give its investment, status… in their own columns, not a value",
    "第 {row} 行  {name}：{changes}（{date}）": "row {row}  {name}: {changes} ({date})",
    "未定义": "none defined", "“{text}”不是任何发展轴（{roads}）": "\"{text}\" names no axis ({roads})",
    "台账": "Ledger", "{field} {old} → {new}": "{field} {old} → {new}",
    "导入台账（.xlsx 或 .csv）：预览改动，加 --apply 记录": "import a ledger (.xlsx or .csv): preview the changes, record them with --apply",
    "读取电子表格（.xlsx 的第一个工作表，或 UTF-8/GB18030 的 .csv）：表头含 编号、日期、数值，可选 单位、备注 及项目字段（状态、发展轴、位置、总投资、占地、预计）。不加 --apply 时只列出每行的改动（原值 → 新值），不写入；加 --apply 时全部记录为更新，与程序中的锁和规则相同；任何一行有误时说明行和列，以 2 退出，一条也不记录。":
        "Reads a spreadsheet (an .xlsx's first sheet, or a UTF-8/GB18030 .csv) whose header has id, date, value, and optionally unit, note and project fields (status, axis, location, investment, area, expected; Chinese headers too). Without --apply it lists each row's change (from → to) and writes nothing; with --apply it records them all as updates, under the app's lock and rules; if any row is wrong it names the row and column, exits 2 and records none.",
    "要导入的表格（.xlsx 或 .csv）": "the sheet to import (.xlsx or .csv)",
    "数据文件（--apply 时必填）": "the data file (required with --apply)",
    "记录全部改动（不加时只预览）": "record every change (without it: a preview)",
    "写出一个填好编号和名称的 .xlsx 模板，而不导入": "write an .xlsx template with the file's ids and names, instead of importing",
    "erqi-tui：{message}": "erqi-tui: {message}",
    "erqi-tui：已写入模板 {path}：{targets} 个目标、{projects} 个项目，填好数值后用 erqi-tui import 导入":
        "erqi-tui: wrote the template {path}: {targets} targets, {projects} projects; fill in the values, then erqi-tui import it",
    "请给出要导入的表格文件（.xlsx 或 .csv），或用 --template 文件 生成模板":
        "give the sheet to import (.xlsx or .csv), or --template FILE to write a template",
    "erqi-tui：内置的示例数据只读；请复制数据文件，再用 --data 文件":
        "erqi-tui: the bundled data is read-only; copy the data file and use --data FILE",
    "第 {row} 行：{problem}": "row {row}: {problem}", "第 {row} 行": "row {row}",
    "跳过 {count} 行（没有改动）": "{count} rows skipped (nothing to change)", "忽略的列：{names}": "columns ignored: {names}",
    "erqi-tui：表格中没有要记录的改动": "erqi-tui: the sheet has nothing to record",
    "erqi-tui：已记录 {count} 条更新（第 {first}–{last} 条，{who}）；更新记录 {journal}":
        "erqi-tui: recorded {count} updates (numbers {first}–{last}, {who}); journal {journal}",
    "erqi-tui：以上 {count} 条更新尚未记录；确认无误后加 --apply 记录（全部记录，或一条也不记录）":
        "erqi-tui: the {count} updates above are not recorded yet; once they are right, add --apply (all are recorded, or none)",
    "表格（未记录任何一行）": "sheet (no row recorded)",
})
EN.update({  # exports for the leadership: xlsx, docx, the tidy CSV
    "{name}完成{value}，占年度目标的{share}，{verdict}": "{name}: {value} done, {share} of the year's target, {verdict}",
    "{name}完成{value}，占年度目标的至少{share}，{verdict}":
        "{name}: {value} done, at least {share} of the year's target, {verdict}",
    "{name}暂无完成数据（年度目标{target}）": "{name}: no figure yet (target {target})",
    "与序时进度持平": "on schedule",
    "超前序时进度至少{points}个百分点": "at least {points} pp ahead of schedule",
    "超前序时进度{points}个百分点": "{points} pp ahead of schedule",
    "落后序时进度至多{points}个百分点": "at most {points} pp behind schedule",
    "落后序时进度{points}个百分点": "{points} pp behind schedule",
    "项目推进：": "Pipeline: ", "，": ", ",
    "{name}完成{share}，落后序时进度{points}个百分点": "{name}: {share} done, {points} pp behind schedule",
    "{city}{district}{year}年目标推进情况": "{district}, {city}: progress on the targets for {year}",
    "（截至{year}年{month}月{day}日）": "(as of {year}-{month:02d}-{day:02d})",
    "主要指标": "Key figures", "指标": "Measure", "完成率": "Share done", "较序时进度": "Against schedule",
    # the 预警's overdue steps in the exports (views.account.Section.overdue)
    "逾期未报（计划 {when}，按 {date} 计）": "due, not reported (planned {when}, judged at {date})",
    "预警：逾期未报的项目节点": "Warnings: steps due, not reported", "项目节点": "Step", "目标或项目": "Target or project",
    "{project}“{step}”节点逾期未报（计划{when}，按{date}计）":
        "{project}: the step “{step}” is due, not reported (planned {when}, judged at {date})",
    "变化自{date}（{why}）。": "Changes since {date} ({why}).",
    "{year}年{month}月{day}日": "{year}-{month:02d}-{day:02d}", "{year}年{month}月": "{year}-{month:02d}",
    "{year}年内": "in {year}",
    "另有 {count} 个项目，见 Excel 导出": "{count} more projects: see the Excel export",
    "分组": "Group", "单位": "Unit", "下限或约数": "Bound", "完成率与序时进度": "Done against schedule",
    "落后（个百分点）": "Behind (pp)", "项目数": "Projects", "编号": "ID", "进程": "Course",
    "当前值为下限": "Current is a lower bound", "目标值为下限": "Target is a lower bound",
    "较序时进度（个百分点）": "Against schedule (pp)", "个百分点": "pp", "个": "", "是": "yes",
    "docx：标题的中文字体（默认：宋体）": "docx: the Chinese font of titles (default: 宋体)",
    "docx：正文的中文字体（默认：仿宋；也常用 仿宋_GB2312）": "docx: the Chinese font of the text (default: 仿宋; 仿宋_GB2312 is common too)",
    "erqi-tui：{format} 是二进制文件，不能显示在终端上；请用 -o 文件名 写入文件":
        "erqi-tui: {format} is a binary file and cannot be shown in a terminal; write it to a file with -o FILE",
    "板块": "Pane", "类别": "Kind", "名称": "Name", "数值": "Value", "下限": "Lower bound", "约数": "Approximate",
    "日期": "Date", "目标": "Target", "阶段": "Stage", "大事": "Event", "发展轴": "Axis",
    "目标值": "Target value",
    "数量": "Count", "占地": "Area", "项目": "Project", "地区": "District",
})
EN.update({  # 全市: several districts at once
    "{year} 年的数据，不参与比较": "data of {year}: not compared", "单位不同，不参与比较：{names}": "other units, not compared: {names}",
    "没有可比较的目标": "no target to compare", "{year} 年": "{year}", "全市：{count} 个地区 {year}": "City: {count} districts {year}",
    "每个目标：完成率，与序时进度相比 ±个百分点；排名按共同目标的平均差距。":
        "Each target: done, and ± points against the time elapsed; ranked by the mean distance on the shared targets.",
    "排名": "Rank", "平均（个百分点）": "Mean (pp)", "无法读取：{problem}": "cannot be read: {problem}",
    "（单位不同）": " (other unit)", "全市": "City", "最落后": "Furthest behind", "{name} 完成率": "{name} done",
    "{name} 较序时进度（个百分点）": "{name} against schedule (pp)",
    "全市：{count} 个地区 {year}（完成率 与序时进度相比 ±个百分点）": "City: {count} districts {year} (done, ± pp against the time elapsed)",
    "/ 筛选 · Enter 打开该地区 · q 退出": "/ filter · Enter open the district · q quit", "按地区筛选…": "Filter by district…",
    "（没有共同的目标）": "(no shared target)", "共同目标：{names}": "Shared targets: {names}",
    "；{mark} 最落后：{name}": "; {mark} furthest behind: {name}", "无法读取 {name}": "Cannot read {name}",
    "清除筛选": "Clear the filter", "回到全市（打开多个地区时）": "Back to the city (with several districts open)",
    "要显示的数据文件（默认：内置的 data/targets.toml）；给出多个文件或一个文件夹时先显示全市":
        "the data file to show (default: the bundled data/targets.toml); several files, or a folder, open the city view first",
    "文件夹中没有数据文件（*.toml）": "the folder holds no data file (*.toml)",
    "{command} 一次只处理一个数据文件：请只给一个 --data": "{command} works on one data file at a time: give one --data",
    "{path}：无误": "{path}: valid", "全市视图可导出为：{formats}": "the city view exports as: {formats}",
})
EN.update({
    "导出数据：md、html、csv、json、svg 图片、xlsx 表格或 docx 简报":
        "export the figures: md, html, csv, json, an svg picture, an xlsx workbook or a docx briefing",
    "从脚本记录更新：目标的数值、项目的字段和节点、企业诉求、重点任务，或撤销一条更新":
        "record an update from a script: a target's value, a project's fields and milestones, an enterprise request, a key task, or withdraw an update",
})
EN.update({  # no output over the record; the journal's bound (issue 20)
    "{path} 是{what}，不能写入导出内容（会覆盖数据）；请另给一个文件名":
        "{path} is the {what}: an export may not be written over it; give another file name",
    "更新记录": "journal", "更新记录的锁文件": "journal's lock file", "数据文件的锁文件": "data file's lock file",
    "更新记录的缓存": "journal's kept state",
    "设置文件的锁文件": "settings file's lock file", "要导入的表格": "spreadsheet being imported",
    "记录后更新记录将有 {size:.1f} MiB，超过上限 {limit} MiB，未写入；请分批记录较少的行，或将本年度的更新记录归档、另起一个数据文件":
        "the journal would be {size:.1f} MiB, over its bound of {limit} MiB: nothing was written; record fewer rows "
        "at a time, or archive this year's journal and start a new data file",
})
# serve (issue 20)
EN.update({
    "erqi-tui：已有 {max} 个会话在运行，这是上限（--max-sessions）；请稍后再试。":
        "erqi-tui: {max} sessions are running, which is the limit (--max-sessions); please try again later.",
    "每人用自己的链接（{path} 中 {count} 人）": "each person with their own link ({count} in {path})",
    "erqi-tui：无法提供服务：这一版 textual-serve 缺少 serve 所依赖的 {hooks}；请安装 textual-serve>=1.1.3,<1.2":
        "erqi-tui: cannot serve: this textual-serve lacks {hooks}, which serve relies on; install textual-serve>=1.1.3,<1.2",
    "erqi-tui：正在提供仪表盘，{mode}，最多 {max} 个会话（Ctrl+C 停止）":
        "erqi-tui: serving the dashboard, {mode}, at most {max} sessions (Ctrl+C stops)",
    "erqi-tui：这个服务器不以“{name}”这个名字提供服务（用打印的地址，或在 serve 上加 --public-host 名字）":
        "erqi-tui: this server does not answer to the name \u201c{name}\u201d (use the printed address, or add --public-host NAME to serve)",
    "erqi-tui：此地址需要含令牌（?token=…）的链接：请向提供仪表盘的人索要你的链接，按给出的样子打开。":
        "erqi-tui: this address needs a link with its token (?token=…): ask whoever serves the dashboard for your link, and open it as given.",
    "erqi-tui：会话的 websocket 只回答它自己的页面。": "erqi-tui: the session's websocket answers only its own page.",
    "erqi-tui：在改正之前谁也进不来：{problem}": "erqi-tui: nobody gets in until this is corrected: {problem}",
    "名字应为文本": "a name must be text",
    "名字含有首尾空格或不可见的字符（如方向控制符）":
        "the name has spaces at an end or invisible characters (such as direction controls)",
    "{path}：应为若干 [[person]]，每项有 name、token、rights": "{path}: expected [[person]] entries, each with name, token, rights",
    "rights 应为 read 或 edit": "rights must be read or edit",
    "{where}：应有 name、token，可选 rights（read 或 edit）": "{where}: expected name, token and optionally rights (read or edit)",
    "{where}：名字“{name}”重复：日志要靠名字分清是谁":
        "{where}: the name \u201c{name}\u201d is there twice: the journal tells people apart by name",
    "{where}：token 应为 16 至 128 个字母、数字、- 或 _，且不止几个字符反复（用 --add-person 生成）":
        "{where}: token must be 16 to 128 letters, digits, - or _, not a few characters repeated (--add-person makes one)",
    "{where}：token 与他人的相同": "{where}: token is the same as another person's",
    "{where}：rights 应为 read 或 edit": "{where}: rights must be read or edit",
    "{path} 中已有“{name}”：要换链接，先删去那一项": "{path} already has \u201c{name}\u201d: to give a new link, delete that entry first",
    "共用链接的会话记录更新时的记录人（默认：登录名）；有 --people 时各人记为自己的名字":
        "who the shared link's sessions record updates as (default: your login name); with --people each person is recorded by their own name",
    "每人一个链接：FILE 中每个 [[person]] 有 name、token、rights（read 或 edit）；改动即时生效，删去一项即收回其链接":
        "a link per person: each [[person]] in FILE has name, token, rights (read or edit); changes take effect at once, and deleting an entry revokes that link",
    "在 --people 文件中加一人（没有则新建，仅本人可读），打印其链接后退出":
        "add a person to the --people file (made, readable by you alone, if missing), print their link and exit",
    "配合 --add-person：此人可记录更新（还需 --allow-edits）": "with --add-person: this person may record updates (serve needs --allow-edits too)",
    "同时运行的会话最多 N 个（默认：20），多出的访问者被告知稍后再试":
        "run at most N sessions at once (default: 20); a visitor beyond them is told to try again later",
    "浏览器可用来访问的另一个名字（如反向代理的域名），可重复；其他名字一律拒绝（防 DNS 重绑定）":
        "another name browsers reach this server by (e.g. the reverse proxy's domain); repeatable. Any other name is refused (against DNS rebinding)",
    "--add-person 需要 --people 文件": "--add-person needs a --people file",
    "可记录更新": "may record updates", "只读": "read-only",
    "--people {path} 是{what}：人员文件须另用一个文件": "--people {path} is the {what}: the people file must be a file of its own",
    "erqi-tui：已在 {path} 中加入 {name}（{rights}）。其链接（只给此人）：":
        "erqi-tui: added {name} ({rights}) to {path}. Their link (give it to them alone):",
    "--allow-edits 需要 --people（每人一个链接，更新记录写明是谁）；只供一人使用时可加 --user 名字":
        "--allow-edits needs --people (a link per person, so the journal says who); for one person's own use, add --user NAME",
    "erqi-tui：注意：{path} 他人也可读取，而其中的令牌都是秘密；可用 chmod 600 {path}":
        "erqi-tui: note: others can read {path}, and its tokens are secrets; chmod 600 {path}",
    "本页图片已发送到浏览器下载：{name}": "The pane's picture was sent to your browser as a download: {name}",
})
EN.update({  # a busy lock is busy, not broken (issue 20)
    "正有他人保存，稍候…（Esc 取消保存）": "Someone else is saving; waiting… (Esc stops waiting)",
    "未保存：已取消（另一位写入者仍在保存）。可再按“保存”重试。":
        "Not saved: stopped waiting (another writer is still saving). Press Save to try again.",
    "无法保存：另一位写入者正在保存，文件没有问题；请稍后再试。":
        "Cannot save: another writer is saving (the files are fine); try again in a moment.",
})
EN.update({  # record and withdraw (issue 20)
    "{kind} {id}：{changes}，截至 {date}": "{kind} {id}: {changes}, as of {date}", "撤销第 {seq} 条更新": "withdrew update {seq}",
    "、": ", ", "--withdraw N 只与 --note 和 --user 同用，不与 {options} 同用":
        "--withdraw N goes with --note and --user only, not with {options}",
    "新项目的 id 应为非空文本，最多 {limit} 个字符": "a new project's id must be text, not blank, of at most {limit} characters",
    "erqi-tui：无法写入标准输出：{reason}": "erqi-tui: cannot write to standard output: {reason}",
})
EN.update({  # record's refusals, in the CLI's language (issue 20)
    "没有 id 为 {id} 的目标；目标的 id 有：{ids}": "no target has the id {id}; the ids are: {ids}",
    "--target 只与 --value 同用（不能同时给 --set、--new、--done、--reach、--raise、--resolve、--unit 或 --person）":
        "--target takes --value (and not --set, --new, --done, --reach, --raise, --resolve, --unit or --person)",
    "没有 id 为 {id} 的重点任务": "no task has the id {id}", "（数据文件中没有列出重点任务（[[task]]））": " (the data file lists no tasks, [[task]])",
    "--task ID 只与 --done 同用（不能同时给 --set、--value、--new、--reach、--raise、--resolve、--unit 或 --person）":
        "--task ID takes --done (and not --set, --value, --new, --reach, --raise, --resolve, --unit or --person)",
    "--reach 节点、--raise 诉求、--resolve 诉求 每次只用一个，且与 --project ID 同用（不能同时给 --set、--value、--new 或 --done）":
        "--reach STEP, --raise TEXT and --resolve TEXT each go alone with --project ID (and not --set, --value, --new or --done)",
    "--unit 和 --person 只与 --raise 同用": "--unit and --person go with --raise",
    "没有 id 为 {id} 的项目": "no project has the id {id}",
    "应为项目 {id} 一项未解决诉求的原文（{open}）": "expected the text of an open request of {id} ({open})",
    "没有": "none",
    "没有 id 为 {id} 的项目（新增项目请加 --new）": "no project has the id {id} (add one with --new)",
    "id {id} 已被占用；新项目需要新的 id": "the id {id} is taken; a new project needs a new id",
    "--project 需要一个或多个 --set 字段=值（不能同时给 --value）": "--project takes one or more --set KEY=VALUE (and not --value)",
    "--set {item}：应为 字段=值，字段为以下之一：{keys}": "--set {item}: expected KEY=VALUE with KEY one of {keys}",
    "无法写入更新记录：{error}": "cannot write the journal: {error}",
})
EN.update({"未保存图片：{path} 指向{what}，写入会覆盖数据": "Picture not saved: {path} leads to the {what}; writing it would replace the record"})
EN.update({  # the table of formats (formats.py)
    "默认：md。": "default: md. ", "；": "; ", "{name}：{what}": "{name}: {what}",
    "Markdown，用于汇报材料": "Markdown, for briefing papers",
    "独立的 HTML 页面，可在浏览器中打开、打印": "one self-contained HTML page, to open and print in a browser",
    "供 Excel 使用的 CSV（带 BOM 的 UTF-8），每个数值一行": "CSV for Excel (UTF-8 with BOM), a row per figure",
    "供脚本使用的稳定 JSON": "stable JSON for scripts",
    "某一页的 SVG 图片": "an SVG picture of a pane",
    "Excel 工作簿（数值、格式和图表）": "an Excel workbook (numbers, formats and charts)",
    "Word 简报": "a Word briefing",
})
EN.update({  # the palette, from the table of actions (ui/actions.py): its lines without the key, and the key
    "（按键 {key}）": " (key {key})", "显示第 {number} 页": "Show pane {number}", "所有按键": "Every key",
    "重新读取数据文件": "Read the data file again", "把当前页保存为 SVG": "Save this pane as SVG",
    "此后的变化从这里算起": "Changes are counted from it", "全部更新，按日期": "Every update, by date",
    "项目节点与逾期": "Project milestones and what is overdue", "各责任单位的逾期与落后": "What each responsible unit has late",
    "按方面列出重点任务": "The key tasks, by area", "退出 erqi-tui": "Quit erqi-tui",
})
EN.update({  # exports in office programs (issue 22)
    "当前值为下限或约数": "Current value is a bound", "目标值为下限或约数": "Target is a bound",
    "{label}（{unit}）": "{label} ({unit})", "{label}为下限或约数": "{label} is a bound",
    "其他单位的数值": "Figures in other units", "进程·图表": "Course charts", "以上": "or more",
    "第 &P 页，共 &N 页": "Page &P of &N",
    "各地区数值截至日期见“数值截至”列": "Each district's figures stand at the date in Figure as of",
    "较{date}持平": "unchanged since {date}", "增加": "up", "减少": "down",
    "较{date}{word}{amount}": "{word} {amount} since {date}",
    "按当前进度，年底预计完成{value}": "at the current pace {value} by the end of the year",
    "，缺口{value}": ", short by {value}", "，余下每月需完成{value}": ", needing {value} a month for the rest of it",
    "，可完成全年目标": ", reaching the year's target",
    "{label}{value}": "{label} {value}", "{name}（{unit}）": "{name} ({unit})",
    "全市{count}个地区{year}年目标推进情况": "The city's {count} districts: targets for {year}",
    "{city}{count}个地区{year}年目标推进情况": "{city}'s {count} districts: targets for {year}",
    "{month}月{day}日": "{month}/{day}", "（假设截至{year}年{month}月{day}日）": "(what if it were {year}-{month}-{day})",
    "（各地区按各自数据截至日期）": "(each district at the date of its own figures)",
    "平均超前序时进度{points}个百分点": "on average {points} pp ahead of schedule",
    "平均落后序时进度{points}个百分点": "on average {points} pp behind schedule",
    "第{rank}名{name}（截至{date}），{verdict}": "{rank}. {name} (as of {date}), {verdict}",
    "{name}最落后。": " {name} is furthest behind.", "各地区完成情况": "Each district's completion",
    "{place}{name}（截至{date}），{verdict}": "{place} {name} (as of {date}), {verdict}",
    "第{rank}名": "{rank}.", "并列第{rank}名": "{rank}= (tied)", "并列{rank}": "{rank}=", "并列": "tied, ",
    "各地区数值截至日期见“数值截至”列。": "Each district's figures stand at the date in Figure as of.",
    "每个目标：完成率（与序时进度相比 ±个百分点）。": "Each target: completion (± points against the time elapsed).",
    "按{names}与序时进度的平均差距排名：": "Ranked by the mean distance to the time elapsed on {names}: ",
    "没有可比较的共同目标。": "No shared target to compare.", "没有可排名的地区。": "No district to rank.",
    "{name}：无法读取（{problem}）。": "{name}: cannot be read ({problem}).",
    "{name}（截至{date}），{note}。": "{name} (as of {date}), {note}.",
    "svg：图片的列数和行数（默认：120x48，足以显示总览的图表）":
        "svg: the picture's columns and rows (default: 120x48, enough for the overview's chart)",
    "应为 列数x行数，如 120x40": "expected COLUMNSxROWS, such as 120x40",
    "列数应在 40 到 400 之间，行数在 10 到 200 之间": "columns between 40 and 400, rows between 10 and 200",
    "全市：{count} 个地区": "City: {count} districts",
})
EN.update({  # why a write failed (cli.write_reason)
    "是文件夹": "is a folder", "是没有程序在读取的 FIFO（命名管道）": "is a FIFO (named pipe) that no program is reading",
    "标准输出已关闭": "standard output is closed", "权限不足": "permission denied", "不允许的操作": "operation not permitted",
    "磁盘空间已满": "the disk is full", "只读的文件系统": "a read-only file system",
    "所在的文件夹不存在": "its folder does not exist", "读取的一方已关闭": "the reading end was closed",
})
EN.update({  # ledgers (issue 23): the import's table, units, districts, dates and questions
    "读取 {file} 的{sheet}，第 {row} 行为表头": "Read {file}, {sheet}: row {row} taken as the header",
    "是公式{formula}，但文件里没有存它算出的值：请在 Excel 中打开并保存后再导入":
        "is a formula{formula} saved without its value: open and save it in Excel before importing",
    "导入到 {district}（{year} 年）的数据文件 {path}": "Importing into the data file of {district} ({year}): {path}",
    "工作表“{sheet}”": "sheet “{sheet}”", "CSV": "CSV",
    "（前面的工作表 {names} 没有表格）": " (the sheets before it, {names}, hold no table)",
    "未读取的列：{names}（跨几个月的合计；已按各月的列读取）":
        "Not read: {names} (totals over several months; the months' own columns were read)",
    "未读取的列：{names}：是这几个月的数还是年初以来的累计，表头没有写明；请改用累计的列（1-9月、前三季度，"
    "或写明 三季度（累计）），或每月一列":
        "Not read: {names}: the header does not say whether these are those months' own figures or the running "
        "totals since January; use running totals (1-9月, 前三季度, or say so: 三季度（累计）) or a column per month",
    "（公式 ={formula}）": " (formula ={formula})",
    "{district}{year}年重点指标月度台账（各月当月数）": "{district} {year}: key targets, monthly ledger (each month's amount)",
    "{district}{year}年重点指标台账": "{district} {year}: key targets ledger",
    "（全角字符，按半角读作“{ident}”）": " (full-width characters, read half-width as “{ident}”)",
    "；是否是“{close}”？": "; did you mean “{close}”?", "（目标：{known}……）": " (targets: {known}…)",
    "“{ident}”{width}不是任何目标或项目的编号": "“{ident}”{width} is not the id of any target or project",
    "{given} = {shown}": "{given} = {shown}",
    "不到年度目标 {goal} 的千分之一：单位或小数点是否有误？":
        "under a thousandth of the year's target {goal}: wrong unit or decimal point?",
    "工作表名": "The sheet's name", "文件名": "The file's name",
    "这一格的引号没有配对：从引号起到文件末尾都读成了这一格；请检查这一格的引号":
        "this cell's quote is never closed: everything from it to the end of the file was read as this cell; check its quotes", "截至{date}，": "As of {date}, ",
    "检查内置的示例年度（虚构）": "check the bundled invented example year",
    "问题说明的语言（默认：zh）": "the language of the problems said (default: zh)",
    "导出内置的示例年度（虚构），每页标明示例": "export the bundled invented example year, marked as an example on every page",
    "{path} 是全市对照表，不是地区的数据文件：请给出各地区的数据文件，或它们所在的文件夹":
        "{path} is the city's table of targets, not a district's data file: give the districts' data files, or their folder",
    "没有给 --date，而今天（{today}）不在数据年度 {year} 年内：请用 --date 给出截至的日期，如 --date {example}":
        "no --date given, and today ({today}) is outside the data's year {year}: give the date the change stands at "
        "with --date, e.g. --date {example}",
    "模板是 .xlsx 工作簿：请给以 .xlsx 结尾的文件名（实为 {path}）":
        "the template is an .xlsx workbook: give a file name ending in .xlsx (not {path})",
    "{path} 已存在：模板不写在已有的文件上（它可能是填好的台账）；请另给一个文件名，或先移走它":
        "{path} exists: a template is not written over a file (it may be a filled-in ledger); give another name, or move it first",
    "与“{first}”列是同一项（{field}），不知以哪列为准：请删去一列或改其表头":
        "the same item ({field}) as the column “{first}”: which one holds it is not clear; delete one or change its header",
    "表头写明是当月数：数值列应为年初以来的累计；各月的当月数请每月一列（1月……12月）并加 --monthly":
        "the header says it is the month's own figure: the value column should be the running total since January; "
        "for each month's own figures use a column per month (1月…12月) and add --monthly",
    "{what}“{name}”写的是“{place}”，本数据文件是“{district}”的：不是本区的台账，未导入{hint}":
        "{what} “{name}” names {place}, and this data file is {district}'s: not this district's ledger, not imported{hint}",
    "；本区的表若在另一工作表，请用 --sheet 指定": "; if this district's table is on another sheet, choose it with --sheet",
    "超过年度目标 {goal} 的 {factor} 倍：单位或小数点是否有误？":
        "over {factor}× the year's target of {goal}: wrong unit or decimal point?",
    "第 {row} 行  {name}：{new}（截至 {date}）{history}": "Row {row}  {name}: {new} (as of {date}) {history}",
    "记入历史，不改变当前的 {old}（截至 {as_of}）": "joins the history; the current {old} (as of {as_of}) stays",
    "；{said}": "; {said}",
    "表头既有各月的列（{month}）又有数值列：每张表只用一种写法":
        "the header has both months' columns ({month}) and a value column: use one layout per sheet",
    "第 {row} 行的“{value}”是一个月份，读作月末 {date}": "Row {row}: “{value}” is a month, read as its last day, {date}",
    "“{ident}”是项目：每月一列的台账只填目标的数值": "“{ident}” is a project: a ledger with a column per month takes targets only",
    "“{name}”不是任何目标或项目的名称；可加一列 编号": "“{name}” is not the name of any target or project; add an id column",
    "为空：应为数值截至的日期，如 2025-09-30（或在表头上方写“填报日期：2025-09-30”）":
        "is empty: give the date the figure stands at, e.g. 2025-09-30 (or a line “填报日期：2025-09-30” above the header)",
    "应为日期，如 2025-09-30、2025/9/30、2025年9月30日，实为“{value}”":
        "expected a date such as 2025-09-30, 2025/9/30 or 2025年9月30日, got “{value}”",
    "备注有 {length} 个字，超过 {limit} 个字：请删短": "the note has {length} characters, over {limit}: shorten it",
    "“{ident}”在 {date} 的数已在第 {row} 行：同一编号同一日期只能有一行":
        "“{ident}” on {date} is already given in row {row}: one row per id and date",
    "单位前后不一：{units}；请只写一个": "the units disagree: {units}; give one",
    "是 {date} 的 {before} 的 {times} 倍：单位或小数点是否有误？":
        "{times}× the {before} of {date}: wrong unit or decimal point?",
    "表头写明是累计数，与 --monthly（各月当月数）相反：请去掉 --monthly":
        "the header says these are running totals, the opposite of --monthly (each month's amount): leave out --monthly",
    "--monthly 用于每月一列的台账（1月……12月），这张表没有月份列":
        "--monthly is for ledgers with a column per month (1月…12月); this sheet has none",
    "这一格跨了第 {first}–{last} 行：多半是引号没有配对，吞掉了后面的行；请检查这一格的引号":
        "this cell runs over lines {first}–{last}: most likely a quote never closed swallowed the rows after it; check its quotes",
    "这一行是“{place}”的，本数据文件是“{district}”的：不是本区的数据，未导入":
        "this row is of “{place}”, the data file is of “{district}”: not this district's figures, not imported",
    "单位列": "the unit column", "表头": "the header", "备注列": "the note column",
    "；累计 {total}": "; running total {total}", "当月 {amount}，累计 {total}": "month's amount {amount}, running total {total}",
    "{month}的月末 {date} 晚于今天（或不在数据年度内）：还不能填":
        "the end of {month}, {date}, is after today (or outside the data's year): it cannot be filled in yet",
    "{column}（不在数据年度 {year} 年）": "{column} (not in the data's year {year})",
    "表格标题写的是“{place}”，本数据文件是“{district}”的：不是本区的台账，未导入":
        "the sheet's title names “{place}”, the data file is of “{district}”: not this district's ledger, not imported",
    "填报日期应为日期，如 2025-09-30 或 2025年9月30日，实为“{value}”":
        "the 填报日期 should be a date such as 2025-09-30 or 2025年9月30日, got “{value}”",
    "按月填报（当月数）时，{month}为空而后面的月份有数：没有发生请填 0":
        "with each month's amount, {month} is empty while later months have figures: write 0 for a month with none",
    "{field} {question}": "{field} {question}", "应为：{names}（实为“{value}”）": "expected one of: {names} (got “{value}”)",
    "没有工作表“{sheet}”；工作簿中有：{names}": "no sheet “{sheet}”; the workbook has: {names}",
    "前 {count} 行没有表头：表头行应有 编号（或名称）列，和 数值（完成值、累计完成……）列或各月的列（1月、2025年1月……）":
        "no header in the first {count} rows: the header row names an id (or name) column and a value column "
        "(数值, 完成值, 累计完成…) or a column per month (1月, 2025年1月…)",
    "CSV 文件只有一张表，不能用 --sheet {sheet}": "a CSV file has one sheet: --sheet {sheet} does not apply",
    "工作表 {sheets} 中": "sheets {sheets}: ",
    "工作表“{sheet}”超过 {limit} 行；请删去多余的行或拆分表格": "sheet “{sheet}” has over {limit} rows; delete the rows beyond the table or split it",
    "应为数字": "expected a number", "应为不小于 0 的数字": "expected a number of at least 0",
    "请写普通数字，不要用科学计数法（或把单元格设为数值格式）": "write a plain number, not scientific notation (or make the cell a number)",
    "应为数字，如 120.5、1,234、140以上、约133": "expected a number, such as 120.5, 1,234, 140+ or ~133",
    "千位分隔符应每三位一个（如 1,234），这里的逗号不在千位上；小数点请用“.”":
        "a thousands separator groups three digits (1,234); this comma does not; write the decimal point as “.”",
    "读取台账（.xlsx 的第一张有表格的工作表，或 UTF-8/GB18030 的 .csv）：表头可在标题、填报单位/日期行之后，含 编号（或名称）和 数值（完成值、累计完成，单位可写在括号里），或每月一列（1月……12月），可选 日期、单位、备注 及项目字段（{fields}）。单位在同一量纲内换算，不同量纲拒绝；别区的台账拒绝；合计行跳过。不加 --apply 时只列出每行的改动（原值 → 新值），不写入；加 --apply 时全部记录为更新，与程序中的锁和规则相同；任何一行有误时说明行和列，以 2 退出，一条也不记录。":
        "Reads a ledger (the first sheet of an .xlsx that holds a table, or a UTF-8/GB18030 .csv): the header may "
        "follow a title and 填报单位/日期 lines, and names an id (or name) column and a value column (units may be "
        "given in brackets), or a column per month (1月…12月); optional date, unit, note and project fields ({fields}). Units "
        "convert within a dimension and are refused across; another district's ledger is refused; total rows are "
        "skipped. Without --apply, lists each row's change and writes nothing; with --apply, records them all, "
        "under the same lock and rules as the app; if any row is wrong, names its row and column, exits 2 and records none.",
    "读取这张工作表（名字，或从 1 数起的序号；默认：第一张有表格的）":
        "read this sheet (its name, or its number counted from 1; default: the first that holds a table)",
    "每月一列的台账填的是各月当月数（默认：累计数），相加为全年累计；配合 --template：生成每月一列的模板":
        "a column-per-month ledger gives each month's amount (default: running totals), summed into the year's total; "
        "with --template: write a column-per-month template",
    "跳过合计行：第 {rows} 行": "total rows skipped: {rows}",
    "{count} 行的数看来有误，未记录任何一行：核实后改正表格，或确属实情时加 --accept-outliers 记录":
        "{count} rows have figures that look wrong; nothing recorded: correct the sheet, or add --accept-outliers if they are true",
    "erqi-tui：有 {count} 行的数看来有误（见“？”）：核实后改正表格；确属实情时加 --accept-outliers 记录":
        "erqi-tui: {count} rows have figures that look wrong (see “？”): correct the sheet; if they are true, add --accept-outliers",
    "{line}  ？{question}": "{line}  ? {question}",
})
EN.update({  # red team, round two
    "名字的写法不规范（同一个字有两种编码）；请重新输入这个名字":
        "the name is written in an unusual encoding (one letter encoded two ways); type the name again",
    "记录人的名字含有不可见的字符（如方向控制符）": "the user name holds invisible characters (such as direction controls)",
})
EN.update({  # the command line's own checks, in its language
    "应为 YYYY-MM-DD 形式的日期，实为 {given}": "expected a date as YYYY-MM-DD, got {given}",
    "应为端口号，实为 {given}": "expected a port number, got {given}",
    "端口应在 1 至 65535 之间，实为 {port}": "expected a port from 1 to 65535, got {port}",
    "例如：": "Examples:",
    "应为会话数（整数），实为 {given}": "expected a whole number of sessions, got {given}",
    "会话数应在 1 至 1000 之间，实为 {count}": "expected 1 to 1000 sessions, got {count}",
    "{port} 不是端口号；应在 1 至 65535 之间": "port {port} is not a port number; expected 1 to 65535",
    "未知的主机 {host}：{error}": "unknown host {host}: {error}",
    "端口 {port} 低于 1024，需要 root 权限；请用 --port 选择 1024 以上的端口":
        "port {port} is privileged (below 1024) and needs root; choose 1024 or above with --port",
    "{host} 的端口 {port} 已被其他程序占用；请用 --port 另选一个":
        "port {port} on {host} is already in use by another program; choose another with --port",
    "{host} 不是本机的地址": "{host} is not an address of this machine",
    "无法在 {host}:{port} 监听：{error}": "cannot listen on {host}:{port}: {error}",
})
EN.update({  # the forms read figures as ledgers do (core.written)
    "请输入数字；这里不能写“无”或“—”": "type a number; “无” or “—” cannot be recorded here",
})
EN.update({  # the article and the reader (issue 25)
    "截至 {date}（序时按月末计）· ? 帮助": "As of {date} (pace at month end) · ? Help",
    "截至 {date}，{year} 年已过 {share}（序时进度，按月末计，图中 ┃ 处）":
        "As of {date}, {share} of {year} has passed (time-elapsed share at the month's end, ┃ in the bars)",
    "截至 {date}，{year} 年已过 {share}（序时进度，按月末计）":
        "As of {date}, {share} of {year} has passed (time-elapsed share at the month's end)",
    "（按月末计；按{month}月初计为{verdict}）": "(at the end of {month}; at its start it would be {verdict})",
    "逾期未报": "Due, not reported",
    "{name}（计划 {when}，按 {date} 计）": "{name} (planned {when}, judged at {date})",
    "{name} 逾期未报（计划 {when}）": "{name} due, not reported (planned {when})",
    "{name} {when} ✓（晚于计划 {planned}）": "{name} {when} ✓ (later than planned, {planned})",
    "挂图作战：项目节点（● 已完成 ○ 计划 ✗ 逾期未报 ◂▸ 上年/下年 │ 按 {date} 计）":
        "Wall chart: project milestones (● done ○ planned ✗ due, not reported ◂▸ year before/after │ judged at {date})",
    "{stage}：计入的项目": "{stage}: the projects counted",
    "数据文件没有列明计入这一数字的项目（counts_for）": "The data file names no project counted in this figure (counts_for)",
    "原文：": "Source: ",
    "计划 {goal}": "Planned {goal}",
    "随附的数据文件只读：它是文章里的真实数字。要记录更新或标记简报，请复制数据文件，再用 erqi-tui --data 文件 打开。":
        "The bundled data file is read-only: it holds an article's real figures. To record updates or mark a "
        "briefing, copy the data file and open it with erqi-tui --data FILE.",
    "示例（虚构）数据只读。要试着记录，请把 {file} 和 {journal} 一起复制到别处，再用 erqi-tui --data 副本 打开。":
        "The example (invented) data is read-only. To try recording, copy {file} together with {journal} "
        "elsewhere and open the copy with erqi-tui --data COPY.",
    "只读：这里不能记录更新，也不能标记简报。": "Read-only: updates cannot be recorded here, nor briefings marked.",
    "不能标记简报": "Cannot mark a briefing",
    "erqi-tui：随附的数据文件是文章里的真实数字，只读，不能标记简报；请复制数据文件，再用 --data 文件":
        "erqi-tui: the bundled data file holds an article's real figures and is read-only; no briefing can be "
        "marked on it; copy the data file and use --data FILE",
    "erqi-tui：随附的示例（虚构）数据只读；请复制数据文件，再用 --data 文件":
        "erqi-tui: the bundled invented example (示例（虚构）) is read-only; copy the data file and use --data FILE",
    "erqi-tui：随附的数据文件是文章里的真实数字，只读；请复制数据文件，再用 --data 文件":
        "erqi-tui: the bundled data file holds an article's real figures and is read-only; copy the data file "
        "and use --data FILE",
    "上一行": "Previous row", "下一行": "Next row", "表格": "Tables", "导出图片": "Export picture", "只读时": "When read-only",
})
EN.update({  # the city (issue 24)
    "{file}：应只有 [[indicator]] 表": "{file}: expected only [[indicator]] tables",
    "{file}：第 {number} 个 [[indicator]] 应有 name（文字），以及 ids、names（文字的列表）":
        "{file}: [[indicator]] number {number} needs a name (text), and ids and names (lists of text)",
    "{name}（{file}）": "{name} ({file})",
    "全市导出的是各地区的比较，没有页面之分：请去掉 --pane（某地区的页面：--data 它的文件 --pane …）":
        "the city's export is the districts' comparison, with no panes: leave out --pane (a district's pane: "
        "--data ITS_FILE --pane …)",
    "--as-of {date} 不在数据的年度（{year} 年）内：序时进度按这一年算":
        "--as-of {date} is outside the data's year ({year}): the time elapsed is reckoned within that year",
    "文件已损坏，或不是 .xlsx 工作簿（不是 zip 压缩包）：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入":
        "the file is damaged, or not an .xlsx workbook (not a zip archive): open it in Excel or WPS, save it as "
        ".xlsx and import that",
    "第 {row} 行写明“{period}”：数值截至 {date}（第 {filed_row} 行的 {filed} 是填报的日子）":
        "row {row} says “{period}”: the figures stand at {date} ({filed} in row {filed_row} is the day the sheet was filed)",
    "--mark 标记的是一个地区的简报：全市的导出不标记；请对各地区的文件分别 export --mark":
        "--mark marks one district's briefing: the city's export marks none; export --mark each district's file",
    "“{column}”的 {amount} 正是 {date} 已有的累计数：这一行像是累计数，若是请去掉 --monthly":
        "“{column}”'s {amount} is the running total already in force at {date}: the row looks like running totals; "
        "if so, leave out --monthly",
    "{names}进度未知": "progress unknown: {names}", "⚠ 标出最落后的地区。": "⚠ marks the district furthest behind.",
    "仅 {basis} 项可比（全市共同目标 {common} 项），排在后面":
        "compared on {basis} only (the city shares {common}): ranked after the rest",
    "数据比最新的地区早 {days} 天": "figures {days} days older than the newest district's",
    "{count} 个地区排名": "{count} ranked", "{count} 个不参与比较": "{count} not compared",
    "{count} 个无法读取": "{count} unreadable", "全市：{counts}": "City: {counts}",
    "与 {file} 同为 {name} {year} 年的数据，只按其中较新的一份排名":
        "{name}'s {year} again, as in {file}: ranked once, by the newer of the two", "{city}：{counts}": "{city}: {counts}",
    "【假设截至 {date}（--as-of），非实际进度】": "[what-if: as of {date} (--as-of), not the actual progress]",
    "{name}（按{hows}）": "{name} (by {hows})",
    "{name}←{ident}（按{how}）": "{name} ← {ident} (by {how})", "其余按编号": "the rest by id",
    "都按编号对应": "all matched by id", "没有：{names}": "lacks: {names}",
    "截至": "As of", "可比": "Basis", "平均": "Mean", "最落后的目标": "Furthest behind", "{count} 项": "{count}",
    "/ 筛选 · Enter 打开 · r 重新载入 · x 导出 · ? 帮助 · q 退出":
        "/ filter · Enter open · r reload · x export · ? help · q quit",
    "按地区或文件名筛选…": "Filter by district or file…",
    "共同目标{count}项：{names}": "{count} shared targets: {names}",
    "{mark} 最落后：{name} · ": "{mark} furthest behind: {name} · ",
    "；全市对照表有误：{problem}": "; the city's table has a problem: {problem}",
    "{file}：无法读取：{problem}": "{file}: cannot be read: {problem}",
    "{label}（{file}）截至 {date}": "{label} ({file}) as of {date}",
    "第 {rank} 名，平均 {score}，依据 {basis} 项": "ranked {rank}, mean {score}, on {basis} targets",
    "已重新载入 {count} 个文件": "Reloaded {count} files",
    "导出全市图片": "Export the city as a picture",
    "每个目标：完成率，与序时进度相比 ±个百分点。": "Each target: completion, ± pp against the time elapsed. ",
    "（滞后）": " (stale)", "{count} 项可比": "compared on {count}", "年度": "Year", "文件": "File",
    "未计入：无法读取：{problem}": "left out: cannot be read: {problem}",
    "erqi-tui：未计入 {path}：{problem}": "erqi-tui: left out {path}: {problem}",
})
EN.update({"（截至{year}年{month}月）": "(as of {month} {year})",
           "{year} 年已过 {share}（序时进度，按月末计）。": "{share} of {year} has passed (time-elapsed share, at the month's end)."})  # a briefing whose source gives only the month
EN.update({  # the pipeline's own words and the initiatives in every export
    "举措（文章未给数字）": "Initiatives (no figure given)", "举措": "Initiative", "内容": "What", "举措：": "Initiatives: ",
    "：": ": ", "（{what}）": " ({what})", "项目范围": "Projects counted",
})
EN.update({"主题已保存在设置中，下次启动仍用它：{path}": "The theme is kept in the settings for the next start: {path}"})
EN.update({  # 全市's own views (d 动态, g 挂图, u 督办 across districts)
    "全部": "all", "简报 {date}": "briefing {date}", "今天": "today", "{days} 天前": "{days} days ago",
    "起算": "Since", "距今": "Ago",
    "全市动态：各地区自上次简报以来的更新，最近的在前": "City changes since each district's last briefing, newest first",
    "{count} 条更新，来自 {districts}（没有简报的地区列出全部）":
        "{count} updates from {districts} (all of a district with no briefing)",
    "{count} 个地区": "{count} districts",
    "各地区自上次简报以来都没有更新": "No district has an update since its last briefing",
    "按地区、目标、项目或记录人筛选…": "Filter by district, target, project or who…",
    "/ 筛选 · Enter 打开地区 · x 导出 · Esc 返回全市": "/ filter · Enter open the district · x export · Esc back to the city",
    "全市挂图：各地区的逾期节点，按地区": "City wall chart: every district's overdue steps, by district",
    "● 已完成  ○ 计划  ✗ 逾期未报  ◂▸ 上年/下年  │ 该地区的日期  · ← → 移动月份":
        "● done  ○ planned  ✗ due, not reported  ◂▸ year before/after  │ its district's date  · ← → move the months",
    "地区 · 项目": "District · project", "{district} · {project}": "{district} · {project}",
    "{count} 个项目 {steps}，在 {districts}": "{count} projects with {steps}, in {districts}",
    "{count} 个节点逾期": "{count} overdue steps",
    "（共 {count} 个项目列有节点）": " ({count} projects list steps in all)",
    "{count} 个有节点的项目都没有逾期": "None of the {count} projects with steps is overdue",
    "按地区、项目、单位或节点筛选…": "Filter by district, project, unit or step…",
    "全市督办：各地区责任单位的逾期与未办事项": "City supervision: each district's units with what is late or open",
    "{count} 个单位有逾期、未办或落后事项，在 {districts}":
        "{count} units with something late, open or behind, in {districts}",
    "各地区都没有逾期的节点或任务、未办的诉求或落后于序时进度的目标":
        "No district has an overdue step or task, an open request or a target behind the time elapsed",
    "按地区或单位筛选…": "Filter by district or unit…",
    "/ 筛选 · Enter 明细 · x 导出 · Esc 返回全市": "/ filter · Enter items · x export · Esc back to the city",
    "督办：{district} · {unit}": "Supervision: {district} · {unit}",
    "；{count} 个文件无法读取，未列入": "; left out, unreadable: {count}",
    "/ 筛选 · Enter 打开 · d 动态 · g 挂图 · u 督办 · x 导出 · ? 帮助":
        "/ filter · Enter open · d changes · g wall · u units · x export · ? help",
    "动态：各地区的更新": "Changes: every district's updates", "挂图：各地区的逾期节点": "Wall chart: every district's overdue steps",
    "督办：各地区的责任单位": "Supervision: every district's responsible units", "返回全市": "Back to the city",
    "全市动态": "City changes", "全市挂图": "City wall chart", "全市督办": "City supervision",
    "读取中…": "reading…", "{count} 个读取中": "{count} being read", "{file}：读取中…": "{file}: reading…",
    "正在读取其余 {count} 个地区…": "Reading the other {count} districts…",
})
EN.update({  # the city, round two
    "排名：本年度各共同目标的完成率与序时进度之差（个百分点）取平均，与单位无关；"
    "完成率超过目标10倍、或超过目标且超过全市中位数10倍的为数值可疑，不计入；"
    "目标依次按全市对照表、编号、相同名称对应；可比目标不足共同目标一半的排在后面。":
        "Ranking: the mean of completion minus the time elapsed (points) over the year's shared targets, "
        "whatever their unit; a completion over 10 times its goal, or over its goal and 10 times the city's "
        "median, is implausible and left out; targets match by the city's table, then id, then name; a "
        "district compared on under half of them is ranked after the rest.",
    "完成率 {share}，超过目标 {times} 倍": "completion {share}, over {times} times the goal",
    "完成率 {share}，超过全市中位数 {median} 的 {times} 倍":
        "completion {share}, over {times} times the city's median of {median}",
    "{name} {why}": "{name} {why}",
    "数值可疑，未计入平均：{what}": "implausible, left out of the mean: {what}",
    "{count} 项（{suspect} 项数值可疑未计入）": "{count} ({suspect} implausible left out)",
    "{share} 数值可疑": "{share} implausible", "{share}（数值可疑）": "{share} (implausible)",
    "{basis}可比": "compared on {basis}",
    "假设": "What-if", "假设截至 {date}（--as-of），非实际进度": "what-if: as of {date} (--as-of), not the actual progress",
    "{kind} {key} 同时归入“{first}”（{first_file}）和“{second}”（{second_file}），两者都不采用":
        "{kind} {key} is given to both “{first}” ({first_file}) and “{second}” ({second_file}): neither is used",
    "erqi-tui：全市对照表有误：{problem}": "erqi-tui: the city's table has a problem: {problem}",
    "要检查的数据文件或文件夹，可给多个（默认：--data 或内置数据）":
        "the data file to check; several, or a folder, may be given (default: --data or the bundled data)",
    "要检查的数据文件或文件夹，可重复": "a data file or folder to check; may be repeated",
    "在地区间移动": "Move between districts", "滚动各目标的列": "Scroll the targets' columns",
    "打开该地区（其中 Esc 回到全市）": "Open that district (Esc there comes back to the city)",
})
EN.update({  # ledgers, round two
    "第 {row} 行写明“{written}”：没有注明单位的数按{unit}读":
        "Row {row} says “{written}”: figures with no unit of their own are read in {unit}",
    "第 {row} 行写明“{written}”：没有注明单位的金额按{unit}读":
        "Row {row} says “{written}”: sums of money with no unit of their own are read in {unit}",
    "第 {row} 行写明“{written}”：没有注明单位的面积按{unit}读":
        "Row {row} says “{written}”: areas with no unit of their own are read in {unit}",
    "（第 {row} 行写明“{written}”）": " (row {row} says “{written}”)",
    "单位是“{given}”{where}，而“{unit}”不能由它换算：请按{unit}填写，或改正单位":
        "the unit is “{given}”{where}, which does not convert into “{unit}”: write it in {unit}, or correct the unit",
    "是否把 {percent}% 写成了 {fraction}？": "was {percent}% written as {fraction}?",
    "{date} 已有 {old}，新填的是 {new}：以哪个为准？": "{date} already has {old}, the new figure is {new}: which holds?",
    "比 {date} 的 {before} 少：全年累计数一般只增不减，是否填成了当月数？":
        "below the {before} of {date}: a figure for the year so far does not usually fall; is it one month's own?",
    "（隐藏的 {columns} 列不读：表格里看不到的不导入；要导入请取消隐藏）":
        " (hidden columns {columns} are not read: what the sheet does not show is not imported; unhide them to import them)",
    "（跳过隐藏的 {columns} 列：表格里看不到的不导入）": " (hidden columns {columns} skipped: what the sheet does not show is not imported)",
    "（跳过隐藏的第 {rows} 行：表格里看不到的不导入）": " (hidden rows {rows} skipped: what the sheet does not show is not imported)",
    "“{name}”是 {named} 的名称，而这一行的编号 {ident} 是“{own}”：编号与名称不符，请核对这一行":
        "“{name}” is the name of {named}, but this row's id {ident} is “{own}”: the id and the name disagree; check the row",
    "是其他项目中最大的 {largest}（{name}）的 {times} 倍：单位或小数点是否有误？":
        "{times}× the largest any other project gives, {largest} ({name}): wrong unit or decimal point?",
    "未读取的列：“{date}”：按月份的列，数值截至各月月末（{month}：{last}）":
        "column not read: “{date}”: by the months' columns, each figure stands at its month's end ({month}: {last})",
    "{month} 月末": "the end of month {month}",
    "是日期，不是数字：这一格多半设成了日期格式；请改为数值格式，再填数字":
        "is a date, not a number: the cell is most likely formatted as a date; format it as a number and type the figure again",
    "这一行重复了表头的“{title}”：表头像是占了两行（合并的单元格，如“完成情况”下分“本月”“累计”）；请把表头改成一行，每列一个名称，如“累计完成”":
        "this row repeats the header's “{title}”: the header seems to take two rows (merged cells, as 完成情况 over "
        "本月 and 累计); make it one row, one name a column, such as 累计完成",
    "各月数值有减少：这一行像是当月数，若是请加 --monthly":
        "the months' figures go down: this row looks like each month's amount; if so, add --monthly",
    "各月数值从不减少，加起来是 {total}：这一行像是累计数，若是请去掉 --monthly":
        "the months' figures never go down and add up to {total}: this row looks like running totals; if so, drop --monthly",
    "第 {row} 行的数值是与上一行合并的单元格；请拆分后每行填写":
        "row {row}'s figure is a cell merged with the row above: unmerge it and fill in each row",
    "（跳过隐藏的工作表 {names}）": " (hidden sheets {names} skipped)", "（这是隐藏的工作表）": " (a hidden sheet)",
    "数字中间有空格：请删去空格（或改正为一个数）": "a space between digits: remove it (or correct it to one number)",
    "个数应为整数（{unit}）": "a count is a whole number ({unit})",
    "个数应为整数（{unit}），实为“{value}”": "a count is a whole number ({unit}), not “{value}”",
    "记录看来有误的数（与当前数相差 10 倍以上、超过目标的 10 倍、百分数像是写成了小数、与同一日期已有的数不同、"
    "每月一列的行像是把当月数和累计数弄反），确属实情时用":
        "record figures that look wrong (over 10× off the current one or over 10× the target, a percent that looks "
        "written as a fraction, a figure other than the one in force on its date, a monthly row that looks read the "
        "wrong way round) when they are true",
})

# The screens of issue 25: the wall chart's legend and steps, the cards' bounds and changes.
EN.update({
    "挂图作战：项目节点（按 {date} 计）": "Wall chart: project milestones (judged at {date})",
    "● 已完成  ○ 计划  ✗ 逾期未报  ◂▸ 上年/下年  │ {date}  · ← → 移动月份":
        "● done  ○ planned  ✗ due, not reported  ◂▸ year before/after  │ {date}  · ← → move the months",
    "较简报 {change}": "vs briefing {change}", "余下 {months} 个月需": "Needed by year-end ({months} months)",
    "余下所需": "Still needed", "，余下{months}个月需完成{value}": ", needing {value} in the {months} months left",
    "余下月数": "Months left", "余下月数内共需": "Needed in the months left",
    "年底预计为": "Year-end est. is", "缺口与所需为": "Shortfall and need are",
    "假设截至 {date}（--as-of）": "what if: {date} (--as-of)", "假设截至 {date}": "what if: {date}",
    "{district} {year} 年目标": "{district}: targets for {year}", "{year} 年目标": "Targets for {year}", "截至 {date}（序时按月末计）": "As of {date} (pace at month end)",
})

# The singular of what EN says with a {count}, for a count of 1 (Lang.tr): "1 unit", not "1 units".
ONE = {
    "没有可撤销的第 {seq} 条更新（更新记录共 {count} 条；撤销记录本身不能再撤销）":
        "there is no update {seq} to withdraw (the journal holds {count} entry; withdrawals themselves "
        "cannot be withdrawn)",
    "余下 {months} 个月需": "Needed by year-end ({months} month)",
    "，余下{months}个月需完成{value}": ", needing {value} in the {months} month left",
    "另有 {count} 个项目（见 5 重点项目）": "{count} more project (see 5 Projects)",
    "另有 {count} 个项目未标明所在发展轴（见 5 重点项目）": "{count} more project has no axis (see 5 Projects)",
    "（另有 {count} 个项目未列节点）": " ({count} more project lists none)",
    "另有 {count} 个逾期节点：按 g 看挂图作战": "{count} more overdue step: g shows the wall chart",
    "{count} 个单位有逾期或落后事项": "{count} unit with something late",
    "{count} 个单位有逾期、未办或落后事项": "{count} unit with items late, open or behind",
    # 全市's counts: each plural its own {count} ("1 district", "2 districts")
    "{count} 个单位有逾期、未办或落后事项，在 {districts}": "{count} unit with something late, open or behind, in {districts}",
    "{count} 条更新，来自 {districts}（没有简报的地区列出全部）":
        "{count} update from {districts} (all of a district with no briefing)",
    "{count} 个地区": "{count} district",
    "{count} 个项目 {steps}，在 {districts}": "{count} project with {steps}, in {districts}",
    "{count} 个节点逾期": "{count} overdue step",
    "已列明 {count} 个项目": "{count} project named",
    "{count} 个项目": "{count} project",
    "（另 {count} 个项目的投资单位不同）": " ({count} more in another unit)",
    "另有 {count} 个项目，见 Excel 导出": "{count} more project: see the Excel export",
    "跳过 {count} 行（没有改动）": "{count} row skipped (nothing to change)",
    "erqi-tui：已记录 {count} 条更新（第 {first}–{last} 条，{who}）；更新记录 {journal}":
        "erqi-tui: recorded {count} update (number {first}, {who}); journal {journal}",
    "erqi-tui：以上 {count} 条更新尚未记录；确认无误后加 --apply 记录（全部记录，或一条也不记录）":
        "erqi-tui: the update above is not recorded yet; once it is right, add --apply",
    "{count} 行的数看来有误，未记录任何一行：核实后改正表格，或确属实情时加 --accept-outliers 记录":
        "{count} row has a figure that looks wrong; nothing recorded: correct the sheet, or add --accept-outliers if it is true",
    "erqi-tui：有 {count} 行的数看来有误（见“？”）：核实后改正表格；确属实情时加 --accept-outliers 记录":
        "erqi-tui: {count} row has a figure that looks wrong (see “？”): correct the sheet; if it is true, add --accept-outliers",
    "已重新载入 {count} 个文件": "Reloaded {count} file",
    "（共 {count} 个项目列有节点）": " ({count} project lists steps in all)",
    "{count} 个有节点的项目都没有逾期": "The {count} project with steps is not overdue",
    "共同目标{count}项：{names}": "{count} shared target: {names}",
}

# The fields' labels (状态, 项目名称, 占地（如 133 亩）…) have their English in the table of fields,
# core/fields.py, beside the Chinese: tr finds them here.
from .fields import english_labels  # noqa: E402

for _zh, _en in english_labels().items():
    EN.setdefault(_zh, _en)
EN.update({  # a folder shared by several officials
    "权限不足：文件夹 {folder} 设有粘滞位（sticky bit），只有文件的所有者能替换其中的文件；"
    "几个人共用的文件夹请由管理员去掉粘滞位（chmod -t）":
        "permission denied: the folder {folder} has the sticky bit, so only a file's owner may replace it; "
        "for a folder several people share, ask the administrator to remove it (chmod -t)",
    "权限不足（{file}）：几个人共用一个文件夹时，文件夹和其中的文件须对大家可写"
    "（请管理员设为组可写：chmod -R g+w，并让大家使用 umask 002）":
        "permission denied ({file}): when several people share a folder, it and its files must be writable "
        "by all of them (ask the administrator to make them group-writable, chmod -R g+w, and everyone to "
        "use umask 002)",
})
EN.update({"{path} 是一个已有的 TOML 文件（可能是另一个地区的数据文件或更新记录），不能写入导出内容（会覆盖数据）；请另给一个文件名":
           "{path} is an existing TOML file (perhaps another district's data file or journal): an export may not "
           "be written over it; give another file name"})
EN.update({"{path}：{problem}": "{path}: {problem}", "{where}：name：{problem}": "{where}: name: {problem}"})
EN.update({"没有匹配“{query}”的命令": "No command matches “{query}”"})
EN.update({"指标或项目": "Target or project"})
EN.update({"（{source}）": " ({source})"})
EN.update({"erqi-tui：正在读取 {name}（{size:.1f} MB）… {seconds:.0f} 秒": "erqi-tui: reading {name} ({size:.1f} MB)… {seconds:.0f} s"})
EN.update({  # record asks what the form and import ask of a figure
    "{question}核实后改正；确属实情时加 --accept-outliers 记录":
        "{question} Check and correct it; if it is right, add --accept-outliers to record it",
    "配合 --target：记录看来有误的数（与当前数相差 10 倍以上、超过目标的 10 倍、百分数像是写成了小数、与同一日期已有的数不同），确属实情时用":
        "with --target: record a figure that looks wrong (10 times off the current one or more, over 10 times the "
        "target, a percent that looks written as a fraction, another figure on the same date) when it is right",
})
