"""The MkDocs adapter of the edition: the only code that imports MkDocs."""
