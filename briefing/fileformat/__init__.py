"""The trip file: YAML read (reader) and written (writer) with positions and comments kept,
saved atomically; the JSON Schema for editors."""
