"""The knowledge layer: every fact grantscan uses, read from the YAML/CSV data shipped in ``patterns/``.

Nothing here imports a detector, a pipeline stage or a report: knowledge flows down. Each module loads one
kind of data once (cached), validates it and raises ``PackError`` naming the file and line of a bad entry.
"""
