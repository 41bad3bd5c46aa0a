"""Domain vocabulary: codes, enums and small value rules. Standard library only."""
