import SKMJSON

/// Rules for the free-text and code fields every front end shares.
public enum TextRules {
    /// Characters (not bytes) allowed in a comment (saran) or a void reason.
    public static let maxCommentLength = 2000
    /// Characters allowed in a client id.
    public static let maxClientIDLength = 128
    /// Characters allowed in a unit or service name.
    public static let maxNameLength = 200
    /// Characters allowed in a unit or service code.
    public static let maxCodeLength = 32

    /// A unit or service code: 1–32 of A–Z, 0–9, `.`, `_`, `-`; stored upper-case.
    public static func code(_ raw: String, field: String, what: String) throws(SKMError) -> String {
        if isNormalisedCode(raw) { return raw }
        let code = raw.trimmingSpaces().uppercased()
        guard !code.isEmpty else {
            throw SKMError(.missingField, "Kode \(what) wajib diisi.", field: field)
        }
        let allowed = code.unicodeScalars.allSatisfy { s in
            (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "." || s == "_" || s == "-"
        }
        guard allowed, code.count <= maxCodeLength else {
            throw SKMError(
                .invalidCode,
                "Kode \(what) \"\(raw.clipped(40))\" tidak sah: gunakan 1–\(maxCodeLength) huruf, angka, titik, garis bawah atau tanda hubung, tanpa spasi.",
                field: field)
        }
        return code
    }

    /// Already upper-case and made only of the allowed characters (the common case, checked cheaply).
    static func isNormalisedCode(_ raw: String) -> Bool {
        var count = 0
        for b in raw.utf8 {
            count += 1
            let ok = (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x5F || b == 0x2D
            if !ok || count > maxCodeLength { return false }
        }
        return count > 0
    }

    /// A display name: required, at most 200 characters, no control characters.
    public static func name(_ raw: String, field: String, what: String) throws(SKMError) -> String {
        let name = raw.trimmingSpaces()
        guard !name.isEmpty else { throw SKMError(.missingField, "Nama \(what) wajib diisi.", field: field) }
        try checkLength(name, limit: maxNameLength, field: field, what: "Nama \(what)")
        try checkControls(name, field: field, what: "Nama \(what)", allowLineBreaks: false)
        return name
    }

    /// A respondent's comment (saran): optional, trimmed, at most 2000 characters.
    public static func comment(_ raw: String?, field: String = "comment") throws(SKMError) -> String? {
        guard let raw else { return nil }
        let text = raw.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        try checkLength(text, limit: maxCommentLength, field: field, what: "Saran")
        try checkControls(text, field: field, what: "Saran", allowLineBreaks: true)
        return text
    }

    /// A client id for idempotent retries: optional, 1–128 characters, no control characters.
    public static func clientID(_ raw: String?, field: String = "clientId") throws(SKMError) -> String? {
        guard let raw else { return nil }
        let text = raw.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        try checkLength(text, limit: maxClientIDLength, field: field, what: "Client id")
        try checkControls(text, field: field, what: "Client id", allowLineBreaks: false)
        return text
    }

    /// A response's global id as skm exports it (`idGlobal`): optional, 32 hexadecimal digits, read in lower
    /// case (the form `responses.uuid` stores); anything else is `invalid_value`.
    public static func globalID(_ raw: String?, field: String = "idGlobal") throws(SKMError) -> String? {
        guard let raw else { return nil }
        let text = raw.trimmingSpaces().lowercased()
        guard !text.isEmpty else { return nil }
        let isHex = text.utf8.count == 32 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
        guard isHex else {
            throw SKMError(
                .invalidValue,
                "ID global \"\(raw.trimmingSpaces().clipped(40))\" tidak sah: harus 32 digit heksadesimal (0–9, a–f) seperti yang ditulis skm export, mis. 3f2a9c0e5b7d41e8a6c4d2b0f9e8a7c6.",
                field: field)
        }
        return text
    }

    /// A reason (void), required.
    public static func reason(_ raw: String, field: String = "reason") throws(SKMError) -> String {
        let text = raw.trimmingSpaces()
        guard !text.isEmpty else {
            throw SKMError(.missingField, "Alasan pembatalan wajib diisi.", field: field)
        }
        try checkLength(text, limit: maxCommentLength, field: field, what: "Alasan")
        try checkControls(text, field: field, what: "Alasan", allowLineBreaks: true)
        return text
    }

    static func checkLength(_ text: String, limit: Int, field: String, what: String) throws(SKMError) {
        let length = text.count
        guard length <= limit else {
            throw SKMError(
                .textTooLong, "\(what) terlalu panjang: \(length) karakter, paling banyak \(limit).", field: field,
                details: ["length": .int(length), "limit": .int(limit)])
        }
    }

    static func checkControls(_ text: String, field: String, what: String, allowLineBreaks: Bool) throws(SKMError) {
        let bad = text.unicodeScalars.first { s in
            if allowLineBreaks && (s == "\n" || s == "\r" || s == "\t") { return false }
            if !allowLineBreaks && s == "\t" { return true }
            return s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
        }
        if let bad {
            let hex = String(bad.value, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            throw SKMError(
                .invalidText, "\(what) berisi karakter kontrol (U+\(padded)) yang tidak diizinkan.", field: field)
        }
    }
}
