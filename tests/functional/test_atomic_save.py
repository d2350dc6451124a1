"""A writer killed with SIGKILL mid-save leaves the old or the new journal on disk, never a torn one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
import tomllib

import pytest

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from erqi_tui.store.files import write_atomic
    path = Path(sys.argv[1])
    versions = [Path(p).read_bytes() for p in sys.argv[2:]]
    i = 0
    while True:  # save one version after the other until killed
        write_atomic(path, versions[i % len(versions)])
        i += 1
""")


@pytest.mark.slow
def test_sigkill_mid_save_leaves_old_or_new(tmp_path):
    # Two big versions, so a save takes long enough to be killed in the middle of it.
    versions = []
    for n in range(2):
        body = "".join(f'[[update]]\nwho = "v{n}"\nnote = "{"x" * 200}"\n' for _ in range(4000))
        version = tmp_path / f"v{n}.toml"
        version.write_text(body, encoding="utf-8")
        versions.append(version)
    target = tmp_path / "journal.toml"
    target.write_bytes(versions[0].read_bytes())
    expected = {v.read_bytes() for v in versions}
    rng = random.Random(7)
    seen = set()
    for _ in range(25):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(target), *map(str, versions)])
        time.sleep(0.15 + rng.random() * 0.2)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        content = target.read_bytes()
        assert content in expected
        tomllib.loads(content.decode("utf-8"))
        seen.add(content)
    assert seen == expected  # the writer really was saving, both versions, when it was killed
