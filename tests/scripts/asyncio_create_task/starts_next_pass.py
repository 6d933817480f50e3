import asyncio

async def job():
    print("job starts")

async def main():
    asyncio.create_task(job())
    print("task created")
    await asyncio.sleep(0)
    print("main resumes")

asyncio.run(main())

# expect: task created
# expect: job starts
# expect: main resumes
