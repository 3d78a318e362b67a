"""The trip itself: its model, the one declaration of its fields (schema), its words in both
languages, dates, money and text blocks, and the vocabulary of problems (where, what, bounds)."""
