import SKMCore

/// The row fingerprint that recognises a row an earlier import stored: a 64-bit hash of the
/// normalised content of a validated row — questionnaire, unit and service codes, date, time
/// slot, every answer (by unsur), gender, education, occupation, age and comment. Normalised
/// means after validation: `4,0` and `4`, `Laki-laki` and `L`, `14/03/2025` and `2025-03-14`
/// give the same key; the file's column order, separator and line number do not matter.
///
/// FNV-1a over the fields (each preceded by a tag byte, absent fields by their own tag) with a
/// final avalanche step: cheap (well under a microsecond for a row) and the same on every
/// platform and version, since keys are stored. Two different rows share a key with probability
/// about 2⁻⁶⁴ per pair (for a million imported rows, about 3 in 10⁸ that any pair does).
enum ImportKey {
    static func of(_ c: ResponseContent) -> Int64 {
        var h = FNV()
        h.text(1, c.questionnaireID)
        h.text(2, c.unitCode)
        h.text(3, c.serviceCode)
        h.number(4, Int64(c.date.dayNumber))
        h.text(5, c.timeSlot)
        h.byte(6)
        for a in c.answers { h.byte(a) }
        h.byte(0xFF)
        h.text(7, c.respondent.gender)
        h.text(8, c.respondent.education)
        h.text(9, c.respondent.occupation)
        h.number(10, Int64(c.respondent.age ?? -1))
        h.text(11, c.comment)
        h.text(12, c.respondent.occupationAsWritten)
        return Int64(bitPattern: h.finished)
    }

    struct FNV {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func byte(_ b: UInt8) {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }

        mutating func text(_ tag: UInt8, _ s: String?) {
            guard var s else {
                byte(tag | 0x80)
                return
            }
            byte(tag)
            s.withUTF8 { for b in $0 { byte(b) } }
            byte(0)
        }

        mutating func number(_ tag: UInt8, _ n: Int64) {
            byte(tag)
            let bits = UInt64(bitPattern: n)
            for shift in stride(from: UInt64(0), to: 64, by: 8) { byte(UInt8(truncatingIfNeeded: bits >> shift)) }
        }

        /// The splitmix64 finaliser, so similar rows differ in every bit.
        var finished: UInt64 {
            var x = h
            x ^= x >> 30
            x = x &* 0xbf58_476d_1ce4_e5b9
            x ^= x >> 27
            x = x &* 0x94d0_49bb_1331_11eb
            x ^= x >> 31
            return x
        }
    }
}
