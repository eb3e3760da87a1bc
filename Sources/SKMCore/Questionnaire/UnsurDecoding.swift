import SKMJSON

/// Reads the `unsur` and `questions` of a definition and checks that they fit together.
enum UnsurDecoding {
    static func decodeUnsur(_ value: JSONValue?, _ r: inout DefinitionReader) -> [Unsur]? {
        guard let array = r.array(value, "unsur", limit: QuestionnaireLimits.unsur) else { return nil }
        guard !array.isEmpty else {
            r.error("unsur", "harus ada sedikitnya satu unsur")
            return nil
        }
        var result: [Unsur] = []
        var ok = true
        for (i, element) in array.enumerated() {
            let path = "unsur[\(i)]"
            guard let object = r.object(element, path) else {
                ok = false
                continue
            }
            r.unknownKeys(object, path, allowed: ["code", "name", "weight", "description"])
            let code = r.string(object["code"], "\(path).code")
            let name = r.string(object["name"], "\(path).name")
            let weight = r.number(object["weight"], "\(path).weight", required: false)
            if let code, !isValidUnsurCode(code) {
                r.error("\(path).code", "\"\(code.clipped(20))\" tidak sah: gunakan huruf besar dan angka, mis. U1")
                ok = false
            }
            if let weight, weight <= 0 || weight > 1 {
                r.error("\(path).weight", "bobot harus lebih dari 0 dan paling banyak 1")
                ok = false
            }
            guard let code, let name else {
                ok = false
                continue
            }
            if result.contains(where: { $0.code.uppercased() == code.uppercased() }) {
                r.error("\(path).code", "kode \(code) tertulis lebih dari sekali")
                ok = false
            }
            result.append(Unsur(code: code, name: name, weight: weight))
        }
        let declared = result.filter { $0.weight != nil }.count
        if declared > 0 && declared < result.count {
            r.error(
                "unsur",
                "bobot harus ditulis untuk semua unsur atau tidak sama sekali (tertulis \(declared) dari \(result.count))")
            ok = false
        } else if declared == result.count {
            let sum = result.reduce(0) { $0 + ($1.weight ?? 0) }
            if abs(sum - 1) > 1e-6 {
                r.error(
                    "unsur",
                    "jumlah bobot harus 1, tertulis \(IndonesianNumber.format(sum, decimals: 6)); tulis bobot lengkap (mis. 0.2 bukan pembulatan), atau hapus semua bobot untuk 1/n"
                )
                ok = false
            }
        }
        return ok ? result : nil
    }

    static func isValidUnsurCode(_ code: String) -> Bool {
        (1...16).contains(code.count)
            && code.unicodeScalars.allSatisfy { ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
    }

    static func decodeQuestions(
        _ value: JSONValue?, unsur: [Unsur]?, scale: ClosedRange<Int>?, _ r: inout DefinitionReader
    ) -> [Question]? {
        guard let array = r.array(value, "questions", limit: QuestionnaireLimits.unsur) else { return nil }
        var result: [Question] = []
        var ok = true
        var askedBy: [String: Int] = [:]
        for (i, element) in array.enumerated() {
            let path = "questions[\(i)]"
            guard let object = r.object(element, path) else {
                ok = false
                continue
            }
            r.unknownKeys(object, path, allowed: ["number", "unsur", "text", "options"])
            let number = r.integer(object["number"], "\(path).number")
            let code = r.string(object["unsur"], "\(path).unsur")
            let text = r.string(object["text"], "\(path).text")
            let options = decodeOptions(object["options"], path: "\(path).options", scale: scale, &r)
            if let number, number != i + 1 {
                r.error(
                    "\(path).number",
                    "nomor pertanyaan harus urut 1, 2, 3…; di posisi ini seharusnya \(i + 1), tertulis \(number)")
                ok = false
            }
            guard let number, let code, let text, let options else {
                ok = false
                continue
            }
            if let unsur, !unsur.contains(where: { $0.code.uppercased() == code.uppercased() }) {
                r.error("\(path).unsur", "menunjuk unsur \(code) yang tidak ada di daftar unsur")
                ok = false
            }
            if let previous = askedBy[code.uppercased()] {
                r.error(
                    "\(path).unsur",
                    "unsur \(code) sudah ditanyakan oleh pertanyaan \(previous); setiap unsur ditanyakan tepat satu kali")
                ok = false
            }
            askedBy[code.uppercased()] = number
            let canonical = unsur?.first(where: { $0.code.uppercased() == code.uppercased() })?.code ?? code
            result.append(Question(number: number, unsur: canonical, text: text, options: options))
        }
        if let unsur {
            for u in unsur where askedBy[u.code.uppercased()] == nil {
                r.error("questions", "unsur \(u.code) (\(u.name)) tidak pernah ditanyakan")
                ok = false
            }
        }
        return ok ? result : nil
    }

    static func decodeOptions(
        _ value: JSONValue?, path: String, scale: ClosedRange<Int>?, _ r: inout DefinitionReader
    ) -> [String]? {
        guard let array = r.array(value, path) else { return nil }
        var labels: [String] = []
        for (i, element) in array.enumerated() {
            guard let label = r.string(element, "\(path)[\(i)]") else { return nil }
            labels.append(label)
        }
        if let scale, labels.count != scale.count {
            r.error(path, "jumlah pilihan jawaban (\(labels.count)) harus sama dengan ukuran skala (\(scale.count))")
            return nil
        }
        return labels
    }
}
