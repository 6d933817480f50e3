#pragma once
// The narration: one plain sentence (or two) for every stop of the cursor, saying what happens
// there and what the loop does next:
//   "t=0.0 · Task-2 add_slow runs to line 15 and awaits asyncio.sleep(5): it sleeps until t=5.0.
//    Next the loop runs Task-3 add_fast, ready since t=0.0."
// Built from the trace (LoopHistory) and the scenario's text. No Qt.

#include <string>
#include <vector>

#include "LoopHistory.h"
#include "LoopWords.h"
#include "RunCursor.h"

namespace loopscope {

class Narrator {
  public:
    Narrator(const LoopHistory& history, const RunCursor& cursor, SourceLines source)
        : history_(history), cursor_(cursor), source_(std::move(source)), firstPass_(findFirstPass(history))
    {
    }

    // The sentence for the cursor's stop [position].
    std::string sentence(int position) const;

  private:
    // The first PassBegan of the run (the event count: none). Code before it is the program's
    // top level, which can run millions of statements: whoRuns must not scan back over them.
    static uint32_t findFirstPass(const LoopHistory& history);
    std::string stepSentence(EventIndex began) const;
    std::string statementSentence(EventIndex at, EventIndex next) const;
    std::string callbackSentence(EventIndex at, EventIndex next) const;
    std::string clockSentence(EventIndex at, EventIndex next) const;
    std::string endSentence(EventIndex at) const;
    // What the step that ends at [end] does last: "awaits asyncio.sleep(5): it sleeps until
    // t=5.0", "returns 7: it is done"; the task is [task].
    std::string ending(TaskId task, EventIndex end) const;
    // "Next the loop runs Task-3 add_fast, ready since t=0.0." for what follows [after].
    std::string whatComesNext(EventIndex after) const;
    // Phrases for what happens in the events (from, to): "prints “x”", "creates Task-2 add_slow".
    std::vector<std::string> effects(uint32_t from, uint32_t to, TaskId self) const;
    // Who runs the code at [at]: a task, a callback, or the program itself.
    std::string whoRuns(EventIndex at) const;

    const LoopHistory& history_;
    const RunCursor& cursor_;
    SourceLines source_;
    uint32_t firstPass_;
};

// "a", "a and b", "a, b and c".
std::string joinPhrases(const std::vector<std::string>& phrases);

} // namespace loopscope
