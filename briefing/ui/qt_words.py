"""Qt's own words that its Korean catalog (qtbase_ko.qm, shipped with PySide6) lacks: the file
dialog showed "Look in:" and "Files of type:" in English beside Korean. It answers only for
these; every other text goes on to Qt's own catalog."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

# (context, source text) -> the words, per language; checked against every dialog the window
# uses (tests/ui/test_qt_words.py).
MISSING = {
    "ko": {
        ("QFileDialog", "&Look in:"): "찾는 위치(&L):",
        ("QFileDialog", "Files of &type:"): "파일 형식(&T):",
        ("QAbstractFileIconProvider", "Drive"): "드라이브",
        ("QAbstractFileIconProvider", "Folder"): "폴더",
    },
}


class MissingQtWords(QTranslator):
    def __init__(self, language: str, parent=None):
        super().__init__(parent)
        self.words = MISSING.get(language, {})

    def translate(self, context, source, disambiguation=None, n=-1):
        # None, not "": an empty text would end Qt's search of the other catalogs.
        return self.words.get((context, source))

    def isEmpty(self) -> bool:
        return not self.words
