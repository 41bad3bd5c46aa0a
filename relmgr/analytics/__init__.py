"""Pure analytics over DataFrames: no SQL, no Qt."""
