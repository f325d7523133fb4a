"""The pure domain: county structure, cycles, gap finding, rules and grading. No I/O here."""
