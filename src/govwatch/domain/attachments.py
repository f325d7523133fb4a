"""An attached file (附件) as text: what a portal article links as .xlsx, .xls, .docx, .doc, .pdf or .csv.

County portals publish lists of names — 低保 recipients, subsidy payments, 公示 of applicants — as
spreadsheets and documents linked from an article rather than in its text. The privacy and wording checks
read the file's text; a file that could not be read says why (`unreadable`, in Chinese), so a check that
saw nothing is never mistaken for a check that found nothing.
"""

from __future__ import annotations

from pydantic import BaseModel


class AttachmentText(BaseModel, frozen=True):
    """The text of one attached file: cells tab-separated, rows and paragraphs one a line.

    url: where the file was fetched; filename: its name (from the link or the URL's last segment);
    text: what could be read (empty when unreadable); unreadable: why nothing could be read, or None;
    truncated: why only part was read (a cell, page or character bound), or None.
    """

    url: str
    filename: str
    text: str
    unreadable: str | None = None
    truncated: str | None = None

    @property
    def readable(self) -> bool:
        return self.unreadable is None
