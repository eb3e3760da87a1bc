/// The block structure of QR Code versions 1–10 at error-correction level M (ISO/IEC 18004:2015,
/// table 9): how many error-correction codewords each block has and how the data codewords are
/// split into blocks.
struct BlockLayout: Sendable, Equatable {
    /// Error-correction codewords per block.
    let eccPerBlock: Int
    /// Data codewords per block, in order (short blocks first).
    let dataPerBlock: [Int]

    var dataCodewords: Int { dataPerBlock.reduce(0, +) }
    var totalCodewords: Int { dataCodewords + eccPerBlock * dataPerBlock.count }

    /// Level M, versions 1…10.
    static let levelM: [BlockLayout] = [
        BlockLayout(eccPerBlock: 10, dataPerBlock: [16]),
        BlockLayout(eccPerBlock: 16, dataPerBlock: [28]),
        BlockLayout(eccPerBlock: 26, dataPerBlock: [44]),
        BlockLayout(eccPerBlock: 18, dataPerBlock: [32, 32]),
        BlockLayout(eccPerBlock: 24, dataPerBlock: [43, 43]),
        BlockLayout(eccPerBlock: 16, dataPerBlock: [27, 27, 27, 27]),
        BlockLayout(eccPerBlock: 18, dataPerBlock: [31, 31, 31, 31]),
        BlockLayout(eccPerBlock: 22, dataPerBlock: [38, 38, 39, 39]),
        BlockLayout(eccPerBlock: 22, dataPerBlock: [36, 36, 36, 37, 37]),
        BlockLayout(eccPerBlock: 26, dataPerBlock: [43, 43, 43, 43, 44]),
    ]

    /// Centres of the alignment patterns along each axis, versions 1…10 (table E.1).
    static let alignmentCentres: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
    ]
}
