"""Licences as SPDX identifiers, and which of them are open source.

Storing the SPDX identifier (not free text) lets search facet on licences and
lets the open-source flag be derived when a contributor does not state it.
"""

from django.utils.translation import gettext_lazy as _

PROPRIETARY = "proprietary"

# OSI-approved licences that open-government tools commonly use.
OPEN_SOURCE_LICENCES = {
    "AGPL-3.0-only": "GNU Affero General Public License v3.0 only",
    "AGPL-3.0-or-later": "GNU Affero General Public License v3.0 or later",
    "Apache-2.0": "Apache License 2.0",
    "BSD-2-Clause": 'BSD 2-Clause "Simplified" License',
    "BSD-3-Clause": 'BSD 3-Clause "New" or "Revised" License',
    "CECILL-2.1": "CeCILL Free Software License Agreement v2.1",
    "EPL-2.0": "Eclipse Public License 2.0",
    "EUPL-1.2": "European Union Public License 1.2",
    "GPL-2.0-only": "GNU General Public License v2.0 only",
    "GPL-2.0-or-later": "GNU General Public License v2.0 or later",
    "GPL-3.0-only": "GNU General Public License v3.0 only",
    "GPL-3.0-or-later": "GNU General Public License v3.0 or later",
    "ISC": "ISC License",
    "LGPL-2.1-or-later": "GNU Lesser General Public License v2.1 or later",
    "LGPL-3.0-only": "GNU Lesser General Public License v3.0 only",
    "LGPL-3.0-or-later": "GNU Lesser General Public License v3.0 or later",
    "MIT": "MIT License",
    "MPL-2.0": "Mozilla Public License 2.0",
    "Unlicense": "The Unlicense",
}


def licence_choices():
    choices = [("", _("Unknown"))]
    choices += [(spdx, f"{spdx} — {name}") for spdx, name in sorted(OPEN_SOURCE_LICENCES.items())]
    choices.append((PROPRIETARY, _("Proprietary")))
    return choices


def is_open_source_licence(spdx_id):
    """True, False, or None when the licence is unknown."""
    if not spdx_id:
        return None
    return spdx_id in OPEN_SOURCE_LICENCES


def open_source_flag(stated, spdx_id):
    """A tool's open-source flag: the stated one wins; otherwise derived from the licence.

    Shared by `ToolPage.is_open_source` and the search index, which reads
    tools as rows rather than pages.
    """
    return stated if stated is not None else is_open_source_licence(spdx_id)
