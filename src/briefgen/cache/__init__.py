"""What builds keep between runs, below the build: input hashes, built outputs, compiled
templates and parsed fonts, in the project's ``.briefgen-cache/`` or the per-user cache.
Deleting any of it only makes the next build slower."""
