"""Settings of CPB Monitor, chosen by ``CPB_ENV`` (``dev``, the default, or ``prod``).

``DJANGO_SETTINGS_MODULE = "cpbmonitor.web.settings"`` everywhere; every setting is
declared in ``common`` and the environment overlay only changes what differs.
"""

import os

from .common import *  # noqa: F403

if os.environ.get("CPB_ENV", "dev") == "prod":
    from .prod import *  # noqa: F403
else:
    from .dev import *  # noqa: F403
