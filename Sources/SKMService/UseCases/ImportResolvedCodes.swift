import SKMCore

/// The unit and service ids an import has already resolved, by the codes exactly as the file
/// writes them: one hashed look-up per row instead of normalising both codes, two look-ups and
/// two record copies (`resolve`). Holds only successful resolutions; `forget()` must be called
/// when the transaction that may have created some of them (`--create-missing`) is rolled back.
struct ImportResolvedCodes {
    private struct Codes: Hashable {
        let unit: String
        let service: String
    }

    private var ids: [Codes: (unitID: Int64, serviceID: Int64)] = [:]

    /// The ids of the row's unit and service, resolving them with `resolve` the first time.
    mutating func ids(
        of content: ResponseContent, resolve: () throws -> (unitID: Int64, serviceID: Int64)
    ) rethrows -> (unitID: Int64, serviceID: Int64) {
        let codes = Codes(unit: content.unitCode, service: content.serviceCode)
        if let known = ids[codes] { return known }
        let resolved = try resolve()
        ids[codes] = resolved
        return resolved
    }

    /// Drops every remembered id (after a rollback: units and services it created are gone).
    mutating func forget() {
        ids.removeAll()
    }
}
