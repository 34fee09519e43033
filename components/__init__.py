"""The page's blocks: each module builds one block's layout and registers that block's callbacks."""
