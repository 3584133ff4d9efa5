"""The Textual study app. Import :func:`trainer.tui.app.make_app`; nothing here loads dictionaries."""
