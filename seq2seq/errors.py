"""The one exception type for mistakes a user can make and fix."""


class Seq2SeqError(Exception):
    """A user-fixable problem: bad recipe, missing file, malformed input; the CLI prints it on one line."""


class RecipeError(Seq2SeqError):
    """A recipe key is unknown, or its value has the wrong type or is out of range."""


class Interrupted(Exception):
    """Training stopped by SIGINT or SIGTERM after saving what a resume needs; exit code 128 + the signal."""

    def __init__(self, message: str, signum: int):
        super().__init__(message)
        self.exit_code = 128 + signum


class Terminated(KeyboardInterrupt):
    """SIGTERM outside training's loop: unwinds the job as Ctrl-C does; the CLI exits 143."""
