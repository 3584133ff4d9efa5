"""Exports of decks for other tools: Anki packages (:mod:`.anki`) and CSV (:mod:`.csv_export`).

Importing this package is cheap; genanki is only imported with :mod:`.anki`.
"""
