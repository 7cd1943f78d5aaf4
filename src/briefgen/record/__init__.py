"""What a build records for regeneration: the manifest (inputs, statistics, datasets,
sentences, outputs) that the up-to-date check, ``briefgen diff`` and the annex read."""
