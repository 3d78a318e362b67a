"""`briefing export` for the jobs staff do: every personal copy at once, drafts of a trip with
errors, locked books (--password on a terminal, --password-file), a watermark, memo pages, file
names that follow the copy, and the warning when a new version kept the old version label."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import sys
import time

import pytest
from pypdf import PdfReader

import briefing
from briefing import package_data


def texts(path, password: str | None = None) -> list[str]:
    reader = PdfReader(path)
    if password is not None:
        reader.decrypt(password)
    return [p.extract_text() or "" for p in reader.pages]


@pytest.fixture
def trip_file(tmp_path):
    path = tmp_path / "trip.yaml"
    path.write_bytes(package_data.example_path().read_bytes())
    return path


def test_for_all_writes_one_copy_per_member_in_the_folder(cli, trip_file, tmp_path):
    folder = tmp_path / "copies"
    done = cli("export", trip_file, "--for", "all", "-o", folder, "--edition", "handout",
               "--watermark", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    people = [p.name for p in briefing.load(trip_file).delegation]  # copies named by name
    names = sorted(os.listdir(folder))
    assert names == sorted(f"trip.{name}.handout.pdf" for name in people)
    for n, name in enumerate(people, 1):
        cover = texts(folder / f"trip.{name}.handout.pdf")[0]
        assert f"배부번호 {n}/5" in cover
    assert done.stdout.count("wrote ") == 5


def test_for_all_without_o_writes_beside_the_trip(cli, trip_file, tmp_path):
    done = cli("export", trip_file, "--for", "all", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    people = briefing.load(trip_file).delegation
    assert (tmp_path / f"trip.{people[0].name}.pdf").exists()
    assert (tmp_path / f"trip.{people[-1].name}.pdf").exists()
    assert not (tmp_path / "trip.pdf").exists()


def test_for_all_refuses_a_pdf_name(cli, trip_file, tmp_path):
    done = cli("export", trip_file, "--for", "all", "-o", tmp_path / "book.pdf", cwd=tmp_path)
    assert done.returncode == 1 and "names a folder" in done.stderr
    assert not (tmp_path / "book.pdf").exists()


def test_the_default_name_follows_the_copy_and_o_is_obeyed(cli, trip_file, tmp_path):
    assert cli("export", trip_file, "--edition", "handout", cwd=tmp_path).returncode == 0
    assert cli("export", trip_file, "--for", "mayor", cwd=tmp_path).returncode == 0
    assert cli("export", trip_file, cwd=tmp_path).returncode == 0
    mayor = briefing.load(trip_file).delegation[0].name
    assert {"trip.pdf", "trip.handout.pdf", f"trip.{mayor}.pdf"} <= set(os.listdir(tmp_path))
    assert "배포본" in PdfReader(tmp_path / "trip.handout.pdf").metadata.title
    done = cli("export", trip_file, "--edition", "handout", "-o", tmp_path / "trip.pdf")
    assert done.returncode == 0
    assert "배포본" in PdfReader(tmp_path / "trip.pdf").metadata.title


def test_a_trip_with_errors_exports_only_as_a_draft(cli, trip_file, tmp_path):
    text = trip_file.read_text(encoding="utf-8")
    trip_file.write_text(text.replace("end: 2023-03-05", "end: 2023-02-01", 1), encoding="utf-8")
    refused = cli("export", trip_file, cwd=tmp_path)
    assert refused.returncode == 1 and "--draft" in refused.stderr
    assert not list(tmp_path.glob("*.pdf"))
    done = cli("export", trip_file, "--draft", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "writing a draft" in done.stderr
    pages = texts(tmp_path / "trip.draft.pdf")
    assert all("초안 / DRAFT" in t for t in pages)


def test_password_file_locks_the_book_with_its_first_line(cli, trip_file, tmp_path):
    secret = tmp_path / "pw.txt"
    secret.write_bytes(" 고양 pass \r\nsecond line\n".encode())
    out = tmp_path / "locked.pdf"
    done = cli("export", trip_file, "-o", out, "--password-file", secret)
    assert done.returncode == 0, done.stderr
    reader = PdfReader(out)
    assert reader.is_encrypted and reader.trailer["/Encrypt"]["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    for wrong in ("고양 pass", " 고양 pass \r", " 고양 pass \r\n", "second line"):
        assert PdfReader(out).decrypt(wrong).name == "NOT_DECRYPTED", repr(wrong)
    assert "전체본" in texts(out, " 고양 pass ")[0]


@pytest.mark.parametrize("content, why", [(b"\n", "empty"), (None, "cannot be read"),
                                          (b"x" * 3_000_000, "is over 1024 bytes")])
def test_an_unusable_password_file_writes_nothing(cli, trip_file, tmp_path, content, why):
    secret = tmp_path / "pw.txt"
    if content is not None:
        secret.write_bytes(content)
    done = cli("export", trip_file, "-o", tmp_path / "x.pdf", "--password-file", secret)
    assert done.returncode == 1 and why in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_password_without_a_terminal_says_what_to_do(cli, trip_file, tmp_path):
    done = cli("export", trip_file, "-o", tmp_path / "x.pdf", "--password")
    assert done.returncode == 1 and "--password-file" in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def _converse(args: list[str], answers: list[str], env) -> tuple[int, str]:
    """Run the command on a pseudo-terminal, typing each answer once its prompt has shown."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execve(args[0], args, env)
    seen = b""
    deadline = time.monotonic() + 60
    answered = 0
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the command has ended and closed the terminal
                break
            if not chunk:
                break
            seen += chunk
            # getpass flushes what was typed ahead, so each answer waits for its own prompt.
            if answered < len(answers) and seen.count(PROMPT) + seen.count(AGAIN) > answered:
                os.write(fd, answers[answered].encode() + b"\n")
                answered += 1
    finally:
        if time.monotonic() >= deadline:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    return os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")


