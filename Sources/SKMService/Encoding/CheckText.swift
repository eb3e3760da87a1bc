public import SKMCore

/// `skm check` findings in Indonesian, for every front end.
extension StoreFinding {
    /// One line describing the problem.
    public var text: String {
        switch self {
        case .integrity(let line):
            return "Integritas SQLite: \(line)"
        case .danglingReference(let table, let row, let target):
            return "Rujukan: \(table) baris \(row) menunjuk \(target) yang tidak ada"
        case .identityMissing:
            return "Baris identitas basis data (skm_identity) tidak ada"
        case .responseCountDiffers(let recorded, let actual):
            return "Catatan basis data menyebut \(recorded) respons, tabel respons memuat \(actual)"
        case .lastResponseIDDiffers(let recorded, let actual):
            return "Catatan basis data menyebut respons terakhir #\(recorded), tabel respons berakhir di #\(actual)"
        case .totalsDiffer(let key, let stored, let recounted):
            return "Agregat berbeda: \(key.text): agregat \(stored) responden, hitung ulang \(recounted)"
        case .unsurDiffers(let key, let unsur, let stored, let recounted):
            return "Agregat berbeda: \(key.text) unsur ke-\(unsur + 1): agregat jumlah \(stored), hitung ulang \(recounted)"
        case .implausibleAggregate(let row):
            return "Agregat tidak mungkin: \(row.text)"
        }
    }

    /// The finding's kind, for JSON (`integrity`, `reference`, `bookkeeping`, `aggregate`).
    public var kind: String {
        switch self {
        case .integrity: return "integrity"
        case .danglingReference: return "reference"
        case .identityMissing, .responseCountDiffers, .lastResponseIDDiffers: return "bookkeeping"
        case .totalsDiffer, .unsurDiffers, .implausibleAggregate: return "aggregate"
        }
    }
}

extension AggregateRowKey {
    var text: String { "\(questionnaire) \(day) unit #\(unitID) layanan #\(serviceID)" }
}

extension ImplausibleAggregate {
    /// The row and what is impossible about it, in Indonesian (`skm check`).
    public var text: String {
        let place = row.text + (unsur.map { " unsur ke-\($0 + 1)" } ?? "")
        switch problem {
        case .negative:
            return "\(place): jumlah negatif"
        case .answeredAboveRespondents(let answered, let respondents):
            return "\(place): dijawab \(answered) kali, padahal respondennya \(respondents)"
        case .totalAboveMaximum(let total, let answered, let maximum):
            return "\(place): jumlah nilai \(total) melebihi \(answered) jawaban × nilai tertinggi \(maximum)"
        case .unreadable:
            return "\(place): data jumlah per unsur tidak terbaca (versi atau panjangnya salah)"
        }
    }
}
