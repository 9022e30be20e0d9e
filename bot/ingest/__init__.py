"""Ingestion: corpus files -> releases and numbered paragraphs, with a report of what was skipped and why."""
