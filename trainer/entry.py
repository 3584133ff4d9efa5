"""The ``trainer`` console script.

A bare ``trainer`` goes straight to the study app, without importing the CLI
framework: launch-to-first-card is the moment a learner waits on. Anything else is
handed to the click CLI (:mod:`trainer.cli`).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args:
        from trainer.cli import main as cli_main

        cli_main(args)
        return
    from trainer.errors import TrainerError
    from trainer.opening import Settings, run_study

    try:
        run_study(Settings.from_env())
    except TrainerError as error:
        print(f"trainer: error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("trainer: interrupted", file=sys.stderr)
        sys.exit(130)
