"""Regeneration: build manifests, change reports between builds, caching and watching."""
