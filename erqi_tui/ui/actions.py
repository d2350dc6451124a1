"""One table of actions: every key of the app, its panes, screens and widgets, with the id the
settings remap it by, whether it records an update, its line in the key bar and the help, and its
entry in the command palette. The bindings, the help, the palette (with the keys as remapped) and
what a read-only session leaves out all derive from it."""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding

from ..core.model import PANE_TITLES


class Action(NamedTuple):
    scope: str  # "app", or the pane, screen or widget whose BINDINGS hold it
    id: str  # the binding id: what the settings' [keys] table remaps
    key: str  # Textual's name of the default key; "" for a palette entry with no key
    action: str  # the Textual action it runs
    label: str  # in the key bar and the help, in Chinese (shown through tr)
    recording: bool = False  # records an update: not offered in a read-only session
    show: bool = True  # in the key bar
    key_display: str | None = None
    palette: str = ""  # its title in the command palette ("": not there)
    palette_help: str = ""  # the palette's line under it (the key is added as it is mapped now)


ACTIONS: tuple[Action, ...] = (
    *(Action("app", f"pane.{pane_id}", str(n), f"show_pane('{pane_id}')", f"切换到{title}", show=False)
      for n, (pane_id, title) in enumerate(PANE_TITLES.items(), start=1)),
    Action("app", "help", "question_mark", "help", "帮助", key_display="?", palette="帮助", palette_help="所有按键"),
    Action("app", "reload", "r", "reload", "重新载入", palette="重新载入数据", palette_help="重新读取数据文件"),
    Action("app", "export", "x", "export_pane", "导出本页", palette="导出本页图片", palette_help="把当前页保存为 SVG"),
    Action("app", "briefing", "b", "mark_briefing", "标记简报", recording=True, show=False, palette="标记简报",
           palette_help="此后的变化从这里算起"),
    Action("app", "changes", "d", "show_changes", "动态", palette="动态", palette_help="全部更新，按日期"),
    Action("app", "wall", "g", "show_wall", "挂图", palette="挂图作战", palette_help="项目节点与逾期"),
    Action("app", "supervision", "u", "show_supervision", "督办", palette="督办", palette_help="各责任单位的逾期与落后"),
    Action("app", "tasks", "t", "show_tasks", "重点任务", show=False, palette="重点任务",
           palette_help="按方面列出重点任务"),
    Action("app", "lang", "l", "toggle_lang", "English", palette="切换语言", palette_help="中文 / English"),
    Action("app", "theme", "", "change_theme", "", palette="主题", palette_help="选择配色主题"),
    Action("app", "quit", "q", "quit", "退出", palette="退出", palette_help="退出 erqi-tui"),
    Action("app", "city", "escape", "show_city", "回到全市（打开多个地区时）", show=False),
    # In a read-only session the keys that record are not offered; pressed anyway, they say why.
    # (No label: the help of a read-only session says so in its note; e is not a key to learn.)
    Action("read-only", "read_only.edit", "e", "explain_read_only('edit')", "", show=False),
    # Every table: the arrows, and j / k as in htop, k9s and lazygit (g / G are taken: g is 挂图).
    # (The help lists j / k; the arrows, PgUp PgDn, Home End and Enter go without saying.)
    Action("table", "table.up", "up", "cursor(-1)", "", show=False),
    Action("table", "table.down", "down", "cursor(1)", "", show=False),
    Action("table", "table.k", "k", "cursor(-1)", "上一行", show=False),
    Action("table", "table.j", "j", "cursor(1)", "下一行", show=False),
    Action("table", "table.pageup", "pageup", "page(-1)", "", show=False),
    Action("table", "table.pagedown", "pagedown", "page(1)", "", show=False),
    Action("table", "table.home", "home", "cursor_to(0)", "", show=False),
    Action("table", "table.end", "end", "cursor_to(-1)", "", show=False),
    Action("table", "table.select", "enter", "select", "", show=False),
    Action("target", "target.edit", "e", "edit", "更新数值", recording=True),
    Action("target", "target.history", "h", "history", "历史"),
    Action("target", "target.projects", "p", "projects", "计入的项目"),
    Action("project-table", "projects.edit", "e", "edit", "更新项目", recording=True),
    Action("project-table", "projects.history", "h", "history", "历史"),
    Action("projects", "projects.filter", "slash", "filter", "筛选"),
    Action("projects", "projects.new", "n", "new_project", "新增项目", recording=True),
    Action("projects", "projects.sort", "s", "sort_next", "排序列"),
    Action("projects", "projects.sort_reverse", "S", "sort_reverse", "反向排序"),
    Action("projects", "projects.back", "escape", "back", "返回表格/清除筛选", show=False),
    Action("history", "history.close", "escape", "dismiss", "关闭"),
    Action("history", "history.up", "up", "move(-1)", "", show=False),
    Action("history", "history.down", "down", "move(1)", "", show=False),
    Action("history", "history.k", "k", "move(-1)", "", show=False),
    Action("history", "history.j", "j", "move(1)", "", show=False),
    Action("history", "history.withdraw", "w", "withdraw", "撤销所选更新", recording=True),
    Action("detail", "detail.close", "escape", "dismiss", "关闭"),
    Action("detail", "detail.reach", "m", "record('milestone')", "节点完成", recording=True),
    Action("detail", "detail.raise", "a", "record('request')", "提出诉求", recording=True),
    Action("detail", "detail.resolve", "v", "record('resolve')", "诉求办结", recording=True),
    Action("help", "help.close", "escape", "dismiss", "关闭"),
    Action("help", "help.close2", "question_mark", "dismiss", "关闭", show=False),
    Action("form", "form.cancel", "escape", "cancel", "取消"),
    Action("drillbox", "drill.open", "enter", "drill", "查看项目"),
    Action("city", "city.clear", "escape", "close", "清除筛选", show=False),
    Action("city", "city.filter", "slash", "focus_filter", "筛选", key_display="/"),
    # 全市 is modal: the app's keys do not reach through it, so it binds those that apply to it.
    Action("city", "city.reload", "r", "reload", "重新载入"),
    Action("city", "city.help", "question_mark", "help", "帮助", key_display="?"),
    Action("city", "city.export", "x", "export", "导出全市图片"),
    Action("city", "city.changes", "d", "show_changes", "动态：各地区的更新", show=False),
    Action("city", "city.wall", "g", "show_wall", "挂图：各地区的逾期节点", show=False),
    Action("city", "city.supervision", "u", "show_supervision", "督办：各地区的责任单位", show=False),
    Action("city", "city.quit", "q", "app.quit", "退出", show=False),
    Action("city", "city.lang", "l", "app.toggle_lang", "English", show=False),
    # 全市's own views: modal like 全市, so each binds its x and ? (ids city.*: only with several districts).
    *(a for scope in ("city-changes", "city-wall", "city-supervision") for a in (
        Action(scope, f"city.{scope[5:]}.close", "escape", "close", "返回全市"),
        Action(scope, f"city.{scope[5:]}.filter", "slash", "focus_filter", "筛选", key_display="/"),
        Action(scope, f"city.{scope[5:]}.export", "x", "export", "导出图片"),
        Action(scope, f"city.{scope[5:]}.help", "question_mark", "help", "帮助", key_display="?"))),
    Action("changes", "changes.close", "escape", "close", "关闭"),
    Action("changes", "changes.filter", "slash", "focus_filter", "筛选", key_display="/"),
    Action("wall", "wall.close", "escape", "close", "关闭"),
    Action("wall", "wall.filter", "slash", "focus_filter", "筛选", key_display="/"),
    Action("wall", "wall.sort", "s", "next_order", "排序"),
    # 挂图 and 督办 are modal: the app's x does not reach through, so each binds its own.
    Action("wall", "wall.export", "x", "app.export_pane", "导出图片"),
    Action("supervision", "supervision.close", "escape", "close", "关闭"),
    Action("supervision", "supervision.filter", "slash", "focus_filter", "筛选", key_display="/"),
    Action("supervision", "supervision.requests", "r", "requests", "企业诉求"),
    Action("supervision", "supervision.export", "x", "app.export_pane", "导出图片"),
    Action("unit", "unit.close", "escape", "close", "关闭"),
    Action("unit", "unit.filter", "slash", "focus_filter", "筛选", key_display="/"),
    Action("requests", "requests.close", "escape", "close", "关闭"),
    Action("requests", "requests.filter", "slash", "focus_filter", "筛选", key_display="/"),
    Action("drill", "drill.close", "escape", "close", "关闭"),
    Action("drill", "drill.filter", "slash", "focus_filter", "筛选", key_display="/"),
    Action("tasks", "tasks.close", "escape", "close", "关闭"),
    Action("tasks", "tasks.filter", "slash", "focus_filter", "筛选", key_display="/"),
)

