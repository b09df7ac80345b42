"""Exports of the store: GDELT 2.0 Events and Mentions tables, PLOVER JSON, Parquet and CSV."""
