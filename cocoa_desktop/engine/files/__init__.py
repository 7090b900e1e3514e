"""Surveys read and written: campaign files, streams, bulk reads, phone submissions, producer lists."""
