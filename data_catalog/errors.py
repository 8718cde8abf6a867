"""User-facing errors and the CLI wrapper that turns them into Korean messages (never a traceback).

Every command line of the project parses its arguments with `KoArgumentParser` and runs its body
through `run_cli`: a `UserError` (bad file, bad column map, busy warehouse, …) or an argument error
prints `오류: <Korean>` and, for a technical audience, the English beside it, then exits with
status 2. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

EXIT_USAGE = 2


class UserError(ValueError):
    """A problem the user can fix; `ko` is shown to everyone, `en` beside it on the command line."""

    def __init__(self, ko: str, en: str = "") -> None:
        super().__init__(ko)
        self.ko, self.en = ko, en

    def __str__(self) -> str:
        return self.ko


class KoArgumentParser(argparse.ArgumentParser):
    """argparse with its errors in Korean (the English original beside it) and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"오류: 명령줄 인자가 올바르지 않습니다 (argument error: {message})\n")


def run_cli(main: Callable[[Sequence[str] | None], object], argv: Sequence[str] | None = None) -> None:
    """Run a CLI body; a UserError becomes a Korean message on stderr and exit status 2."""
    try:
        main(argv)
    except UserError as exc:
        print(f"오류: {exc.ko}", file=sys.stderr)
        if exc.en:
            print(f"(error: {exc.en})", file=sys.stderr)
        raise SystemExit(EXIT_USAGE) from None
    except KeyboardInterrupt:
        print("중단했습니다 (interrupted).", file=sys.stderr)
        raise SystemExit(130) from None
