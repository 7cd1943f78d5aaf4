"""Regeneration features above the build: change reports between builds, the annex, watching and the preview."""
