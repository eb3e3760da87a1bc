/// Little-endian fields of ZIP headers.
extension Array where Element == UInt8 {
    mutating func appendLE16(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLE32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) {
            append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    mutating func patchLE32(at offset: Int, _ value: UInt32) {
        for index in 0..<4 {
            self[offset + index] = UInt8(truncatingIfNeeded: value >> UInt32(index * 8))
        }
    }
}
