"""The window's menu actions: files, export, paperwork, recovery and stops."""
