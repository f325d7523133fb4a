"""The text of a file linked from a page (附件), as the attachment reader hands it on.

The full reader (xlsx/xls/docx/doc/pdf) comes from the attachments work of issue 18 (helper o18);
this model is the agreed boundary both sides use.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class AttachmentText(BaseModel):
    model_config = ConfigDict(frozen=True)

    url: str
    filename: str
    text: str
    unreadable: str | None = None  # why it could not be read, in Chinese; text is then ""
