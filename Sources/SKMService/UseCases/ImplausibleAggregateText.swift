import SKMStore

extension ImplausibleAggregate {
    /// The row and what is impossible about it, in Indonesian (`skm check`).
    public var text: String {
        let where_ = row.text + (unsur.map { " unsur ke-\($0 + 1)" } ?? "")
        switch problem {
        case .negative:
            return "\(where_): jumlah negatif"
        case .answeredAboveRespondents(let answered, let respondents):
            return "\(where_): dijawab \(answered) kali, padahal respondennya \(respondents)"
        case .totalAboveMaximum(let total, let answered, let maximum):
            return "\(where_): jumlah nilai \(total) melebihi \(answered) jawaban × nilai tertinggi \(maximum)"
        }
    }
}
