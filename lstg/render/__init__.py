"""Console output: problems, checks, status and places as the commands print them."""
