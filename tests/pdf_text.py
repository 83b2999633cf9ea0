"""Prints the text of each page of a PDF as a JSON list, read with pypdf (an independent reader).

Usage: pdf_text.py FILE.pdf
"""

import json
import sys

import pypdf

reader = pypdf.PdfReader(sys.argv[1])
json.dump([page.extract_text() or "" for page in reader.pages], sys.stdout, ensure_ascii=False)
