"""What a demo load created and found, per kind, with its progress messages."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Tally:
    """Counts what was created and what was already there, per kind, and reports progress."""

    stdout: object | None = None
    created: Counter = field(default_factory=Counter)
    present: Counter = field(default_factory=Counter)

    def record(self, kind: str, *, created: bool) -> None:
        (self.created if created else self.present)[kind] += 1

    def say(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)

    def report(self, *kinds: str) -> None:
        for kind in kinds:
            self.say(f"  {kind}: created {self.created[kind]}, already present {self.present[kind]}")

    def counts(self) -> dict:
        kinds = sorted(set(self.created) | set(self.present))
        return {
            "created": sum(self.created.values()),
            "present": sum(self.present.values()),
            "kinds": {kind: {"created": self.created[kind], "present": self.present[kind]} for kind in kinds},
        }
