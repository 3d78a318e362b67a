"""The window's editors: the trip and stop forms, tables and cards, and the field editors they share."""
