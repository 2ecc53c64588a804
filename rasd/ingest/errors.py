"""Input errors: each names the input (file, line) and says what is wrong with it."""

from __future__ import annotations

from dataclasses import dataclass


class InputError(Exception):
    """An input that cannot be read as an Arabic article."""

    def __init__(self, origin: str, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message


@dataclass(slots=True, frozen=True)
class InputProblem:
    """A skipped input item (a bad file or a bad JSONL line) in a batch."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"
