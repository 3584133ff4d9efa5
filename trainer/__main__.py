"""``python -m trainer`` is the same as the ``trainer`` command."""

from trainer.entry import main

main()
