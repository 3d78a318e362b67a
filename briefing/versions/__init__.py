"""Versions of a trip: what changed between two (changes), two people's edits combined (merge)."""
