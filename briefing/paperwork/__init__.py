"""The paperwork before and after the trip: what the plan and the report hold (data) and their
Word files (docx). The PDFs are drawn by briefing.book.paperwork."""
