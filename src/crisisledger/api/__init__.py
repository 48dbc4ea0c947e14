"""The REST API over the ledger (FastAPI), served by `crisisledger serve`.

>>> app = create_app("crisisledger.db", ApiSettings(auth_reads=False))
"""

from __future__ import annotations

from crisisledger.api.app import create_app
from crisisledger.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
