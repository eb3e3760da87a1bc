/// A QR Code symbol (ISO/IEC 18004) holding bytes in byte mode at error-correction level M,
/// versions 1–10 (up to 213 bytes: a URL with room to spare). The smallest version that fits is
/// chosen, and the mask with the lowest penalty score.
///
///     let code = try QRCode(text: "http://192.168.1.10:8080/s/KEC01/KTP")
///     code.size            // modules per side, without the quiet zone
///     code[row: 0, column: 0]  // true: dark
public struct QRCode: Sendable, Equatable {
    /// Version 1…10 (the symbol is 17 + 4 × version modules wide).
    public let version: Int
    /// The mask pattern applied (0…7).
    public let mask: Int
    /// Modules per side (the quiet zone of 4 modules around it is not included).
    public var size: Int { 17 + 4 * version }
    private let modules: [Bool]

    /// The largest number of bytes a symbol of these versions holds.
    public static let maximumBytes = 213

    /// Encodes the UTF-8 bytes of `text`.
    public init(text: String) throws(QRError) {
        try self.init(bytes: Array(text.utf8))
    }

    /// Encodes `bytes`; throws `QRError.tooLong` beyond `maximumBytes`. `mask` forces a mask
    /// pattern (0…7) instead of the one with the lowest penalty; values outside 0…7 are ignored.
    public init(bytes: [UInt8], mask forcedMask: Int? = nil) throws(QRError) {
        guard let version = Self.smallestVersion(for: bytes.count) else {
            throw .tooLong(bytes: bytes.count, maximum: Self.maximumBytes)
        }
        let layout = BlockLayout.levelM[version - 1]
        let codewords = Self.interleave(Self.dataCodewords(bytes, version: version, capacity: layout.dataCodewords), layout)
        var best: (mask: Int, matrix: ModuleMatrix, penalty: Int)?
        let masks = forcedMask.flatMap { (0..<8).contains($0) ? [$0] : nil } ?? Array(0..<8)
        for mask in masks {
            var matrix = ModuleMatrix(version: version)
            matrix.drawFunctionPatterns()
            matrix.drawCodewords(codewords)
            matrix.applyMask(mask)
            matrix.drawFormatBits(mask: mask)
            let penalty = matrix.penalty()
            if best.map({ penalty < $0.penalty }) ?? true { best = (mask, matrix, penalty) }
        }
        // The loop runs at least once, so `best` is set.
        let chosen = best ?? (0, ModuleMatrix(version: version), 0)
        self.version = version
        self.mask = chosen.mask
        self.modules = chosen.matrix.modules
    }

    /// Whether the module at (`row`, `column`) is dark; modules outside the symbol are light.
    public subscript(row row: Int, column column: Int) -> Bool {
        guard row >= 0, column >= 0, row < size, column < size else { return false }
        return modules[row * size + column]
    }

    /// Bits needed for `count` bytes in byte mode: mode, character count, data.
    private static func smallestVersion(for count: Int) -> Int? {
        for version in 1...10 {
            let countBits = version <= 9 ? 8 : 16
            guard count < (1 << countBits) else { continue }
            if 4 + countBits + 8 * count <= 8 * BlockLayout.levelM[version - 1].dataCodewords { return version }
        }
        return nil
    }

    /// Mode indicator, count, data, terminator and padding, as codewords.
    private static func dataCodewords(_ bytes: [UInt8], version: Int, capacity: Int) -> [UInt8] {
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(UInt32(bytes.count), count: version <= 9 ? 8 : 16)
        for byte in bytes { bits.append(UInt32(byte), count: 8) }
        let capacityBits = capacity * 8
        bits.append(0, count: min(4, capacityBits - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits data into blocks, adds each block's error correction and interleaves them.
    private static func interleave(_ data: [UInt8], _ layout: BlockLayout) -> [UInt8] {
        let divisor = ReedSolomon.divisor(degree: layout.eccPerBlock)
        var blocks: [[UInt8]] = []
        var eccBlocks: [[UInt8]] = []
        var start = 0
        for length in layout.dataPerBlock {
            let block = Array(data[start..<(start + length)])
            blocks.append(block)
            eccBlocks.append(ReedSolomon.remainder(of: block, divisor: divisor))
            start += length
        }
        var result: [UInt8] = []
        result.reserveCapacity(layout.totalCodewords)
        for index in 0..<(layout.dataPerBlock.max() ?? 0) {
            for block in blocks where index < block.count { result.append(block[index]) }
        }
        for index in 0..<layout.eccPerBlock {
            for block in eccBlocks { result.append(block[index]) }
        }
        return result
    }
}

/// Why a text cannot become a QR Code.
public enum QRError: Error, Sendable, Equatable {
    /// More bytes than a version-10 symbol at level M holds.
    case tooLong(bytes: Int, maximum: Int)
}

/// Bits appended most significant first, read out as bytes.
struct BitBuffer {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    mutating func append(_ value: UInt32, count length: Int) {
        guard length > 0 else { return }
        for shift in stride(from: length - 1, through: 0, by: -1) {
            if count % 8 == 0 { bytes.append(0) }
            if (value >> UInt32(shift)) & 1 == 1 { bytes[bytes.count - 1] |= 0x80 >> UInt8(count % 8) }
            count += 1
        }
    }
}
