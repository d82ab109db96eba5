"""News articles: read them, strip page furniture, and extract ASN-neutrality facts with their evidence."""
