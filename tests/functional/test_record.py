"""`erqi-tui record`: updates from scripts, under the journal's lock and the app's rules, and any
number of writers at once keeping every update."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib

import pytest

from erqi_tui.store import journal
from erqi_tui import store



def erqi(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "erqi_tui", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env=env)


def amount(dashboard):
    return next(t for t in dashboard.targets if t.id == "signed-amount")


def test_record_a_target_prints_one_line_and_keeps_the_figure_with_its_date(data):
    result = erqi("record", "--data", str(data), "--target", "signed-amount", "--value", "140",
                  "--date", "2024-06-30", "--note", "六月报表", "--user", "zhang")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1 and "已记录第 1 条更新" in result.stdout
    target = amount(store.load(data))
    assert target.current.value == 140 and target.as_of.isoformat() == "2024-06-30"
    change, = store.load(data).history("target", "signed-amount")
    assert (change.who, change.note) == ("zhang", "六月报表")


@pytest.mark.parametrize("value, asked, english_asked", [
    ("20,000", "185 倍：单位或小数点是否有误", "wrong unit or decimal point?"),  # 万元 typed as 亿元
    ("0.5", "倍：单位或小数点是否有误", "wrong unit or decimal point?"),  # 0.5 亿元 for 107.96: 1/216 of it
    ("1079.6", "的 10.0 倍：单位或小数点是否有误", "wrong unit or decimal point?"),  # the point moved one place: 10× exactly
    ("10.796", "倍：单位或小数点是否有误", "wrong unit or decimal point?"),  # and the other way
    ("20", "少：全年累计数一般只增不减，是否填成了当月数？", "does not usually fall"),  # a month's own figure?
])
def test_a_figure_that_looks_wrong_is_not_recorded_without_a_word(data, value, asked, english_asked):
    """As the form and import ask it: 20,000 亿元 against 107.96 in force is held, said, exit 2; with
    --accept-outliers it is recorded."""
    args = ("record", "--data", str(data), "--target", "signed-amount", "--value", value, "--date", "2024-06-30",
            "--user", "zhang")
    result = erqi(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert asked in result.stderr and "--accept-outliers" in result.stderr
    assert not journal.journal_path(data).exists()
    english = erqi("--lang", "en", *args)
    assert english.returncode == 2 and english_asked in english.stderr
    assert erqi(*args, "--accept-outliers").returncode == 0
    assert amount(store.load(data)).current.value == float(value.replace(",", ""))


def test_a_projects_amount_that_looks_wrong_is_not_recorded_without_a_word(data):
    """As the form and import ask it: 康师傅's 总投资 (10 亿元) set to 100,000 亿元 (元 typed as 亿元?),
    or its 占地 (约133 亩) to 1 亩, is held with each field named, exit 2; with --accept-outliers it
    is recorded."""
    args = ("record", "--data", str(data), "--project", "kangshifu", "--set", "investment=100000 亿元",
            "--set", "area=1", "--date", "2024-06-30")
    result = erqi(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--set investment：是 2024-05-31 的 10 亿元 的 10,000 倍" in result.stderr
    assert "--set area：" in result.stderr and "--accept-outliers" in result.stderr
    assert not journal.journal_path(data).exists()
    assert erqi(*args, "--accept-outliers").returncode == 0
    kangshifu = next(p for p in store.load(data).projects if p.id == "kangshifu")
    assert kangshifu.investment.value == 100000 and kangshifu.area.value == 1


def test_a_first_figure_ten_thousand_times_too_small_is_asked_about(data):
    """A target with no figure yet has only its goal to compare with: 50 against a goal of 500,000
    万元 (亿元 typed into a 万元 target) is held, in the command line and in a ledger; 600 is not."""
    data.write_text(data.read_text(encoding="utf-8") + (
        '\n[[target]]\nid = "funds"\nname = "到位资金"\ntarget = { value = 500000, unit = "万元" }\n'), encoding="utf-8")
    assert erqi("check", str(data)).returncode == 0
    args = ("record", "--data", str(data), "--target", "funds", "--date", "2024-06-30")
    result = erqi(*args, "--value", "50")
    assert result.returncode == 2 and "不到年度目标 500,000 万元 的千分之一" in result.stderr
    english = erqi("--lang", "en", *args, "--value", "50")
    assert "under a thousandth of the year's target" in english.stderr
    ledger = data.with_name("台账.csv")
    ledger.write_text("编号,完成值,日期\nfunds,50,2024-06-30\n", encoding="utf-8")
    imported = erqi("import", str(ledger), "--data", str(data), "--apply")
    assert imported.returncode == 2 and "千分之一" in imported.stdout + imported.stderr
    assert not journal.journal_path(data).exists()
    assert erqi(*args, "--value", "600").returncode == 0  # 0.12 % of the goal by June: low, not a wrong unit


def test_no_date_given_for_a_file_of_another_year_says_which_date_to_give(data):
    """`--date` defaults to today, which is not in the bundled file's 2024: said as a date not given,
    with the date to give, not as a --date typed wrong."""
    for args in (("--target", "new-projects", "--value", "14"), ("--project", "kangshifu", "--set", "status=投产"),
                 ("--project", "kangshifu", "--reach", "开业")):
        result = erqi("record", "--data", str(data), *args)
        assert result.returncode == 2 and "没有给 --date，而今天" in result.stderr, result.stderr
        assert "不在数据年度 2024 年内：请用 --date 给出截至的日期，如 --date 2024-05-31" in result.stderr
    assert not journal.journal_path(data).exists()


def test_an_update_refused_is_named_by_its_options_not_a_journal_line(data):
    """A note too long, an axis no file has: the update given is refused, said by the option that
    gave it, not at line 8 of a journal that does not exist (or ends before)."""
    result = erqi("record", "--data", str(data), "--target", "new-projects", "--value", "14", "--date", "2024-06-01",
                  "--note", "长" * 6000)
    assert result.returncode == 2 and "未记录：--note: 长 6000 个字符；最多 2000 个" in result.stderr, result.stderr
    assert "journal.toml:" not in result.stderr and not journal.journal_path(data).exists()
    assert erqi("record", "--data", str(data), "--target", "new-projects", "--value", "14",
                "--date", "2024-06-01").returncode == 0
    result = erqi("--lang", "en", "record", "--data", str(data), "--project", "x", "--new", "--set", "name=a",
                  "--set", "axis=nowhere", "--date", "2024-06-01")
    assert result.returncode == 2 and "nothing recorded: --set axis: expected the id of one [[layout.axis]]" in result.stderr
    assert "journal.toml:" not in result.stderr


def test_a_lower_bound_is_confirmed_in_the_official_register(data):
    """120余 is recorded as a lower bound and said back as 120亿元以上, not in the form's shorthand 120+."""
    result = erqi("record", "--data", str(data), "--target", "signed-amount", "--value", "120余", "--date", "2024-06-30")
    assert result.returncode == 0 and "当前值 = 120亿元以上，截至 2024-06-30" in result.stdout, result.stdout


