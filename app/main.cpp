// Entry point of the one `loopscope` binary, GUI and headless alike.
#include "CommandLine.h"

int main(int argc, char** argv)
{
    return loopscope::runLoopscope(argc, argv);
}
