"""Maps: the world's countries (Natural Earth outlines shipped as data) drawn as SVG."""

from cpbmonitor.core.maps.world import Category, MapData, load_map, world_map

__all__ = ["Category", "MapData", "load_map", "world_map"]
