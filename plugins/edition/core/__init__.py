"""Generator-neutral core of the edition. Nothing in this package may import MkDocs."""
