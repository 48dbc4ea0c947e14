"""Find place mentions in an article and resolve them to `Location`s: the public face of place resolution.

Mentions come from spaCy entities (GPE/LOC/FAC, and ORG/PERSON that match the gazetteer well) and from
capitalised word runs (`geo.spans`). Each is resolved against the gazetteer using the article's countries
(names, demonyms, places, groups: `geo.context`), admin names written next to it ("Springfield, Ill.",
"Watamu (Kilifi)", "X district of Y province": `geo.admin_hints`), place-type words ("Balkh province")
and population (`geo.scoring`), in one cached pass per article (`geo.analysis`, with the headline's
place from `geo.headline`). `geo.event_place` then picks an event's place among the mentions.
"""

from __future__ import annotations

from crisisledger.geo.analysis import find_places, main_country
from crisisledger.geo.event_place import SPECIFICITY, event_location, main_place
from crisisledger.geo.places import PlaceMention, country_location, to_location
from crisisledger.geo.spans import split_admin

__all__ = [
    "SPECIFICITY",
    "PlaceMention",
    "country_location",
    "event_location",
    "find_places",
    "main_country",
    "main_place",
    "split_admin",
    "to_location",
]
