"""The command line never writes a book or a calendar over a trip, nor the example over work."""


def test_export_refuses_to_replace_the_trip(example_path, tmp_path, cli):
    before = example_path.read_bytes()
    for command, output in [("export", example_path.name), ("export", "other.yaml"),
                            ("calendar", example_path.name), ("calendar", "x.YML")]:
        out = cli(command, example_path.name, "-o", output, cwd=tmp_path)
        assert out.returncode == 1 and "nothing was written" in out.stderr, (command, output)
    assert example_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [example_path.name]


def test_example_does_not_overwrite_without_force(tmp_path, cli):
    mine = tmp_path / "mine.yaml"
    mine.write_text("# my work\n", encoding="utf-8")
    out = cli("example", "-o", "mine.yaml", cwd=tmp_path)
    assert out.returncode == 1 and "--force" in out.stderr
    assert mine.read_text(encoding="utf-8") == "# my work\n"
    assert cli("example", "-o", "mine.yaml", "--force", cwd=tmp_path).returncode == 0
    assert "briefing: 1" in mine.read_text(encoding="utf-8")


def test_output_into_a_folder_is_explained(example_path, tmp_path, cli):
    (tmp_path / "out").mkdir()
    out = cli("calendar", example_path.name, "-o", "out", cwd=tmp_path)
    assert out.returncode == 1 and "out is a folder, not a file" in out.stderr


def test_bad_option_names_the_subcommand(example_path, tmp_path, cli):
    out = cli("export", example_path.name, "--paper", "a5", cwd=tmp_path)
    assert out.returncode == 2
    assert "briefing export: error: argument --paper" in out.stderr


def test_unknown_option_shows_the_subcommands_usage(example_path, tmp_path, cli):
    out = cli("export", example_path.name, "--bogus", cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.startswith("usage: briefing export ")
    assert "briefing export: error: unrecognized arguments: --bogus" in out.stderr
    assert list(tmp_path.glob("*.pdf")) == []
    out = cli("validate", example_path.name, "--bogus", cwd=tmp_path)
    assert out.returncode == 2 and out.stderr.startswith("usage: briefing validate ")
