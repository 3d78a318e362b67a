"""The command line never writes a book or a calendar over a trip, nor the example over work."""

import subprocess
import sys


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd)


def test_export_refuses_to_replace_the_trip(example_path, tmp_path):
    before = example_path.read_bytes()
    for command, output in [("export", example_path.name), ("export", "other.yaml"),
                            ("calendar", example_path.name), ("calendar", "x.YML")]:
        out = run(command, example_path.name, "-o", output, cwd=tmp_path)
        assert out.returncode == 1 and "nothing was written" in out.stderr, (command, output)
    assert example_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [example_path.name]


def test_example_does_not_overwrite_without_force(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("# my work\n", encoding="utf-8")
    out = run("example", "-o", "mine.yaml", cwd=tmp_path)
    assert out.returncode == 1 and "--force" in out.stderr
    assert mine.read_text(encoding="utf-8") == "# my work\n"
    assert run("example", "-o", "mine.yaml", "--force", cwd=tmp_path).returncode == 0
    assert "briefing: 1" in mine.read_text(encoding="utf-8")


def test_output_into_a_folder_is_explained(example_path, tmp_path):
    (tmp_path / "out").mkdir()
    out = run("calendar", example_path.name, "-o", "out", cwd=tmp_path)
    assert out.returncode == 1 and "that is a folder" in out.stderr


def test_bad_option_names_the_subcommand(example_path, tmp_path):
    out = run("export", example_path.name, "--paper", "a5", cwd=tmp_path)
    assert out.returncode == 2
    assert "briefing export: error: argument --paper" in out.stderr
