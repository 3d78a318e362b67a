"""The rules about time and the checks: local and home time (clock), overnight stops and overlaps
(schedule), every event in order (timeline), the trip day by day (days), errors and warnings
(validate)."""
