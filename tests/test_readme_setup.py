"""The README's set-up for a bare Debian/Ubuntu runs as written, as root (no sudo there) and as a
normal user, and refreshes the package lists before installing."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(sys.platform == "win32" or not shutil.which("sh"),
                                reason="a POSIX shell")


def setup_lines() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme.split("On a bare Debian or Ubuntu", 1)[1]
    return after.split("```\n")[1]


def run_as(uid: int, tmp_path: Path) -> list[str]:
    """Run the README's lines with `id`, `sudo` and `apt-get` standing in; what was run, in order."""
    bin_dir, log = tmp_path / "bin", tmp_path / "log"
    bin_dir.mkdir()
    stubs = {
        "id": f'[ "$1" = -u ] && echo {uid}\n',
        "sudo": f'echo "sudo $*" >> "{log}"\nexec "$@"\n',
        "apt-get": f'echo "apt-get $*" >> "{log}"\n',
    }
    for name, body in stubs.items():
        (bin_dir / name).write_text("#!/bin/sh\n" + body, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    env = {**os.environ, "PATH": os.pathsep.join([str(bin_dir), "/usr/bin", "/bin"])}
    subprocess.run(["sh", "-e", "-c", setup_lines()], cwd=ROOT, env=env, check=True, timeout=30)
    return log.read_text(encoding="utf-8").splitlines()


def wanted_packages() -> list[str]:
    lines = (ROOT / "packaging" / "apt-packages.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_as_root_without_sudo(tmp_path):
    ran = run_as(0, tmp_path)
    assert ran == ["apt-get update", "apt-get install " + " ".join(wanted_packages())]


def test_as_a_user_with_sudo(tmp_path):
    ran = run_as(1000, tmp_path)
    install = "apt-get install " + " ".join(wanted_packages())
    assert ran == ["sudo apt-get update", "apt-get update", "sudo " + install, install]