def test_record_reads_a_date_in_full_width_digits(data):
    result = erqi("record", "--data", str(data), "--target", "signed-amount", "--value", "140",
                  "--date", "２０２４-０６-３０")
    assert result.returncode == 0, result.stderr
    assert amount(store.load(data)).as_of.isoformat() == "2024-06-30"


def test_record_a_project_change_and_a_new_project(data):
    assert erqi("record", "--data", str(data), "--project", "kangshifu", "--set", "status=投产",
                "--date", "2024-06-01").returncode == 0
    result = erqi("record", "--data", str(data), "--project", "new-park", "--new", "--set", "name=新园区",
                  "--set", "investment=8 亿元", "--date", "2024-06-02")
    assert result.returncode == 0, result.stderr
    projects = {p.id: p for p in store.load(data).projects}
    assert projects["kangshifu"].status == "投产" and projects["new-park"].investment.value == 8


def test_withdraw_from_the_command_line(data):
    erqi("record", "--data", str(data), "--target", "signed-amount", "--value", "1400", "--date", "2024-06-30",
         "--accept-outliers")  # said to look wrong (10× the figure in force), recorded anyway
    result = erqi("record", "--data", str(data), "--withdraw", "1", "--note", "多打了一个 0")
    assert result.returncode == 0, result.stderr
    assert amount(store.load(data)).current.value == 107.96
    again = erqi("record", "--data", str(data), "--withdraw", "1")
    assert again.returncode == 2 and "已由" in again.stderr


