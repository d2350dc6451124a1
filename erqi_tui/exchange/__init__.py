"""Every format in and out: the exports (md, html, csv, json, xlsx, docx, svg) and the import of
an office's ledger. No Textual."""
