"""One rule for every file a command writes: it replaces only the file it names, of its own kind.

Run in-process through `main`, as every case is refused before anything is built; the last test
runs the installed command once, so that the wiring of each command is the one users get.
"""

import os

import pytest

from briefing.cli.commands import main
from briefing.fileformat import outputs

OTHER_TRIP = "briefing: 1\ntrip:\n  title: Another team's trip\n"


@pytest.fixture
def folder(tmp_path, example_path, monkeypatch):
    """The example trip, another trip (named like a PDF) and a link to it, in the working folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "other.yaml").write_text(OTHER_TRIP, encoding="utf-8")
    (tmp_path / "other-trip.pdf").write_text(OTHER_TRIP, encoding="utf-8")
    os.symlink("other.yaml", tmp_path / "book.pdf")
    (tmp_path / "notes.pdf").write_text("my notes, not a PDF\n", encoding="utf-8")
    return tmp_path


def _unchanged(folder):
    assert (folder / "other.yaml").read_text(encoding="utf-8") == OTHER_TRIP
    assert (folder / "other-trip.pdf").read_text(encoding="utf-8") == OTHER_TRIP
    assert (folder / "notes.pdf").read_text(encoding="utf-8") == "my notes, not a PDF\n"
    assert os.readlink(folder / "book.pdf") == "other.yaml"
    assert not list(folder.glob("*.bak")) and not list(folder.glob(".*.tmp"))


@pytest.mark.parametrize("argv, why", [
    (["export", "example.yaml", "-o", "book.pdf"], "is a symbolic link (to other.yaml)"),
    (["export", "example.yaml", "-o", "other-trip.pdf"], "is a trip file"),
    (["export", "example.yaml", "-o", "notes.pdf"], "holds something other than a PDF file"),
    (["export", "example.yaml", "-o", "book.txt"], "does not end in .pdf"),
    (["export", "example.yaml", "--since", "other-trip.pdf", "-o", "other-trip.pdf"],
     "is a trip file"),
    (["calendar", "example.yaml", "-o", "cal.pdf"], "does not end in .ics"),
    (["calendar", "example.yaml", "-o", "book.pdf"], "is a symbolic link"),
    (["plan", "example.yaml", "-o", "other-trip.pdf"], "is a trip file"),
    (["report", "example.yaml", "-o", "book.pdf"], "is a symbolic link"),
    (["plan", "example.yaml", "-o", "plan.txt"], "does not end in .pdf / .docx"),
    (["plan", "example.yaml", "-o", "example.yaml"], "is the trip file itself"),
    (["example", "-o", "x.pdf"], "does not end in .yaml / .yml"),
    (["merge", "example.yaml", "example.yaml", "example.yaml", "-o", "x.pdf"],
     "does not end in .yaml"),
    (["merge", "example.yaml", "example.yaml", "example.yaml", "-o", "other.yaml"],
     "is a trip file"),
    (["merge", "example.yaml", "example.yaml", "example.yaml", "-o", "notes.pdf"],
     "does not end in .yaml"),
])
def test_an_output_replaces_only_the_file_it_names(folder, capsys, argv, why):
    before = (folder / "example.yaml").read_bytes()
    assert main(argv) in (1, 2)
    err = capsys.readouterr().err
    assert why in err and "nothing was written" in err, err
    _unchanged(folder)
    assert (folder / "example.yaml").read_bytes() == before
    assert not (folder / "x.pdf").exists() and not (folder / "cal.pdf").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_fifo_is_refused_without_blocking(folder, capsys):
    os.mkfifo(folder / "pipe.ics")
    assert main(["calendar", "example.yaml", "-o", "pipe.ics"]) == 1
    assert "pipe.ics is a pipe (FIFO), not a file" in capsys.readouterr().err


def test_every_personal_copy_is_checked_before_any_is_written(folder, capsys):
    (folder / "out").mkdir()
    os.symlink("../other.yaml", folder / "out" / "example.이동환.pdf")  # the mayor's copy
    assert main(["export", "example.yaml", "--for", "all", "-o", "out"]) == 1
    assert "is a symbolic link" in capsys.readouterr().err
    assert [p.name for p in (folder / "out").iterdir()] == ["example.이동환.pdf"]
    _unchanged(folder)


def test_merge_still_writes_into_mine_through_its_link(folder, capsys):
    os.symlink("example.yaml", folder / "mine.txt")  # any name: it is the command's own trip
    assert main(["merge", "example.yaml", "mine.txt", "example.yaml"]) == 0
    assert os.path.islink(folder / "mine.txt")
    assert "wrote mine.txt" in capsys.readouterr().err


def test_what_may_be_replaced(tmp_path):
    pdf = tmp_path / "old.pdf"
    pdf.write_bytes(b"%PDF-1.4\n...")
    empty = tmp_path / "empty.ics"
    empty.write_bytes(b"")
    ics = tmp_path / "old.ics"
    ics.write_bytes(b"\xef\xbb\xbfbegin:vcalendar\r\n")
    word = office(tmp_path / "plan.DOCX", "docx")
    assert outputs.refusal(pdf, "pdf") is None
    assert outputs.refusal(empty, "ics") is None
    assert outputs.refusal(ics, "ics") is None
    assert outputs.refusal(word, ("pdf", "docx")) is None
    assert outputs.refusal(tmp_path / "new.pdf", "pdf") is None
    assert "holds something other than a Word file" in str(outputs.refusal(pdf.rename(
        tmp_path / "old.docx"), ("pdf", "docx")))
    notes = tmp_path / "notes.yaml"
    notes.write_text("just: some yaml\n", encoding="utf-8")
    assert outputs.refusal(notes, "trip", replace_trip=True) is None  # example --force


def test_the_refusal_is_said_in_korean(folder, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert main(["export", "example.yaml", "-o", "notes.pdf"]) == 1
    err = capsys.readouterr().err
    assert "notes.pdf" in err and "PDF 파일" in err and "holds" not in err


def test_the_installed_command_refuses_a_link_to_another_trip(folder, cli):
    out = cli("export", "example.yaml", "-o", "book.pdf", cwd=folder)
    assert out.returncode == 1 and "is a symbolic link" in out.stderr
    out = cli("calendar", "example.yaml", "-o", "-", cwd=folder)
    assert out.returncode == 0 and out.stdout.startswith("BEGIN:VCALENDAR")
    _unchanged(folder)


def office(path, kind):
    """A small zip like a Word (.docx), Hancom (.hwpx) or Excel (.xlsx) file."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if kind == "hwpx":
            z.writestr("mimetype", "application/hwp+zip", compress_type=zipfile.ZIP_STORED)
            z.writestr("Contents/section0.xml", "<sec/>")
            return path
        main = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml."
                        "document.main+xml",
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml."
                        "sheet.main+xml"}[kind]
        z.writestr("[Content_Types].xml", f'<Types><Override PartName="/main.xml" '
                                          f'ContentType="{main}"/></Types>')
        z.writestr("main.xml", "<document/>")
    return path


