"""Publishing: copy the checked marts out of the build database into the file BI tools read."""
