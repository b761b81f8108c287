"""An annotated, bilingual-script edition of a Chinese text, and the generator that builds it.

`edition.core` is generator-neutral plain Python; `edition.mkdocs_plugin` adapts it to MkDocs.
"""
