"""ingest stage: turn files, folders and standard input into `Article`s (or per-item read errors)."""

from __future__ import annotations

from crisisledger.ingest.base import DEFAULT_MAX_BYTES, ReadResult
from crisisledger.ingest.readers import expand_inputs, read_inputs

__all__ = ["DEFAULT_MAX_BYTES", "ReadResult", "expand_inputs", "read_inputs"]
