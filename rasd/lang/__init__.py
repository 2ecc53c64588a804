"""Language data. Each language is a folder of versioned data files plus a small loader."""
