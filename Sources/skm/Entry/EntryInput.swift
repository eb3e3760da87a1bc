#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the person at the keyboard did.
enum EntryToken: Equatable {
    /// Typed text: one key on a terminal, a whole line from a pipe or file.
    case text(String)
    case enter
    case backspace
    /// Ctrl-C on a terminal: drop the form being typed.
    case interrupt
    case endOfInput
}

/// Keys from a terminal in raw mode (one key, no Enter needed) or lines from a pipe, so the same
/// entry screen serves a clerk at the keyboard and a script or test feeding it.
final class EntryInput {
    let isTerminal: Bool
    var saved = termios()
    var raw = false
    var pending: [UInt8] = []
    var eof = false

    init() {
        isTerminal = isatty(0) == 1
        if isTerminal && tcgetattr(0, &saved) == 0 {
            var mode = saved
            mode.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
            withUnsafeMutableBytes(of: &mode.c_cc) { cc in
                cc[Int(VMIN)] = 1
                cc[Int(VTIME)] = 0
            }
            raw = tcsetattr(0, TCSANOW, &mode) == 0
        }
    }

    deinit { restore() }

    /// Puts the terminal back as it was.
    func restore() {
        if raw {
            tcsetattr(0, TCSANOW, &saved)
            raw = false
        }
    }

    func readByte() -> UInt8? {
        if !pending.isEmpty { return pending.removeFirst() }
        if eof { return nil }
        var byte: UInt8 = 0
        while true {
            let n = read(0, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            eof = true
            return nil
        }
    }

    /// The next token: on a terminal a single key, from a pipe a whole line.
    func next() -> EntryToken {
        if raw { return nextKey() }
        guard let line = readLine() else { return .endOfInput }
        let text = line.trimmingSpacesAndCR()
        return text.isEmpty ? .enter : .text(text)
    }

    func nextKey() -> EntryToken {
        guard let b = readByte() else { return .endOfInput }
        switch b {
        case 0x03: return .interrupt
        case 0x04: return .endOfInput
        case 0x0A, 0x0D: return .enter
        case 0x7F, 0x08: return .backspace
        case 0x1B:
            // Esc, an arrow or a function key: consumed whole and ignored, so no byte of it is
            // taken for the next answer.
            skipEscapeSequence()
            return nextKey()
        default:
            var bytes = [b]
            // Complete a multi-byte UTF-8 character.
            let extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0
            for _ in 0..<extra { if let c = readByte() { bytes.append(c) } }
            return .text(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// How long the rest of an escape sequence may take to arrive after its Esc byte. A terminal
    /// sends a key's sequence in one write; a person pressing Esc and then a key is far slower.
    static let escapeSequenceWait: Int32 = 60

    /// True when a byte is ready within `milliseconds`.
    func byteAvailable(within milliseconds: Int32) -> Bool {
        if !pending.isEmpty { return true }
        if eof { return false }
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        while true {
            let n = poll(&descriptor, 1, milliseconds)
            if n < 0 && errno == EINTR { continue }
            return n > 0
        }
    }

    /// Reads the rest of an escape sequence whose Esc byte was just read: a CSI sequence
    /// (`Esc [` parameters, intermediates, one final byte — arrows, Home, F5…), an SS3 sequence
    /// (`Esc O` and one byte — F1–F4, arrows in application mode). A lone Esc reads nothing more:
    /// whatever follows it (a key, Alt's key) is left for the next read.
    func skipEscapeSequence() {
        guard byteAvailable(within: Self.escapeSequenceWait), let introducer = readByte() else { return }
        switch introducer {
        case 0x5B:  // CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, final byte 0x40–0x7E.
            while byteAvailable(within: Self.escapeSequenceWait), let b = readByte() {
                if (0x40...0x7E).contains(b) { return }
                if !(0x20...0x3F).contains(b) {
                    // Not part of a CSI sequence (a broken one): keep the byte for the next key.
                    pending.insert(b, at: 0)
                    return
                }
            }
        case 0x4F:  // SS3: exactly one more byte.
            if byteAvailable(within: Self.escapeSequenceWait) { _ = readByte() }
        default:
            // A lone Esc followed by a key (or Alt with a key): the Esc alone is ignored and the key
            // stays for the next read, so a key typed just after Esc is never lost. A second Esc
            // is read again as the start of its own sequence.
            pending.insert(introducer, at: 0)
        }
    }

    /// A line of text (age, a reason, a date). On a terminal it is echoed and editable with
    /// Backspace; Ctrl-C gives nil as if the input ended.
    func readText(echo: (String) -> Void) -> String? {
        guard raw else { return readLine().map { $0.trimmingSpacesAndCR() } }
        var text = ""
        while true {
            switch nextKey() {
            case .enter:
                echo("\n")
                return text
            case .backspace:
                if !text.isEmpty {
                    text.removeLast()
                    echo("\u{8} \u{8}")
                }
            case .text(let s):
                text += s
                echo(s)
            case .interrupt, .endOfInput:
                echo("\n")
                return nil
            }
        }
    }

    func readLine() -> String? {
        var bytes: [UInt8] = []
        while let b = readByte() {
            if b == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(b)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    func trimmingSpacesAndCR() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
        return String(s)
    }
}
