extension ModuleMatrix {
    /// The penalty score of ISO/IEC 18004 §7.8.3 used to choose a mask: long runs of one colour
    /// (N1), 2×2 blocks (N2), finder-like 1:1:3:1:1 patterns with light space (N3), and an
    /// unbalanced proportion of dark modules (N4). Lower is better.
    func penalty() -> Int {
        var score = 0
        for line in 0..<size {
            score += linePenalty { dark($0, line) }
            score += linePenalty { dark(line, $0) }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = dark(x, y)
                if colour == dark(x + 1, y), colour == dark(x, y + 1), colour == dark(x + 1, y + 1) { score += 3 }
            }
        }
        let darkCount = modules.reduce(0) { $0 + ($1 ? 1 : 0) }
        let total = size * size
        // The smallest k with |dark/total − 1/2| ≤ (k + 1) × 5 %.
        let k = (abs(darkCount * 20 - total * 10) + total - 1) / total - 1
        score += max(0, k) * 10
        return score
    }

    /// N1 and N3 along one row or column.
    private func linePenalty(_ module: (Int) -> Bool) -> Int {
        var score = 0
        var runColour = module(0)
        var runLength = 1
        for index in 1..<size {
            if module(index) == runColour {
                runLength += 1
            } else {
                if runLength >= 5 { score += runLength - 2 }
                runColour = module(index)
                runLength = 1
            }
        }
        if runLength >= 5 { score += runLength - 2 }
        let finderLike: [Bool] = [true, false, true, true, true, false, true]
        let light = [Bool](repeating: false, count: 4)
        let before = light + finderLike
        let after = finderLike + light
        if size >= 11 {
            for start in 0...(size - 11) {
                let window = (start..<(start + 11)).map(module)
                if window == before || window == after { score += 40 }
            }
        }
        return score
    }
}
