# title: A simple event loop runs one coroutine
# summary: get_event_loop gives a loop, run_until_complete runs myCoroutine to its end, and close tidies up; one line is printed at t=0.
import asyncio

async def myCoroutine():
    print("Simple Event Loop Example")

def main():
    # Define an instance of an event loop
    loop = asyncio.get_event_loop()
    # Tell this event loop to run until all the tasks assigned
    # to it are complete. In this example just the execution of
    # our myCoroutine() coroutine.
    loop.run_until_complete(myCoroutine())
    # Tidying up our loop by calling close()
    loop.close()

if __name__ == '__main__':
    main()
