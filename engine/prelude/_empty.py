# Placeholder so the embedded prelude is never empty; the asyncio model lives beside it.
