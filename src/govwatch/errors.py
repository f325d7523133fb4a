"""govwatch's own exception types: the errors a user can cause and fix, each with a complete Chinese message.

The command line shows these (and only these) as plain messages with no traceback; any other exception is
a defect of govwatch and is reported as one, with a hint to re-run with `--debug` for the traceback
(cli/common.py). Each type also derives from the built-in it refines (ValueError, LookupError), so that
pydantic validators and the web routes that catch the built-ins keep working unchanged. This module is pure:
the domain raises these types too.
"""

from __future__ import annotations


class GovwatchError(Exception):
    """An error the user can fix: its message says, in Chinese, what is wrong and where."""


class InvalidInput(GovwatchError, ValueError):
    """A value the user gave (an option, an argument, a form field, a record of a file) is not acceptable."""


class ConfigError(InvalidInput):
    """Bad county data (county.yaml, rules.yaml, lexicons, templates): each message names file, line and field."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


class InputFileError(InvalidInput):
    """A file the user handed in (an export, a template, a folder) is missing, unreadable or malformed."""


class NotFound(GovwatchError, LookupError):
    """A named thing (county, unit, account, finding, job, user) does not exist."""

    def __str__(self) -> str:  # LookupError's str() of one argument would quote it as a repr
        return str(self.args[0]) if len(self.args) == 1 else super().__str__()


class NotAllowed(InvalidInput):
    """A step the current state does not permit (a rectification already closed, a review out of order)."""


class ServiceUnavailable(GovwatchError):
    """Something govwatch needs outside itself (PostgreSQL, LibreOffice, a platform, a mail server) failed."""
