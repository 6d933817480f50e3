#include "SourceFile.h"

#include <QFile>
#include <QStringDecoder>

namespace loopscope {

SourceFile readSourceFile(const QString& path)
{
    SourceFile source;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        source.problem = file.errorString();
        return source;
    }
    source.readable = true;
    source.bytes = file.readAll();
    QByteArray bytes = source.bytes;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    source.text = decoder.decode(bytes);
    // A NUL byte is valid UTF-8 but not valid source, and a text edit would drop it on saving.
    source.decodable = !decoder.hasError() && !bytes.contains('\0');
    if (!source.decodable)
        source.problem = bytes.contains('\0') ? QObject::tr("the file contains NUL bytes")
                                              : QObject::tr("the file is not valid UTF-8");
    return source;
}

} // namespace loopscope
