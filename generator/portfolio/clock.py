"""The moment a portfolio run happens: SOURCE_DATE_EPOCH when set (reproducible dashboards, and a
merged dashboard identical to a one-machine one), else now."""

from __future__ import annotations

import datetime as dt
import os


def now() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
