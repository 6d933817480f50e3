# User exception classes with extra attributes.
class AppError(Exception):
    pass
class RetryError(AppError):
    def __init__(self, attempts):
        super().__init__(f"gave up after {attempts} attempts")
        self.attempts = attempts
try:
    raise RetryError(3)
except AppError as error:
    print(type(error).__name__, error, error.attempts, error.args)

# expect: RetryError gave up after 3 attempts 3 ('gave up after 3 attempts',)
