"""Store errors: one line that says what is wrong and what to do; nothing was written."""

from __future__ import annotations

EXIT_RUNTIME, EXIT_USAGE = 1, 2


class StoreError(Exception):
    """A database that cannot be opened, read or written as Rasd's event database."""

    def __init__(self, message: str, exit_code: int = EXIT_RUNTIME) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message
