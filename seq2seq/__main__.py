"""`python -m seq2seq` is the same CLI as `seq2seq`."""
import sys

from .cli import main

sys.exit(main())
