"""The scripts the README and the packaging notes run by path keep their run bit in git: a checkout
or a built app must not answer `Permission denied` (install-linux.sh once did)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

needs_git = pytest.mark.skipif(not (ROOT / ".git").exists() or shutil.which("git") is None,
                               reason="a git checkout")


def tracked_modes() -> dict[str, str]:
    out = subprocess.run(["git", "ls-files", "-s", "-z"], cwd=ROOT, capture_output=True,
                         check=True, timeout=60).stdout.decode("utf-8", "surrogateescape")
    modes = {}
    for entry in filter(None, out.split("\0")):
        info, path = entry.split("\t", 1)
        modes[path] = info.split()[0]
    return modes


@needs_git
def test_every_script_with_a_shebang_is_committed_runnable():
    modes = tracked_modes()
    scripts = []
    for path, mode in modes.items():
        file = ROOT / path
        if mode.startswith("100") and file.is_file():
            with file.open("rb") as f:
                if f.read(2) == b"#!":
                    scripts.append(path)
    assert "packaging/linux/install-linux.sh" in scripts and "scripts/test" in scripts
    assert {p: modes[p] for p in scripts if modes[p] != "100755"} == {}


@pytest.mark.skipif(os.name != "posix", reason="a shell script")
def test_install_linux_runs_by_its_path_as_the_readme_says(tmp_path):
    script = ROOT / "packaging" / "linux" / "install-linux.sh"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    prefix = tmp_path / "prefix"
    done = subprocess.run([str(script), "--prefix", str(prefix)], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (prefix / "share" / "applications" / "io.github.briefing.Briefing.desktop").is_file()
    done = subprocess.run([str(script), "--prefix", str(prefix), "--uninstall"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
