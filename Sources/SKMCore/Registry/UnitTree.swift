/// The units as a tree (kabupaten → dinas/kecamatan → UPT/puskesmas/kelurahan), built once from
/// the registry. The one rule for "a unit and everything under it": every filter by unit, and
/// every rekap row, takes its units from `subtree(of:)`.
public struct UnitTree: Sendable {
    /// Every unit, by code.
    public let units: [UnitRecord]
    private let byID: [Int64: UnitRecord]
    private let childIDs: [Int64: [Int64]]

    /// The tree of `units`; a unit whose parent is not among them counts as top level.
    public init(_ units: [UnitRecord]) {
        self.units = units.sorted { $0.code < $1.code }
        var byID: [Int64: UnitRecord] = [:]
        for unit in units { byID[unit.id] = unit }
        var childIDs: [Int64: [Int64]] = [:]
        for unit in self.units {
            if let parent = unit.parentID, byID[parent] != nil { childIDs[parent, default: []].append(unit.id) }
        }
        self.byID = byID
        self.childIDs = childIDs
    }

    /// The unit with this row id.
    public func unit(id: Int64) -> UnitRecord? { byID[id] }

    /// The units directly under `unit`, by code.
    public func children(of unit: UnitRecord) -> [UnitRecord] {
        (childIDs[unit.id] ?? []).compactMap { byID[$0] }
    }

    /// The units with no (registered) parent, by code.
    public var roots: [UnitRecord] {
        units.filter { unit in unit.parentID.flatMap { byID[$0] } == nil }
    }

    /// The unit followed by every unit under it, depth first, each once (a cycle in stored data,
    /// which skm never writes, cannot make this loop).
    public func subtree(of unit: UnitRecord) -> [UnitRecord] {
        var seen: Set<Int64> = []
        var result: [UnitRecord] = []
        var stack = [unit.id]
        while let id = stack.popLast() {
            guard seen.insert(id).inserted, let found = byID[id] ?? (id == unit.id ? unit : nil) else { continue }
            result.append(found)
            stack.append(contentsOf: (childIDs[id] ?? []).reversed())
        }
        return result
    }

    /// The units above `unit`, nearest first (its parent, its parent's parent, …).
    public func ancestors(of unit: UnitRecord) -> [UnitRecord] {
        var result: [UnitRecord] = []
        var seen: Set<Int64> = [unit.id]
        var next = unit.parentID
        while let id = next, seen.insert(id).inserted, let parent = byID[id] {
            result.append(parent)
            next = parent.parentID
        }
        return result
    }

    /// Every unit with its depth (0 at the top), parents before their children, siblings by code:
    /// the order `skm unit list` prints.
    public var outline: [(unit: UnitRecord, depth: Int)] {
        var result: [(unit: UnitRecord, depth: Int)] = []
        var seen: Set<Int64> = []
        var stack = roots.reversed().map { (unit: $0, depth: 0) }
        while let entry = stack.popLast() {
            guard seen.insert(entry.unit.id).inserted else { continue }
            result.append(entry)
            stack.append(contentsOf: children(of: entry.unit).reversed().map { (unit: $0, depth: entry.depth + 1) })
        }
        return result
    }
}
