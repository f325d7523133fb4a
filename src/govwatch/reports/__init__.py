"""Outputs: the evaluation as JSON and tables; later the notice (.docx), annexes (.xlsx) and charts."""