PROMPT, AGAIN = b"Password for the book:", b"The same password again:"


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_password_is_asked_twice_on_the_terminal_without_echo(briefing_command, trip_file,
                                                              tmp_path):
    env = {**os.environ, "LANG": "C.UTF-8"}
    out = tmp_path / "locked.pdf"
    args = [str(briefing_command), "export", str(trip_file), "-o", str(out), "--password"]
    code, screen = _converse(args, ["open sesame", "open sesame"], env)
    assert code == 0, screen
    assert "Password for the book:" in screen and "again" in screen
    assert "open sesame" not in screen  # typed without echo
    assert PdfReader(out).decrypt("open sesame").name != "NOT_DECRYPTED"
    out.unlink()
    code, screen = _converse(args, ["open sesame", "open sesam"], env)
    assert code == 1 and "differ" in screen and not out.exists()


def test_same_version_different_content_warns(cli, trip_file, tmp_path):
    old = tmp_path / "old.yaml"
    trip = briefing.load(trip_file)
    trip.stops[0].title = "예전 제목"
    briefing.save(trip, old)
    done = cli("export", trip_file, "-o", tmp_path / "b.pdf", "--since", old)
    assert done.returncode == 0, done.stderr
    assert "same version and date" in done.stderr
    changes = next(t for t in texts(tmp_path / "b.pdf") if "이후 바뀐 내용" in t)
    assert "수정 차수와 작성일이 같지만" in changes.replace("\n", " ")
    trip.info.version = "2"
    briefing.save(trip, old)
    done = cli("export", trip_file, "-o", tmp_path / "b.pdf", "--since", old)
    assert done.returncode == 0 and "same version" not in done.stderr


def test_the_warning_in_korean(cli, trip_file, tmp_path):
    old = tmp_path / "old.yaml"
    trip = briefing.load(trip_file)
    trip.stops[0].title = "예전 제목"
    briefing.save(trip, old)
    done = cli("export", trip_file, "-o", tmp_path / "b.pdf", "--since", old, "--lang", "ko")
    assert "수정 차수와 작성일이 같습니다" in done.stderr


def test_notes_pages_option(cli, trip_file, tmp_path):
    def memos(*extra) -> int:
        """The memo spaces, one per stop; one may begin on its stop's half-empty last page."""
        out = tmp_path / "n.pdf"
        assert cli("export", trip_file, "-o", out, *extra).returncode == 0
        return sum(len(re.findall(r"^메모 — \d+\. ", page.extract_text(), re.M))
                   for page in PdfReader(out).pages)

    stops = len(briefing.load(trip_file).stops)
    assert memos() == stops and memos("--no-notes-pages") == 0
    assert memos("--edition", "handout") == 0
    assert memos("--edition", "handout", "--notes-pages") == stops
