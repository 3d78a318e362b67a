"""A book that opens only with its password: the finished PDF encrypted with AES-256.

ReportLab encrypts with AES-256 only through `pyaes`, a pure-Python cipher unmaintained since
2017. pypdf (kept up, and what the tests read books with) re-writes the finished book encrypted,
with the `cryptography` package doing the AES: the same bytes ReportLab made, page for page,
bookmarks, links and metadata included, only locked.
"""

from __future__ import annotations

import io

# What the encryption dictionary of an AES-256 book names, as pypdf reports it; PDF 2.0's
# revision 6, which Acrobat, pdf.js, Poppler and PDFium (the window's preview) open.
ALGORITHM = "AES-256"


class ProtectError(Exception):
    """The book could not be encrypted; the message says why in words a user can act on."""


def password_problem(password: str) -> str:
    """Why `password` cannot lock a book, or "" when it can."""
    if not password:
        return "the password is empty"
    if any(ch in password for ch in "\r\n"):
        return "the password holds a line break"
    return ""


def encrypt(data: bytes, password: str) -> bytes:
    """The PDF `data` encrypted with AES-256: it opens with `password` and with nothing else."""
    problem = password_problem(password)
    if problem:
        raise ProtectError(f"the book cannot be locked: {problem}")
    try:
        from pypdf import PdfReader, PdfWriter
        from pypdf.errors import DependencyError
    except ImportError as e:  # a build without it: say what is missing, never write it unlocked
        raise ProtectError(f"the book cannot be locked: {e.name} is not installed") from e
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    try:
        writer.encrypt(user_password=password, owner_password=password, algorithm=ALGORITHM)
    except DependencyError as e:
        raise ProtectError(f"the book cannot be locked: {e}") from e
    # Revision 6 belongs to PDF 2.0; readers that check the header expect at least 1.7.
    writer.pdf_header = b"%PDF-1.7"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
