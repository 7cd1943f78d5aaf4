"""Data loading: read declared datasets (CSV/XLSX/JSON), clean multi-value cells, filter."""

from briefgen.data.dataset import Dataset
from briefgen.data.load import load_datasets

__all__ = ["Dataset", "load_datasets"]
