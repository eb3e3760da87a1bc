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
                "Sumber \(source) tidak digabungkan, tidak ada yang disimpan: \(listed). Pilih nama yang dipakai dengan --keep-name target|source, atau arahkan unit sumber ke unit lain dengan --unit-map SUMBER=TUJUAN; kuesioner yang berbeda isinya tidak dapat digabungkan.",
                field: "source",
                details: ["source": .string(source), "conflicts": .array(conflicts.map { .string($0) })])
        }
        return plan
    }
}
