"""Reading a county's data files (county.yaml, rules.yaml) with errors that name file, line and field."""