# Where each scope's keys work, as the help screen heads them, in its order (the help's own keys,
# and the key bar's, are remappable but not listed).
HELP_SCOPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("全局", ("app",)), ("目标卡片", ("target",)), ("项目推进、发展轴", ("drillbox",)),
    ("重点项目", ("projects", "project-table")), ("项目详情", ("detail",)), ("更新表单", ("form",)),
    ("历史记录", ("history",)), ("动态", ("changes",)), ("挂图作战", ("wall",)), ("督办", ("supervision",)),
    ("督办明细", ("unit",)), ("企业诉求", ("requests",)), ("重点任务", ("tasks",)), ("项目清单", ("drill",)),
    ("全市", ("city",)), ("全市动态", ("city-changes",)), ("全市挂图", ("city-wall",)),
    ("全市督办", ("city-supervision",)), ("表格", ("table",)), ("只读时", ("read-only",)),
)

RECORDING = frozenset(a.id for a in ACTIONS if a.recording)  # left out of a read-only session
BY_ID = {a.id: a for a in ACTIONS}


def bindings(scope: str) -> list[Binding]:
    """The BINDINGS of `scope`, as the table gives them."""
    return [Binding(a.key, a.action, a.label, id=a.id, show=a.show, key_display=a.key_display)
            for a in ACTIONS if a.scope == scope and a.key]


def help_scopes() -> list[tuple[str, list[Binding]]]:
    """Every binding the help lists, by where it works (HELP_SCOPES)."""
    return [(label, [b for scope in scopes for b in bindings(scope)]) for label, scopes in HELP_SCOPES]


def remappable() -> set[str]:
    """The ids a user may remap in the settings' [keys]: every key of the table."""
    return {a.id for a in ACTIONS if a.key}


def palette_entries() -> list[Action]:
    """The actions the command palette offers, in the table's order."""
    return [a for a in ACTIONS if a.palette]
