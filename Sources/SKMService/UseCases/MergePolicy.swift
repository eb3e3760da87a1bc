import SKMCore
import SKMJSON
import SKMStore

/// The merge rules for the registry: what a source's units, services and custom questionnaires
/// become here, and which differences stop the source.
///
/// - A questionnaire id stored on both sides must have the identical definition (no option
///   changes that: responses scored under one definition cannot be counted under another).
/// - A unit code on both sides with another name stops the source unless `--keep-name` says
///   which name stays, or `--unit-map` names the unit here the source unit's data goes to.
/// - A service code (within its unit here) on both sides with another name stops the source
///   unless `--keep-name` says which name stays.
/// - A source unit's parent (the unit hierarchy) is set here when the unit has no parent here;
///   another parent here, or a link that would close a cycle with this database's tree, stops
///   the source. A unit the source has no parent for keeps its place here; a `--unit-map`ped unit
///   keeps its place here.
/// - Anything missing here is added with the source's name and definition.
enum MergePolicy {
    /// The plan for one source, or `merge_conflict` listing every conflict.
    static func plan(_ r: MergeRegistries, options: MergeOptions, source: String) throws -> MergeRegistryPlan {
        var plan = MergeRegistryPlan()
        var conflicts: [String] = []
        let targetDefinitions = Dictionary(r.targetQuestionnaires.map { ($0.id, $0.definition) }, uniquingKeysWith: { a, _ in a })
        for q in r.sourceQuestionnaires {
            if let here = targetDefinitions[q.id] {
                if here != q.definition { conflicts.append("kuesioner \(q.id) tersimpan dengan definisi lain") }
            } else {
                plan.questionnairesToAdd.append(q)
            }
        }
        var unitNames = Dictionary(r.targetUnits.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        for unit in r.sourceUnits {
            let code = options.unitMap[unit.code] ?? unit.code
            plan.unitCodes[unit.code] = code
            guard let here = unitNames[code] else {
                plan.unitsToAdd.append((code, unit.name))
                unitNames[code] = unit.name
                continue
            }
            guard here != unit.name, options.unitMap[unit.code] == nil else { continue }
            switch options.keepName {
            case .target: break
            case .source:
                plan.unitRenames.append((code, unit.name))
                unitNames[code] = unit.name
            case nil: conflicts.append("unit \(code) bernama \"\(here)\" di sini tetapi \"\(unit.name)\" di sumber")
            }
        }
        conflicts += parentLinks(r, options: options, plan: &plan)
        var serviceNames = Dictionary(
            r.targetServices.map { ("\($0.unitCode)\u{0}\($0.code)", $0.name) }, uniquingKeysWith: { a, _ in a })
        for service in r.sourceServices {
            let unitCode = plan.unitCodes[service.unitCode] ?? service.unitCode
            let key = "\(unitCode)\u{0}\(service.code)"
            guard let here = serviceNames[key] else {
                plan.servicesToAdd.append((unitCode, service.code, service.name))
                serviceNames[key] = service.name
                continue
            }
            guard here != service.name else { continue }
            switch options.keepName {
            case .target: break
            case .source:
                plan.serviceRenames.append((unitCode, service.code, service.name))
                serviceNames[key] = service.name
            case nil:
                conflicts.append(
                    "layanan \(unitCode)/\(service.code) bernama \"\(here)\" di sini tetapi \"\(service.name)\" di sumber")
            }
        }
        guard conflicts.isEmpty else {
            let listed =
                conflicts.prefix(5).joined(separator: "; ") + (conflicts.count > 5 ? "; dan \(conflicts.count - 5) lagi" : "")
            throw SKMError(
                .mergeConflict,
                "Sumber \(source) tidak digabungkan, tidak ada yang disimpan: \(listed). Pilih nama yang dipakai dengan --keep-name target|source, atau arahkan unit sumber ke unit lain dengan --unit-map SUMBER=TUJUAN; kuesioner yang berbeda isinya tidak dapat digabungkan; induk unit yang berbeda disamakan dulu dengan 'skm unit move'.",
                field: "source",
                details: ["source": .string(source), "conflicts": .array(conflicts.map { .string($0) })])
        }
        return plan
    }

    /// Adds the source's parent links to `plan`; returns the conflicts (another parent here, a cycle).
    static func parentLinks(_ r: MergeRegistries, options: MergeOptions, plan: inout MergeRegistryPlan) -> [String] {
        var conflicts: [String] = []
        let sourceCodes = Dictionary(r.sourceUnits.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        let targetCodes = Dictionary(r.targetUnits.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        var parents: [String: String] = [:]
        for unit in r.targetUnits {
            if let parent = unit.parentID.flatMap({ targetCodes[$0] }) { parents[unit.code] = parent }
        }
        for unit in r.sourceUnits where options.unitMap[unit.code] == nil {
            guard let sourceParent = unit.parentID.flatMap({ sourceCodes[$0] }) else { continue }
            let parent = plan.unitCodes[sourceParent] ?? sourceParent
            if let here = parents[unit.code] {
                if here != parent { conflicts.append("unit \(unit.code) berinduk \(here) di sini tetapi \(parent) di sumber") }
                continue
            }
            guard parent != unit.code else { continue }
            parents[unit.code] = parent
            plan.parentLinks.append((unit.code, parent))
        }
        for link in plan.parentLinks {
            var seen: Set<String> = [link.code]
            var current = link.code
            while let parent = parents[current] {
                if seen.contains(parent) {
                    conflicts.append(
                        "unit \(link.code) di bawah \(link.parentCode) membentuk lingkaran dengan susunan unit di sini")
                    break
                }
                seen.insert(parent)
                current = parent
            }
        }
        return conflicts
    }
}
