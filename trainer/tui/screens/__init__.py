"""Screens of the study app: deck list, review, summary, browse and the dialogs."""
