"""Write a valid data file with N projects (a city's scale), for the benchmarks.

    python bench/generate.py 10000 -o /tmp/city-10000.toml

The figures are synthetic and say nothing about any real district."""

from __future__ import annotations

import argparse
import random
from pathlib import Path

STAGES = ["在谈", "签约", "开工", "投产"]
AXES = [("north", "北环路", "先进制造轴"), ("river", "滨河路", "商贸物流轴"), ("ring", "中环路", "科创服务轴")]


STEPS = ["拿地", "签约", "开工", "主体封顶", "竣工", "验收", "投产", "开业"]


def document(n: int, seed: int = 2024, milestones: int = 0) -> str:
    """`milestones`: steps per project (up to 8), planned month by month from a random one, the
    first half reached, a fifth of the rest overdue at as_of."""
    rng = random.Random(seed)
    out = [
        "# Synthetic benchmark data: not a real district.",
        "[meta]", 'district = "基准区"', 'city = "示例市"', "year = 2024", "as_of = 2024-06-30", "",
        "[[target]]", 'id = "projects"', 'name = "新签约项目"', 'target = { value = %d, unit = "个" }' % (n // 2),
        'current = { value = %d, unit = "个" }' % (n // 5), 'pane = "investment"', "",
        "[[target]]", 'id = "amount"', 'name = "签约额"', 'target = { value = 3000, unit = "亿元", at_least = true }',
        'current = { value = 1234.5, unit = "亿元" }', 'pane = "investment"', "",
    ]
    for stage in STAGES:
        out += ["[[stage]]", f'name = "{stage}"', ""]
    out += ["[layout]", 'name = "三轴"', 'belt = "北研发—南转化"', ""]
    for ident, road, theme in AXES:
        out += ["[[layout.axis]]", f'id = "{ident}"', f'road = "{road}"', f'theme = "{theme}"', ""]
    for i in range(n):
        axis = rng.choice(AXES)[0]
        out += [
            "[[project]]", f'id = "p{i:06d}"', f'name = "项目{i:06d}号{rng.choice("甲乙丙丁戊己庚辛")}园区"',
            f'status = "{rng.choice(STAGES)}"', f'axis = "{axis}"', f'location = "{rng.choice("东西南北")}区{rng.randint(1, 99)}号"',
            'investment = { value = %.2f, unit = "亿元" }' % rng.uniform(0.5, 80),
            'area = { value = %d, unit = "亩" }' % rng.randint(10, 900), "",
        ]
        start = rng.randint(1, 6)
        for k, step in enumerate(STEPS[:milestones]):
            month = min(12, start + k)
            out += ["[[project.milestone]]", f'name = "{step}"', f'planned = "2024-{month:02d}"']
            if month < 6 and rng.random() < 0.8:
                out.append(f'reached = 2024-{month:02d}-{rng.randint(1, 28):02d}')
            out.append("")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many projects")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--milestones", type=int, default=0, help="steps per project, up to 8")
    args = parser.parse_args()
    args.output.write_text(document(args.n, milestones=args.milestones), encoding="utf-8")


if __name__ == "__main__":
    main()