@pytest.mark.parametrize("name, holds", [("h.docx", "hwpx"), ("dd.hwpx", "docx"),
                                         ("s.docx", "xlsx"), ("z.hwpx", "xlsx")])
def test_an_office_file_of_another_kind_is_not_replaced(folder, capsys, name, holds):
    before = office(folder / name, holds).read_bytes()
    assert main(["plan", "example.yaml", "-o", name]) == 1
    assert "holds something other than" in capsys.readouterr().err
    assert (folder / name).read_bytes() == before


def test_only_a_whole_zip_of_the_kind_is_replaced(tmp_path):
    assert outputs.refusal(office(tmp_path / "a.docx", "docx"), ("pdf", "docx")) is None
    assert outputs.refusal(office(tmp_path / "a.hwpx", "hwpx"), "hwpx") is None
    damaged = tmp_path / "d.docx"
    damaged.write_bytes(office(tmp_path / "b.docx", "docx").read_bytes()[:-30])
    assert "holds something other than" in str(outputs.refusal(damaged, "docx"))


def test_example_force_keeps_the_replaced_trip_as_a_backup(folder, capsys):
    mine = folder / "mine.yaml"
    mine.write_text(OTHER_TRIP, encoding="utf-8")
    assert main(["example", "-o", "mine.yaml", "--force"]) == 0
    assert (folder / "mine.yaml.bak").read_text(encoding="utf-8") == OTHER_TRIP
    assert mine.read_text(encoding="utf-8") != OTHER_TRIP
