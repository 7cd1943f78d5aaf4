"""briefgen: Korean policy briefs (SPRi 이슈리포트 style) from data, as DOCX and PDF."""

__version__ = "0.1.0"
