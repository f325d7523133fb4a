"""Application services: what a command does, from raw input to stored, checked and graded data."""
