"""Term extractor: bilingual news articles in, study-note drafts out.

Importing this package is cheap on purpose: jieba, CC-CEDICT and the language
identifier are loaded lazily (``functools.cache``) by the modules that need them,
so ``trainer`` commands that never extract stay fast.  The entry points are
:func:`trainer.extract.pipeline.extract_files` (files -> rows) and
:func:`trainer.extract.pipeline.to_drafts` (rows -> :class:`~trainer.models.NoteDraft`).
"""
