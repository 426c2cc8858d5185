"""Versioned prompt files (Markdown with front matter: name, version); loaded by assistant.llm.prompts."""
