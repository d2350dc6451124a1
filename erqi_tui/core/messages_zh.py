"""The problems' messages in Chinese. The validator writes them in English (the words tests and
scripts read); what a person sees in the Chinese UI and command line passes through `chinese`, a
table of the message forms, most specific first. A message of no known form stays as written."""

from __future__ import annotations

import re

# (English form as a regular expression, Chinese with {1}, {2}… for the groups), matched whole.
FORMS: list[tuple[str, str]] = [
    (r"TOML syntax: (.*) \((.*)\)", "TOML 语法错误：{1}（{2}）"),
    (r"TOML syntax: (.*)", "TOML 语法错误：{1}"),
    (r"is nested deeper than a data file needs \(.*\)", "嵌套层数远超数据文件所需（数组或内联表层层相套，达数百层）"),
    (r"holds a number of thousands of digits; expected numbers of at most (\S+)", "含有长达数千位的数字；数值应不超过 {1}"),
    (r"expected a table, got (.*)", "应为表，实为 {1}"),
    (r"expected \[\[(.*)\]\] entries, got (.*)", "应为 [[{1}]] 条目，实为 {2}"),
    (r"unknown key; expected one of: (.*)", "未知的键；应为以下之一：{1}"),
    (r"missing; expected text", "缺少；应为文本"),
    (r"expected text in quotes, got (.*)", "应为加引号的文本，实为 {1}"),
    (r"is empty; expected text", "为空；应为文本"),
    (r"is (\d+) characters long; expected at most (\d+)", "长 {1} 个字符；最多 {2} 个"),
    (r"expected true or false, got (.*)", "应为 true 或 false，实为 {1}"),
    (r"missing; expected a number ≥ 0", "缺少；应为不小于 0 的数字"),
    (r"expected a number ≥ 0, got (.*)", "应为不小于 0 的数字，实为 {1}"),
    (r"expected a finite number ≥ 0, got (.*)", "应为有限的、不小于 0 的数字，实为 {1}"),
    (r"is too large to compute with; expected at most (\S+), got (.*)", "数值过大，无法计算；最多 {1}，实为 {2}"),
    (r"missing; expected a date like 2024-05-31 \(no quotes\)", "缺少；应为日期，如 2024-05-31（不加引号）"),
    (r"expected a date like 2024-05-31 \(no quotes\), got (.*)", "应为日期，如 2024-05-31（不加引号），实为 {1}"),
    (r"expected a date between 1900 and 2200, got (.*)", "日期应在 1900 至 2200 年之间，实为 {1}"),
    (r"missing; expected \{ value = …, unit = \"…\" \}", "缺少；应为 { value = …, unit = \"…\" }"),
    (r"duplicate (\S+) id \"(.*)\"; first used at (.*)", "重复的 {1} id“{2}”；首次出现于 {3}"),
    (r"missing; expected a \[meta\] table with district, year and as_of", "缺少；应有 [meta] 表，含 district、year 和 as_of"),
    (r"missing; expected a year such as 2024", "缺少；应为年份，如 2024"),
    (r"expected a year such as 2024, got (.*)", "应为年份，如 2024，实为 {1}"),
    (r"expected a date in or next to the year (\d+), got (.*)", "日期应在 {1} 年或相邻年份，实为 {2}"),
    (r"expected the target's unit \"(.*)\", got \"(.*)\"", "应为目标的单位“{1}”，实为“{2}”"),
    (r"expected a target above 0", "目标值应大于 0"),
    (r"expected one of the \[\[stage\]\] names \((.*)\), got \"(.*)\"", "应为某个 [[stage]] 的名称（{1}），实为“{2}”"),
    (r"expected the id of a \[\[(\S+)\]\] \((.*)\), got \"(.*)\"", "应为某个 [[{1}]] 的 id（{2}），实为“{3}”"),
    (r"expected the id of a \[\[project\]\], got \"(.*)\" \(a new project is written with new = true\)",
     "应为某个 [[project]] 的 id，实为“{1}”（新项目须写 new = true）"),
    (r"expected one of (.*), got \"(.*)\"", "应为以下之一：{1}，实为“{2}”"),
    (r"expected the date-time the update was recorded, like (\S+)", "应为记录更新的日期时间，如 {1}"),
    (r"expected exactly one of target = \"id\" or project = \"id\"", "应恰有 target = \"id\" 或 project = \"id\" 之一"),
    (r"a target update may set only: (.*)", "目标的更新只能设置：{1}"),
    (r"a new project needs an id not yet used; \"(.*)\" is taken", "新项目需要尚未使用的 id；“{1}”已被使用"),
    (r"a new project needs a name", "新项目需要名称"),
    (r"expected the number of an earlier update \(1 to (-?\d+)\), got (.*)", "应为之前某条更新的编号（1 至 {1}），实为 {2}"),
    (r"update (\d+) is itself a withdrawal; only updates can be withdrawn", "第 {1} 条本身是撤销记录；只能撤销更新"),
    (r"update (\d+) is already withdrawn by update (\d+)", "第 {1} 条更新已被第 {2} 条撤销"),
    (r"a withdrawal has only at, who, note and withdraw", "撤销记录只有 at、who、note 和 withdraw"),
    (r"expected keys as text, e\.g\. \"f5\" or \"r,f5\"", "应为文本形式的按键，如 \"f5\" 或 \"r,f5\""),
    (r"no such file", "文件不存在"),
    (r"a part of the path is a file, not a folder", "路径中有一段是文件，而不是文件夹"),
    (r"is a symbolic link loop \(a link that leads back to itself\)", "是循环的符号链接（链接指回自身）"),
    (r"the path is too long", "路径过长"),
    (r"cannot be read: permission denied \(check the file and its folders\)", "无法读取：权限不足（请检查文件及其所在文件夹）"),
    (r"cannot be read: (.*)", "无法读取：{1}"),
    (r"is not a usable path", "不是可用的路径"),
    (r"is a folder, expected a TOML file", "是文件夹，应为 TOML 文件"),
    (r"is a FIFO \(named pipe\), expected a TOML file", "是 FIFO（命名管道），应为 TOML 文件"),
    (r"is a character device, expected a TOML file", "是字符设备，应为 TOML 文件"),
    (r"is a block device, expected a TOML file", "是块设备，应为 TOML 文件"),
    (r"is a socket, expected a TOML file", "是套接字，应为 TOML 文件"),
    (r"is not a regular file, expected a TOML file", "不是普通文件，应为 TOML 文件"),
    (r"is a folder, expected a spreadsheet", "是文件夹，应为电子表格（.xlsx 或 .csv）"),
    (r"is a FIFO \(named pipe\), expected a spreadsheet", "是 FIFO（命名管道），应为电子表格（.xlsx 或 .csv）"),
    (r"is a character device, expected a spreadsheet", "是字符设备，应为电子表格（.xlsx 或 .csv）"),
    (r"is a block device, expected a spreadsheet", "是块设备，应为电子表格（.xlsx 或 .csv）"),
    (r"is a socket, expected a spreadsheet", "是套接字，应为电子表格（.xlsx 或 .csv）"),
    (r"is not a regular file, expected a spreadsheet", "不是普通文件，应为电子表格（.xlsx 或 .csv）"),
    (r"is ([\d.]+) MiB; expected a data file of at most (\d+) MiB", "大小为 {1} MiB；数据文件最多 {2} MiB"),
    (r"grew past (\d+) MiB while being read", "读取时增大到超过 {1} MiB"),
    (r"is UTF-16 text: save the file as UTF-8", "是 UTF-16 文本：请另存为 UTF-8"),
    (r"looks like GBK/GB18030 text \(as Chinese Windows saves it\), not UTF-8: save the file as UTF-8",
     "看来是 GBK/GB18030 编码（中文 Windows 常用的保存方式），不是 UTF-8：请另存为 UTF-8"),
    (r"is not UTF-8 text: save the file as UTF-8", "不是 UTF-8 文本：请另存为 UTF-8"),
    (r"is held by another writer for over (\S+) s; try again", "已被另一位写入者占用超过 {1} 秒；请稍后再试"),
    (r"cannot make the lock file: (.*)", "无法创建锁文件：{1}"),
    (r"is a symbolic link; expected the lock file erqi-tui makes", "是符号链接；应为 erqi-tui 创建的锁文件"),
    (r"is not a regular file; expected the lock file erqi-tui makes", "不是普通文件；应为 erqi-tui 创建的锁文件"),
]

