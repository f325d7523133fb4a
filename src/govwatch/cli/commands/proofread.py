"""`govwatch proofread FILE`: placeholder until the proofreading engine lands (issue 3)."""
