public import SKMJSON

extension IKMJSON {
    /// `{population, minimum}`: the answer of `skm sample-size --json` and `sample.size`.
    public static func sampleSize(population: Int, minimum: Int) -> JSONValue {
        ["population": .int(population), "minimum": .int(minimum)]
    }
}
