"""Over a slow link: erqi-tui through a real SSH session whose server-to-client direction is
throttled to 256 kbit/s by a small relay on loopback; the time from a key to its complete frame
(the last byte of it reaching the client), Textual's own output (ERQI_TUI_RAW_OUTPUT=1) against
the lighter one, in the same run. At 80x24 on the bundled file, median of --runs presses each.

    python bench/slowlink.py [--runs 5]

Needs sshd, ssh and ssh-keygen (Debian's openssh-server and openssh-client), and erqi-tui installed
beside this Python."""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from harness import Session, median

RATE = 32_000  # bytes a second: 256 kbit/s
SSHD = shutil.which("sshd") or "/usr/sbin/sshd"
ERQI = Path(sys.executable).with_name("erqi-tui")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_sshd(home: Path) -> tuple[subprocess.Popen, int]:
    for name in ("host_key", "client_key"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(home / name)], check=True)
    (home / "authorized_keys").write_text((home / "client_key.pub").read_text())
    port = free_port()
    (home / "sshd_config").write_text("\n".join([
        f"Port {port}", "ListenAddress 127.0.0.1", f"HostKey {home / 'host_key'}",
        f"AuthorizedKeysFile {home / 'authorized_keys'}", f"PidFile {home / 'sshd.pid'}",
        "PubkeyAuthentication yes", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
        "UsePAM no", "StrictModes no", "PermitRootLogin yes", "PrintMotd no", "AcceptEnv ERQI_TUI_RAW_OUTPUT", ""]))
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)
    server = subprocess.Popen([SSHD, "-D", "-e", "-f", str(home / "sshd_config")], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return server, port
        time.sleep(0.1)
    raise SystemExit("sshd did not start")


def relay(target: int) -> int:
    """A TCP relay to 127.0.0.1:`target` on a port of its own: client → server as it comes,
    server → client at RATE bytes a second (what a 256 kbit/s link lets through)."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def pump(source: socket.socket, sink: socket.socket, throttled: bool) -> None:
        free_at = time.monotonic()
        try:
            while True:
                data = source.recv(4096 if throttled else 65536)
                if not data:
                    break
                if throttled:
                    free_at = max(free_at, time.monotonic()) + len(data) / RATE
                    time.sleep(max(0.0, free_at - time.monotonic()))
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def serve() -> None:
        while True:
            client, _ = listener.accept()
            server = socket.create_connection(("127.0.0.1", target))
            for s in (client, server):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=pump, args=(client, server, False), daemon=True).start()
            threading.Thread(target=pump, args=(server, client, True), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not ERQI.exists() or not shutil.which("ssh"):
        raise SystemExit("needs erqi-tui installed beside this Python, and ssh/sshd")
    home = Path(tempfile.mkdtemp())
    server, port = start_sshd(home)
    through = relay(port)
    try:
        results = {}
        for label, raw in (("Textual's own output", "1"), ("erqi-tui's lighter output", "")):
            command = ["ssh", "-tt", "-p", str(through), "-i", str(home / "client_key"), "-o", "StrictHostKeyChecking=no",
                       "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "SendEnv=ERQI_TUI_RAW_OUTPUT",
                       "127.0.0.1", f"TERM=xterm-256color ERQI_TUI_RAW_OUTPUT={raw} {ERQI}"]
            switches, keystrokes = [], []
            with Session(command, env={"ERQI_TUI_RAW_OUTPUT": raw}) as session:
                first = session.first_frame("命令面板".encode())
                for index in range(args.runs):
                    switches.append(session.press(b"2" if index % 2 == 0 else b"1").seconds)
                session.press(b"5")
                session.press(b"/")
                for key in b"Uu" * ((args.runs + 1) // 2):
                    keystrokes.append(session.press(bytes([key])).seconds)
            results[label] = (first.seconds, median(switches), median(keystrokes))
            print(f"{label:28} first frame {first.seconds:5.2f} s ({first.size:,} B)  pane switch "
                  f"{median(switches) * 1000:6.0f} ms  filter keystroke {median(keystrokes) * 1000:5.0f} ms", flush=True)
        before, after = results.values()
        print(f"after / before: first frame {after[0] / before[0]:.2f}×, pane switch {after[1] / before[1]:.2f}×, "
              f"filter keystroke {after[2] / before[2]:.2f}× (at {RATE * 8 // 1000} kbit/s)")
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
