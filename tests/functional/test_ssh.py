"""End to end over real SSH: the installed `erqi-tui`, run through an OpenSSH server started on
127.0.0.1 with throwaway keys, inside tmux at 80x24; keys pressed, the screen read back.

Needs sshd, ssh and tmux (Debian's openssh-server, openssh-client, tmux; .ci/run installs them);
skipped where they are missing."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

SSHD = shutil.which("sshd") or ("/usr/sbin/sshd" if Path("/usr/sbin/sshd").exists() else None)
ERQI = Path(sys.executable).with_name("erqi-tui")
pytestmark = [
    pytest.mark.skipif(not (SSHD and shutil.which("ssh") and shutil.which("tmux") and shutil.which("ssh-keygen")),
                       reason="needs sshd, ssh, ssh-keygen and tmux"),
    pytest.mark.skipif(not ERQI.exists(), reason="erqi-tui is not installed beside this Python"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def sshd(tmp_path_factory):
    home = tmp_path_factory.mktemp("ssh")
    for name in ("host_key", "client_key"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(home / name)], check=True)
    (home / "authorized_keys").write_text((home / "client_key.pub").read_text())
    port = free_port()
    (home / "sshd_config").write_text("\n".join([
        f"Port {port}", "ListenAddress 127.0.0.1", f"HostKey {home / 'host_key'}",
        f"AuthorizedKeysFile {home / 'authorized_keys'}", f"PidFile {home / 'sshd.pid'}",
        "PubkeyAuthentication yes", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
        "UsePAM no", "StrictModes no", "PermitRootLogin yes", "PrintMotd no", "",
    ]))
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # sshd's privilege separation folder
    server = subprocess.Popen([SSHD, "-D", "-e", "-f", str(home / "sshd_config")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        if server.poll() is not None:
            pytest.fail("sshd did not start: " + server.stderr.read())
        time.sleep(0.1)
    yield home, port
    server.terminate()
    server.wait(timeout=10)


class Tmux:
    def __init__(self, socket_name: str) -> None:
        self.base = ["tmux", "-L", socket_name]

    def __call__(self, *args: str) -> str:
        # A UTF-8 locale, whatever the caller's: tmux reads and draws the Chinese text by it.
        env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        return subprocess.run([*self.base, *args], capture_output=True, text=True, timeout=20, env=env).stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, text: str, seconds: float = 20) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen:\n{self.screen()}")


@pytest.mark.slow
def test_dashboard_over_ssh_in_tmux_80x24(sshd, tmp_path):
    home, port = sshd
    tmux = Tmux(f"erqi-e2e-{os.getpid()}")
    remote = f"XDG_CONFIG_HOME={tmp_path} {ERQI}"
    ssh = (f"ssh -t -p {port} -i {home / 'client_key'} -o StrictHostKeyChecking=no "
           f"-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR {getpass.getuser()}@127.0.0.1 '{remote}'; "
           f"echo SSH-EXITED; sleep 30")
    tmux("new-session", "-d", "-s", "e2e", "-x", "80", "-y", "24", ssh)
    try:
        screen = tmux.wait_for("郑州市二七区 2024 年目标")
        assert "13 / 30个以上" in screen and "落后 5.7 个百分点" in screen
        lines = screen.splitlines()
        assert len(lines) <= 24 and all(len(line) <= 80 for line in lines)
        tmux("send-keys", "-t", "e2e", "3")
        screen = tmux.wait_for("嵩山路")
        assert "科创产业发展轴" in screen
        tmux("send-keys", "-t", "e2e", "5")
        tmux.wait_for("个项目")
        time.sleep(1.0)  # the focus moves into the pane just after it is drawn
        tmux("send-keys", "-t", "e2e", "/")
        time.sleep(0.5)
        tmux("send-keys", "-t", "e2e", "-l", "Liandong")  # ASCII (CI's terminal may have no input method): 联东U谷's English name
        tmux.wait_for("1 / 10 个项目")
        tmux("send-keys", "-t", "e2e", "Escape")
        time.sleep(0.3)
        tmux("send-keys", "-t", "e2e", "?")
        tmux.wait_for("帮助 · 按键")
        tmux("send-keys", "-t", "e2e", "Escape")
        time.sleep(0.5)
        tmux("send-keys", "-t", "e2e", "q")
        tmux.wait_for("SSH-EXITED")  # q quit the app and so the SSH session
    finally:
        tmux("kill-server")


def test_the_app_leaves_with_its_terminal_even_with_sighup_ignored(sshd, tmp_path):
    """Killing the SSH client ends the app within seconds, though the remote shell ignores SIGHUP
    (as nohup and some multiplexers do): before, the orphan spun at a core and more for ever."""
    import pty
    import select
    import signal

    home, port = sshd
    data = tmp_path / f"hangup-{os.getpid()}.toml"
    shutil.copy(Path(__file__).resolve().parents[2] / "data" / "targets.toml", data)
    remote = f"trap '' HUP; XDG_CONFIG_HOME={tmp_path} TERM=xterm-256color exec {ERQI} --data {data}"
    pid, master = pty.fork()
    if pid == 0:  # the SSH client, in a terminal of its own
        os.execvp("ssh", ["ssh", "-tt", "-p", str(port), "-i", str(home / "client_key"), "-o", "StrictHostKeyChecking=no",
                          "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                          f"{getpass.getuser()}@127.0.0.1", remote])
    try:
        seen, deadline = b"", time.monotonic() + 30
        while "郑州市二七区".encode() not in seen and time.monotonic() < deadline:
            if select.select([master], [], [], 0.2)[0]:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
        assert "郑州市二七区".encode() in seen, "the dashboard never appeared over SSH"

        def running() -> list[str]:
            return subprocess.run(["pgrep", "-f", str(data)], capture_output=True, text=True).stdout.split()

        assert running(), "the app is not running on the server"
        os.kill(pid, signal.SIGKILL)  # the client dies: no goodbye, the connection just closes
        os.waitpid(pid, 0)
        gone_at = time.monotonic() + 5  # sshd notices the closed connection at once; the app has 2 s
        while running() and time.monotonic() < gone_at:
            time.sleep(0.1)
        left = running()
        for stray in left:
            os.kill(int(stray), signal.SIGKILL)
        assert not left, "the app stayed behind its dead terminal"
    finally:
        os.close(master)
