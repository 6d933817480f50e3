// Compiler tests in the style of clox's and Lua's: small snippets and the exact opcode
// sequences they compile to, plus scoping decisions, line tables and compile-time errors.

#include <QtTest>

#include "chunk.h"
#include "compiler.h"
#include "engine.h"
#include "vm.h"

using namespace loopscope;

namespace {

// The opcode names of [code], space separated.
QString opsOf(const CodeObj* code)
{
    QStringList names;
    for (uint32_t word : code->code)
        names << QString::fromLatin1(opName(opOf(word)));
    return names.join(' ');
}

// Finds the code object named [name] nested anywhere in [code].
const CodeObj* findCode(const CodeObj* code, const std::string& name)
{
    if (strText(code->name) == name)
        return code;
    for (const Value& c : code->constants)
        if (isKind(c, ObjKind::Code))
            if (const CodeObj* found = findCode(c.as<CodeObj>(), name))
                return found;
    return nullptr;
}

struct Compiled {
    RunOptions options;
    std::unique_ptr<VM> vm;
    CompileResult result;
    explicit Compiled(const char* source)
    {
        vm = std::make_unique<VM>(options, nullptr);
        result = compileSource(*vm, source, "<test>", false);
    }
    const CodeObj* code(const std::string& name = "<module>") const
    {
        return result.code.isObject() ? findCode(result.code.as<CodeObj>(), name) : nullptr;
    }
};

} // namespace

