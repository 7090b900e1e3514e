"""Files in and out: packages, workbooks, phone submissions, training, file dialogs, background jobs."""
