import SKMJSON

/// Reads the `bands` table of a definition.
enum BandDecoding {
    static func decode(
        _ value: JSONValue?, scale: ClosedRange<Int>?, factor: Double?, _ r: inout DefinitionReader
    ) -> BandTable? {
        guard let array = r.array(value, "bands") else { return nil }
        guard !array.isEmpty else {
            r.error("bands", "tabel mutu harus punya sedikitnya satu baris")
            return nil
        }
        var bands: [Band] = []
        var ok = true
        for (i, element) in array.enumerated() {
            let path = "bands[\(i)]"
            guard let object = r.object(element, path) else {
                ok = false
                continue
            }
            r.unknownKeys(object, path, allowed: ["mutu", "kinerja", "minimum", "printedIndeks", "printedIkm", "lke"])
            let mutu = r.string(object["mutu"], "\(path).mutu")
            let kinerja = r.string(object["kinerja"], "\(path).kinerja")
            let minimum = r.number(object["minimum"], "\(path).minimum")
            let printedIndeks = r.string(object["printedIndeks"], "\(path).printedIndeks", required: false)
            let printedIKM = r.string(object["printedIkm"], "\(path).printedIkm", required: false)
            let lke = r.number(object["lke"], "\(path).lke", required: false)
            if let lke, !(0...1).contains(lke) { r.error("\(path).lke", "nilai LKE harus antara 0 dan 1") }
            guard let mutu, let kinerja, let minimum else {
                ok = false
                continue
            }
            bands.append(
                Band(
                    mutu: mutu, kinerja: kinerja, minimum: minimum, printedIndeks: printedIndeks, printedIKM: printedIKM, lke: lke
                ))
        }
        guard ok else { return nil }
        for i in 1..<max(bands.count, 1) where bands[i].minimum <= bands[i - 1].minimum {
            r.error("bands[\(i)].minimum", "batas bawah harus naik dari baris ke baris (urutkan dari mutu terendah)")
            ok = false
        }
        if bands.contains(where: { $0.lke != nil }) && !bands.allSatisfy({ $0.lke != nil }) {
            r.error("bands", "nilai LKE harus diberikan untuk semua baris atau tidak sama sekali")
            ok = false
        }
        let mutus = bands.map(\.mutu)
        if Set(mutus).count != mutus.count {
            r.error("bands", "huruf mutu tertulis lebih dari sekali")
            ok = false
        }
        if let scale, let factor, let first = bands.first {
            let lowest = Double(scale.lowerBound) * factor
            if first.minimum > lowest + 1e-9 {
                r.warning(
                    "bands[0].minimum",
                    "nilai terendah yang mungkin (\(lowest)) di bawah batas baris pertama; nilai itu tetap masuk baris pertama")
            }
        }
        return ok ? BandTable(bands) : nil
    }
}