@pytest.mark.parametrize("args, says", [
    (["--target", "nope", "--value", "1"], "没有 id 为 'nope' 的目标"),
    (["--target", "signed-amount", "--value", "abc"], "--value:"),
    (["--target", "signed-amount", "--value", "140", "--date", "2042-06-30"], "2024-01-01 至 2024-12-31"),
    (["--target", "signed-amount", "--value", "140", "--date", "2024-06"], "应为 YYYY-MM-DD 形式的日期"),
    (["--target", "signed-amount", "--value", "140", "--date", "2024-13-01"], "没有 13 月（实为“2024-13-01”）"),
    (["--target", "signed-amount", "--value", "140", "--date", "2024-02-30"], "2 月没有 30 日（实为“2024-02-30”）"),
    (["--project", "kangshifu", "--set", "colour=red"], "字段为以下之一"),
    (["--project", "kangshifu", "--set", "status=完工"], "status:"),
    (["--withdraw", "5"], "没有可撤销的第 5 条更新"),
])
def test_a_wrong_record_exits_2_with_a_clear_message_and_writes_nothing(data, args, says):
    result = erqi("record", "--data", str(data), *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert says in result.stderr
    assert not journal.journal_path(data).exists()


@pytest.mark.parametrize("args", [
    ["--target", "signed-amount", "--value", "9" * 400, "--date", "2024-06-30"],
    ["--project", "kangshifu", "--set", "investment=" + "9" * 400, "--date", "2024-06-30"],
])
def test_a_number_of_400_digits_is_refused_as_too_large(data, args):
    result = erqi("record", "--data", str(data), *args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "数值太大：最多 1e+15" in result.stderr
    assert not journal.journal_path(data).exists()


def test_record_refuses_in_one_language_at_a_time(data):
    chinese = erqi("record", "--data", str(data), "--target", "signed-amount", "--value", "1", "--unit", "万元")
    english = erqi("--lang", "en", "record", "--data", str(data), "--project", "nope", "--set", "status=投产")
    assert chinese.returncode == english.returncode == 2
    assert "只与 --value 同用" in chinese.stderr and "takes" not in chinese.stderr
    assert english.stderr.strip() == "erqi-tui: nothing recorded: no project has the id 'nope' (add one with --new)"


def test_nothing_is_recorded_while_the_data_file_is_broken(data):
    data.write_text(data.read_text(encoding="utf-8").replace("year = 2024", 'year = "2024"'), encoding="utf-8")
    result = erqi("record", "--data", str(data), "--target", "signed-amount", "--value", "140",
                  "--date", "2024-06-30")
    assert result.returncode == 2 and "文件信息（[meta]）的 year（年度）" in result.stderr and "Traceback" not in result.stderr
    assert not journal.journal_path(data).exists()


def test_a_login_name_that_is_not_utf8_is_refused_with_a_message(data):
    env = {**os.environ, "LOGNAME": "zh\udcffang", "USER": "zh\udcffang"}
    env = {k: v for k, v in env.items()}
    result = subprocess.run([sys.executable, "-m", "erqi_tui", "record", "--data", str(data), "--target",
                             "signed-amount", "--value", "140", "--date", "2024-06-30"],
                            capture_output=True, timeout=60,
                            env={k.encode(): v.encode("utf-8", "surrogateescape") for k, v in env.items()})
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert "不是有效的 UTF-8".encode() in result.stderr


@pytest.mark.slow
def test_sixteen_writers_at_the_same_moment_keep_every_update(data):
    """16 processes record at once, 10 rounds: every update is in the journal, in one piece."""
    script = ("import sys, datetime as dt\n"
              "from pathlib import Path\n"
              "from erqi_tui import store\n"
              "from erqi_tui.core.model import Quantity, Update\nfrom erqi_tui.core.i18n import ZH\n"
              "path, who, start = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])\n"
              "import time\n"
              "time.sleep(max(0, start - time.time()))\n"
              "store.record(path, Update('target', 'signed-amount', {'current': Quantity(100 + int(who), '亿元')},"
              " dt.date(2024, 6, 30), 'writer-' + who), today=dt.date(2024, 7, 1), lang=ZH)\n")
    import time

    for round_number in range(10):
        start = time.time() + 0.5  # every writer is started and waiting; they record at this moment
        writers = [subprocess.Popen([sys.executable, "-c", script, str(data), str(n), str(start)])
                   for n in range(16)]
        assert [w.wait(timeout=60) for w in writers] == [0] * 16
    entries = tomllib.loads(journal.journal_path(data).read_text(encoding="utf-8"))["update"]
    assert len(entries) == 160
    assert sorted(e["who"] for e in entries) == sorted(f"writer-{n}" for n in range(16) for _ in range(10))
    assert len(store.load(data).history("target", "signed-amount")) == 160


def one_line_refusal(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and not result.stdout, result.stderr
    return result.stderr


@pytest.mark.parametrize("number", ["0", "-1", "2"])
def test_withdrawing_no_update_is_refused_in_one_line(data, number):
    """0 once ended in a traceback (0 is no withdrawal at all); below it and past the last are refused alike."""
    erqi("record", "--data", str(data), "--target", "signed-amount", "--value", "140", "--date", "2024-06-30")
    before = journal.journal_path(data).read_bytes()
    said = one_line_refusal(erqi("record", "--data", str(data), "--withdraw", number))
    assert f"没有可撤销的第 {number} 条更新" in said and "共 1 条" in said
    assert journal.journal_path(data).read_bytes() == before


@pytest.mark.parametrize("extra", [["--value", "1"], ["--set", "status=投产"], ["--new"], ["--done"],
                                   ["--reach", "开业"], ["--raise", "用电"], ["--resolve", "用电"], ["--unit", "发改委"],
                                   ["--person", "王"], ["--date", "2024-06-30"]])
def test_options_a_withdrawal_has_no_use_for_are_refused(data, extra):
    erqi("record", "--data", str(data), "--target", "signed-amount", "--value", "140", "--date", "2024-06-30")
    before = journal.journal_path(data).read_bytes()
    said = one_line_refusal(erqi("record", "--data", str(data), "--withdraw", "1", *extra))
    assert f"不与 {extra[0]} 同用" in said
    assert journal.journal_path(data).read_bytes() == before


def test_a_withdrawal_with_another_subject_is_refused(data):
    result = erqi("record", "--data", str(data), "--withdraw", "1", "--target", "signed-amount")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--withdraw" in result.stderr.splitlines()[-1]  # argparse: the group allows one subject
    assert not journal.journal_path(data).exists()


@pytest.mark.parametrize("ident", ["", "  ", "x" * 201])
def test_a_new_project_needs_an_id_the_data_file_would_accept(data, ident):
    """An empty id was replaced by a free one (project-11) while the line named the empty one."""
    said = one_line_refusal(erqi("record", "--data", str(data), "--project", ident, "--new", "--set", "name=新园区"))
    assert "新项目的 id 应为非空文本，最多 200 个字符" in said
    assert not journal.journal_path(data).exists()


def test_the_confirmation_is_wholly_in_the_command_lines_language(data):
    record = ("record", "--data", str(data), "--user", "zhang")
    zh = erqi(*record, "--project", "kangshifu", "--set", "investment=8", "--set", "status=投产", "--date", "2024-06-02")
    assert zh.stdout == f"erqi-tui：已记录第 1 条更新：项目 kangshifu：状态 = 投产，总投资 = 8 亿元，截至 2024-06-02（zhang）；" \
                        f"更新记录 {journal.journal_path(data)}\n"
    en = erqi("--lang", "en", *record, "--target", "signed-amount", "--value", "140", "--date", "2024-06-30")
    assert en.stdout == f"erqi-tui: recorded update 2: Target signed-amount: Current value = 14 bn CNY, as of " \
                        f"2024-06-30 (zhang); journal {journal.journal_path(data)}\n"
    assert "撤销第 1 条更新（zhang）" in erqi(*record, "--withdraw", "1").stdout
    assert "withdrew update 2 (zhang)" in erqi("--lang", "en", *record, "--withdraw", "2").stdout


def test_every_kind_of_update_is_described_in_english_without_chinese():
    import datetime as dt
    import re

    from erqi_tui import cli
    from erqi_tui.core import i18n
    from erqi_tui.core.model import Quantity, Update

    date = dt.date(2024, 6, 2)
    updates = [Update("task", "t1", {"done": True}, date, "li"),
               Update("project", "p", {"request": {"what": "power", "responsible": "DRC"}}, date, "li"),
               Update("project", "p", {"resolve": "power", "milestone": "opening"}, date, "li"),
               Update("project", "p", {"area": Quantity(120, "亩"), "expected": "June"}, date, "li")]
    lines = [cli.describe_update(u, lang=i18n.EN) for u in updates]
    assert lines[0] == "Task t1: Task finished = ✓, as of 2024-06-02"
    assert lines[1] == "Project p: Request raised = power · DRC, as of 2024-06-02"
    assert not any(re.search(r"[\u3000-\u9fff\uff00-\uffef]", line) for line in lines), lines
    assert cli.describe_update(updates[3], lang=i18n.ZH) == "项目 p：占地 = 120 亩，预计 = June，截至 2024-06-02"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("lang, says", [("zh", "erqi-tui：无法写入标准输出："),
                                        ("en", "erqi-tui: cannot write to standard output: ")])
def test_a_full_standard_output_is_named_as_such(data, lang, says):
    """It read 无法写入 None."""
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "erqi_tui", "--lang", lang, "export", "--data", str(data)],
                                stdout=full, stderr=subprocess.PIPE, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 2 and result.stderr.startswith(says) and result.stderr.count("\n") == 1
    assert "None" not in result.stderr


@pytest.mark.parametrize("name", ["targets.toml", "example-year.toml"])
def test_the_shipped_files_are_not_recorded_into_even_when_named(tmp_path, name):
    """The bundled file holds the article's figures (the example, its invented year): named with
    --data (a checkout's data/targets.toml, the package's own path), `record`, `import --apply` and
    `export --mark` refuse, exit 2, and no journal appears beside it; the dashboard opens it read-only."""
    import argparse

    from erqi_tui import cli
    from erqi_tui.store.files import bundled_data

    shipped = bundled_data(name)
    before = sorted(p.name for p in shipped.parent.iterdir())
    journal_before = journal.journal_path(shipped).read_bytes() if journal.journal_path(shipped).exists() else None
    sheet = tmp_path / "台账.csv"
    sheet.write_text("编号,日期,数值\nnew-projects,2024-06-30,14\n", encoding="utf-8")
    for args in (("record", "--data", str(shipped), "--target", "new-projects", "--value", "14", "--date", "2024-06-30"),
                 ("import", "--data", str(shipped), str(sheet), "--apply"),
                 ("export", "--data", str(shipped), "--format", "md", "-o", str(tmp_path / "b.md"), "--mark")):
        result = erqi(*args)
        assert result.returncode == 2 and "只读" in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)
    assert sorted(p.name for p in shipped.parent.iterdir()) == before
    assert (journal.journal_path(shipped).read_bytes() if journal.journal_path(shipped).exists() else None) == journal_before
    assert cli.shipped(argparse.Namespace(data=[shipped]), shipped)  # the dashboard: read_only
    copy = tmp_path / name
    copy.write_bytes(shipped.read_bytes())
    assert not cli.shipped(argparse.Namespace(data=[copy]), copy)  # a copy records


def test_a_projects_first_amount_far_past_any_other_projects_is_asked(data):
    """No figure of its own to compare with: 联东U谷's first 总投资 typed in 万元 as 亿元 (350,000)
    is asked against the largest any other project gives (康师傅's 10 亿元); 150 亿元 is not."""
    args = ("record", "--data", str(data), "--project", "liandong-ugu", "--set", "investment=350000",
            "--date", "2024-06-30")
    result = erqi(*args)
    assert result.returncode == 2 and "--set investment：是其他项目中最大的 10 亿元（康师傅饮品北方区域研发总部）的" in result.stderr
    assert not journal.journal_path(data).exists()
    assert erqi(*args, "--accept-outliers").returncode == 0
    new = ("record", "--data", str(data), "--project", "newp", "--new", "--set", "name=新项目", "--set",
           "area=5000000", "--date", "2024-06-30")
    assert "--set area：是其他项目中最大的 约133 亩" in erqi(*new).stderr
    assert erqi("record", "--data", str(data), "--project", "songnan-incity", "--set", "investment=150 亿元",
                "--date", "2024-06-30").returncode == 0  # a large project, not 100× the others


def test_record_takes_the_data_file_before_the_command_as_the_others_do(data):
    """`erqi-tui --data t.toml record …` said --data was missing, where export, check and import take it."""
    result = erqi("--data", str(data), "record", "--target", "signed-amount", "--value", "140", "--date", "2024-06-30")
    assert result.returncode == 0, result.stderr
    assert amount(store.load(data)).current.value == 140
    missing = erqi("record", "--target", "signed-amount", "--value", "140", "--date", "2024-06-30")
    assert missing.returncode == 2 and "--data" in missing.stderr and "Traceback" not in missing.stderr


def test_what_a_year_ordinarily_does_is_not_asked(data):
    """Early in the year a count grows tenfold (1 in January, 11 in February, of 30); a figure put
    right at the date of the one it replaces may be lower (105 for 107.96 at 05-31); neither is asked.
    A year-to-date figure falling later is (100 at 06-30, below the 105 of 05-31)."""
    record = lambda target, value, date: erqi("record", "--data", str(data), "--target", target,  # noqa: E731
                                              "--value", value, "--date", date)
    assert record("new-projects", "1", "2024-01-31").returncode == 0
    assert record("new-projects", "11", "2024-02-29").returncode == 0
    assert record("signed-amount", "105", "2024-05-31").returncode == 0
    fell = record("signed-amount", "100", "2024-06-30")
    assert fell.returncode == 2 and "比 2024-05-31 的 105 亿元 少" in fell.stderr