class TestCompiler : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void opcodeSequences_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("module assignment")
            << "x = 1 + 2\n"
            << "<module>"
            << "LOAD_CONST LOAD_CONST BINARY_OP STORE_NAME LOAD_CONST RETURN_VALUE";
        QTest::newRow("fast locals") << "def f(a):\n    b = a\n    return b\n"
                                     << "f"
                                     << "LOAD_FAST STORE_FAST LOAD_FAST RETURN_VALUE LOAD_CONST RETURN_VALUE";
        QTest::newRow("global read in function") << "def f():\n    return g\n"
                                                 << "f"
                                                 << "LOAD_GLOBAL RETURN_VALUE LOAD_CONST RETURN_VALUE";
        QTest::newRow("global statement") << "def f():\n    global n\n    n = 1\n"
                                          << "f"
                                          << "LOAD_CONST STORE_GLOBAL LOAD_CONST RETURN_VALUE";
        QTest::newRow("closure cell")
            << "def f():\n    x = 1\n    def g():\n        return x\n    return g\n"
            << "f"
            << "LOAD_CONST STORE_DEREF LOAD_CLOSURE BUILD_TUPLE LOAD_CONST MAKE_FUNCTION "
               "STORE_FAST LOAD_FAST RETURN_VALUE LOAD_CONST RETURN_VALUE";
        QTest::newRow("free variable")
            << "def f():\n    x = 1\n    def g():\n        return x\n    return g\n"
            << "g"
            << "LOAD_DEREF RETURN_VALUE LOAD_CONST RETURN_VALUE";
        QTest::newRow("nonlocal store")
            << "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n"
            << "g"
            << "LOAD_CONST STORE_DEREF LOAD_CONST RETURN_VALUE";
        QTest::newRow("method call") << "s.upper()\n"
                                     << "<module>"
                                     << "LOAD_NAME LOAD_METHOD CALL_METHOD POP_TOP LOAD_CONST RETURN_VALUE";
        QTest::newRow("keyword call")
            << "f(1, sep=2)\n"
            << "<module>"
            << "LOAD_NAME LOAD_CONST LOAD_CONST LOAD_CONST CALL_KW POP_TOP LOAD_CONST RETURN_VALUE";
        QTest::newRow("star call")
            << "f(*a)\n"
            << "<module>"
            << "LOAD_NAME BUILD_LIST LOAD_NAME LIST_EXTEND LIST_TO_TUPLE CALL_EX POP_TOP "
               "LOAD_CONST RETURN_VALUE";
        QTest::newRow("while loop") << "while x:\n    pass\n"
                                    << "<module>"
                                    << "LOAD_NAME POP_JUMP_IF_FALSE NOP JUMP LOAD_CONST RETURN_VALUE";
        QTest::newRow("for loop")
            << "for i in r:\n    pass\n"
            << "<module>"
            << "LOAD_NAME GET_ITER FOR_ITER STORE_NAME NOP JUMP LOAD_CONST RETURN_VALUE";
        QTest::newRow("await") << "async def f():\n    await g()\n"
                               << "f"
                               << "LOAD_GLOBAL CALL GET_AWAITABLE LOAD_CONST SEND YIELD_VALUE JUMP POP_TOP "
                                  "LOAD_CONST RETURN_VALUE";
        QTest::newRow("chained comparison")
            << "a < b < c\n"
            << "<module>"
            << "LOAD_NAME LOAD_NAME DUP_TOP ROT_THREE COMPARE_OP JUMP_IF_FALSE_OR_POP "
               "LOAD_NAME COMPARE_OP JUMP ROT_TWO POP_TOP POP_TOP LOAD_CONST RETURN_VALUE";
        QTest::newRow("boolean and")
            << "a and b\n"
            << "<module>"
            << "LOAD_NAME JUMP_IF_FALSE_OR_POP LOAD_NAME POP_TOP LOAD_CONST RETURN_VALUE";
        QTest::newRow("try except")
            << "try:\n    f()\nexcept E:\n    pass\n"
            << "<module>"
            << "SETUP_FINALLY LOAD_NAME CALL POP_TOP POP_BLOCK JUMP DUP_TOP LOAD_NAME "
               "CHECK_EXC_MATCH POP_JUMP_IF_FALSE POP_TOP NOP POP_EXCEPT JUMP RERAISE "
               "LOAD_CONST RETURN_VALUE";
        QTest::newRow("list comprehension")
            << "[x for x in y]\n"
            << "<listcomp>"
            << "BUILD_LIST LOAD_FAST FOR_ITER STORE_FAST LOAD_FAST LIST_APPEND JUMP "
               "RETURN_VALUE";
        QTest::newRow("generator yield") << "def g():\n    yield 1\n"
                                         << "g"
                                         << "LOAD_CONST YIELD_VALUE POP_TOP LOAD_CONST RETURN_VALUE";
        QTest::newRow("augmented attribute")
            << "o.n += 1\n"
            << "<module>"
            << "LOAD_NAME DUP_TOP LOAD_ATTR LOAD_CONST BINARY_OP ROT_TWO STORE_ATTR "
               "LOAD_CONST RETURN_VALUE";
        QTest::newRow("unpacking") << "a, b = b, a\n"
                                   << "<module>"
                                   << "LOAD_NAME LOAD_NAME BUILD_TUPLE UNPACK_SEQUENCE STORE_NAME STORE_NAME "
                                      "LOAD_CONST RETURN_VALUE";
    }

    void opcodeSequences()
    {
        QFETCH(QString, source);
        QFETCH(QString, unit);
        QFETCH(QString, expected);
        Compiled c(source.toUtf8().constData());
        QVERIFY2(!c.result.error, c.result.error ? c.result.error->message.c_str() : "");
        const CodeObj* code = c.code(unit.toStdString());
        QVERIFY(code);
        QCOMPARE(opsOf(code), expected);
    }

    void codeFlagsAndSignature()
    {
        Compiled c("async def co(a, b=1, *rest, k, **kw):\n    await x\ndef gen():\n    yield\nasync def "
                   "agen():\n    yield\n");
        QVERIFY(!c.result.error);
        const CodeObj* co = c.code("co");
        QVERIFY(co->flags & kCoroutine);
        QCOMPARE(co->argcount, 2);
        QCOMPARE(co->kwonlyargcount, 1);
        QVERIFY(co->flags & kVarargs);
        QVERIFY(co->flags & kVarkw);
        QCOMPARE(strText(co->varnames[0]), std::string("a"));
        QCOMPARE(strText(co->varnames[2]), std::string("k"));
        QCOMPARE(strText(co->varnames[3]), std::string("rest"));
        QCOMPARE(strText(co->varnames[4]), std::string("kw"));
        QVERIFY(c.code("gen")->flags & kGenerator);
        QVERIFY(c.code("agen")->flags & kAsyncGenerator);
    }

    void lineTable()
    {
        Compiled c("x = 1\n\ny = (\n  x +\n  2)\n");
        const CodeObj* code = c.code();
        QCOMPARE(code->lines.size(), code->code.size());
        QCOMPARE(code->lines.front(), 1u);
        // The store into y belongs to the statement's line, the addition to the BinOp's.
        bool sawLine3 = false;
        for (size_t i = 0; i < code->code.size(); ++i) {
            if (opOf(code->code[i]) == Op::BINARY_OP)
                QCOMPARE(code->lines[i], 4u);
            sawLine3 |= code->lines[i] == 3;
        }
        QVERIFY(sawLine3);
    }

    void classBodyUsesNames()
    {
        Compiled c("class A:\n    x = 1\n    def m(self):\n        return super().m()\n");
        QVERIFY(!c.result.error);
        const CodeObj* body = c.code("A");
        QVERIFY(body->flags & kClassBody);
        QVERIFY(opsOf(body).contains("STORE_NAME"));
        // super() needs the implicit __class__ cell of the class body.
        QCOMPARE(body->cellvars.size(), size_t(1));
        QCOMPARE(strText(body->cellvars[0]), std::string("__class__"));
        const CodeObj* method = c.code("m");
        QCOMPARE(method->freevars.size(), size_t(1));
    }

    void compileTimeErrors_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::newRow("await in def") << "def f():\n    await g()\n"
                                      << "'await' outside async function" << 2;
        QTest::newRow("await at top level") << "await g()\n"
                                            << "'await' outside function" << 1;
        QTest::newRow("return at top level") << "return 1\n"
                                             << "'return' outside function" << 1;
        QTest::newRow("break outside loop") << "break\n"
                                            << "'break' outside loop" << 1;
        QTest::newRow("nonlocal without binding") << "def f():\n    nonlocal q\n"
                                                  << "no binding for nonlocal 'q' found" << 2;
        QTest::newRow("async with in def") << "def f():\n    async with x:\n        pass\n"
                                           << "'async with' outside async function" << 2;
    }

    void compileTimeErrors()
    {
        QFETCH(QString, source);
        QFETCH(QString, message);
        QFETCH(int, line);
        Compiled c(source.toUtf8().constData());
        QVERIFY(c.result.error);
        QCOMPARE(QString::fromStdString(c.result.error->message), message);
        QCOMPARE(c.result.error->line, line);
    }

    void disassemblyListsEveryCodeObject()
    {
        std::string text = disassembleScenario("def f(n):\n    return n * 2\nprint(f(3))\n", "demo.py");
        QVERIFY(text.find("Disassembly of <module>") != std::string::npos);
        QVERIFY(text.find("Disassembly of f") != std::string::npos);
        QVERIFY(text.find("LOAD_FAST") != std::string::npos);
        QVERIFY(text.find("(n)") != std::string::npos);
        QVERIFY(text.find("BINARY_OP") != std::string::npos);
        QVERIFY(text.find("(*)") != std::string::npos);
        std::string bad = disassembleScenario("def f(:\n", "demo.py");
        QVERIFY(bad.find("SyntaxError") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCompiler)
#include "tst_compiler.moc"
