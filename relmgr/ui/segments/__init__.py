"""Segmentation pages: service tiers (tiers), RFM segments and clusters (page) and lifecycle stages
(lifecycle). Data: relmgr.services.segments and segment_views."""