# What the messages quote of a value (validate.describe), and tomllib's hints.
PHRASES: list[tuple[str, str]] = [
    (r"text \"(.*)\"", "文本“{1}”"), (r"a table", "表"), (r"a list", "列表"),
    (r"a date-time (.*)", "日期时间 {1}"), (r"a date (.*)", "日期 {1}"), (r"the number (.*)", "数字 {1}"),
    (r"nothing", "空值"), (r"(true|false) \(true/false\)", "{1}（布尔值）"),
    (r"a line ends inside a string: is a closing quote missing\?", "一行在字符串中间结束：是否缺少右引号？"),
    (r"a key is written twice", "同一个键写了两次"), (r"a table is written twice", "同一个表写了两次"),
    (r"expected a real date like 2024-05-31", "应为真实存在的日期，如 2024-05-31"),
    (r"expected key = value \(text in \"quotes\"\)", "应为 键 = 值（文本加引号）"),
    (r"expected a number, a date, true/false, or text in \"quotes\"", "应为数字、日期、true/false 或加引号的文本"),
]

_FORMS = [(re.compile(pattern, re.DOTALL), chinese) for pattern, chinese in FORMS]
_PHRASES = [(re.compile(pattern, re.DOTALL), chinese) for pattern, chinese in PHRASES]


def _fill(template: str, match: re.Match, inner) -> str:
    return re.sub(r"\{(\d)\}", lambda m: inner(match.group(int(m.group(1)))), template)


def phrase(text: str) -> str:
    for pattern, chinese in _PHRASES:
        match = pattern.fullmatch(text)
        if match:
            return _fill(chinese, match, lambda group: group)
    return text


def chinese(message: str) -> str:
    """`message` (a problem's, in English) in Chinese, where its form is known."""
    for pattern, template in _FORMS:
        match = pattern.fullmatch(message)
        if match:
            return _fill(template, match, phrase)
    return message
