"""consolidator: Dutch amending acts in, consolidated law out."""
