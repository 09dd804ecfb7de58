"""`kanaalwijzer demo` as a newcomer runs it (with the app): every stage with live progress, then
the app on the chosen port with a real local mail catcher, so the double opt-in works end to end;
Ctrl-C stops it cleanly."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

import requests


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_from_a_terminal():
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # a background runner may have left SIGINT ignored


def test_the_demo_serves_the_app_and_catches_its_mail_until_ctrl_c(tmp_path):
    port, home = _free_port(), tmp_path / "demo"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KANAALWIJZER_")}
    demo = subprocess.Popen([sys.executable, "-m", "kanaalwijzer.cli", "demo", "--home", str(home), "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=_as_from_a_terminal)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(demo.stderr), daemon=True)
    reader.start()
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 300
        while not any(f"De app draait op {base}/" in line for line in lines):
            assert demo.poll() is None and time.monotonic() < deadline, "".join(lines)[-3000:]
            time.sleep(0.5)
        output = "".join(lines)
        harvest = output.split("== harvest", 1)[1].split("Samenvatting:", 1)[0]
        assert re.search(r"vensters \d+/\d+ · \d+ records \(\d+\.\d/s\)", harvest), "progress while harvesting"
        assert f"{base}/demo/post" in output, "the demo says where its mail goes"

        assert "demo-postbus" in requests.get(base + "/", timeout=30).text
        sent = requests.post(base + "/abonneren", data={"email": "nieuwkomer@example.org", "gemeente": "GM0344"},
                             timeout=30)
        assert sent.status_code == 200 and "We hebben u een e-mail gestuurd" in sent.text
        post = requests.get(base + "/demo/post", timeout=30).text
        link = re.search(rf'href="({re.escape(base)}/abonneren/bevestigen/[^"]+)"', post)
        assert link, post[-3000:]
        confirmed = requests.get(link.group(1), timeout=30)
        assert confirmed.status_code == 200 and "Uw abonnement is bevestigd" in confirmed.text
        assert len(os.listdir(home / "post" / "new")) == 1, "the mail went through the real SMTP catcher"
    finally:
        if demo.poll() is None:
            os.killpg(demo.pid, signal.SIGINT)  # what Ctrl-C in the terminal does
    assert demo.wait(timeout=60) == 0, "".join(lines)[-3000:]
    reader.join(timeout=10)
    assert "Gestopt." in "".join(lines)
    assert '"GET /demo/post HTTP/1.1" 200' in "".join(lines), "the access log"
    assert "\x1b" not in "".join(lines) and "\r" not in "".join(lines), "no control characters in a log"
