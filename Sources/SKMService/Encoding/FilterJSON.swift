import SKMJSON

extension SurveyFilter {
    static let jsonKeys = ["year", "quarter", "semester", "month", "from", "to", "unit", "service", "questionnaire"]

    /// A filter from JSON (`{"year": 2025, "quarter": 2, "unit": "KEC-TT"}`); unit and service
    /// take one code or an array of codes.
    public init(json fields: JSONFields?) throws {
        guard let f = fields else {
            self.init()
            return
        }
        try f.rejectUnknown(Self.jsonKeys)
        self.init(
            year: try f.int("year"), quarter: try f.int("quarter"), semester: try f.int("semester"),
            month: try f.int("month"), from: try f.string("from"), to: try f.string("to"),
            units: try f.stringList("unit"), services: try f.stringList("service"),
            questionnaire: try f.string("questionnaire"))
    }
}
