extension XMLPullParser {
    /// Appends the text in `range` with entities and character references decoded.
    func decode(_ range: Range<Int>, into out: inout [UInt8]) throws(OfficeError) {
        if !buffer[range].contains(UInt8(ascii: "&")) {
            out.append(contentsOf: buffer[range])
            return
        }
        var i = range.lowerBound
        while i < range.upperBound {
            let b = buffer[i]
            if b != UInt8(ascii: "&") {
                out.append(b)
                i += 1
                continue
            }
            guard let semicolon = buffer[i..<range.upperBound].firstIndex(of: UInt8(ascii: ";")), semicolon - i <= 12 else {
                throw invalid("'&' tanpa entitas yang sah")
            }
            let entity = buffer[(i + 1)..<semicolon]
            switch String(decoding: entity, as: UTF8.self) {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(0x22)
            case "apos": out.append(0x27)
            case let name where name.hasPrefix("#"):
                let digits = name.dropFirst()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let value, value != 0, let scalar = Unicode.Scalar(value) else {
                    throw invalid("rujukan karakter &\(name); tidak sah")
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw invalid(
                    "entitas &\(String(decoding: entity.prefix(20), as: UTF8.self)); tidak dikenal (entitas tidak pernah diuraikan)"
                )
            }
            i = semicolon + 1
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func isNameByte(_ b: UInt8) -> Bool {
        !(isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=") || b == 0x22 || b == 0x27
            || b == UInt8(ascii: "<"))
    }
}
