public import SKMCore

extension Store {
    /// Merges one source database into this one in one write transaction: registry (as `plan`
    /// decides, called inside the transaction with both registries), import batches, responses,
    /// voids, visits (`carryVisits`), the RTL register and the publication log (`carryFollowUp`). Nothing is stored when anything throws; when nothing is new the transaction is
    /// rolled back, so merging the same file again changes nothing, not even the generation.
    ///
    /// A response is already here when its global id is known, when its client id is stored
    /// here with the same content, or when it is the same row (fingerprint) of the same file
    /// imported here too; its source void, if any and new, is applied here (aggregates follow).
    /// New responses go through the response writer, keeping their global id, creation time,
    /// batch and void, so the aggregates stay exact.
    ///
    /// The responses come from `rows`, started once the registry and batches are read from the
    /// source (so it may read them on another thread while this one writes).
    package func merge(
        from source: MergeSource, at: String, known: inout KnownIDs, rows: any MergeRowFeed,
        plan: (MergeRegistries) throws -> MergeRegistryPlan
    ) throws -> MergeCounts {
        let sourceUUID = try source.identity()?.uuid ?? "-"
        let writer = try self.writer(createdAt: at)
        defer { rows.finish() }
        var counts = MergeCounts()
        var added = KnownIDs()
        do {
            let registries = MergeRegistries(
                sourceUnits: try source.units(), sourceServices: try source.services(),
                sourceQuestionnaires: try source.customQuestionnaires().map {
                    StoredDefinition(id: $0.id, definition: $0.definition)
                },
                targetUnits: try units(), targetServices: try services(),
                targetQuestionnaires: try customQuestionnaires().map { StoredDefinition(id: $0.id, definition: $0.definition) })
            let decided = try plan(registries)
            try applyRegistry(decided, at: at, counts: &counts)
            let places = try MergePlaces(registries: registries, plan: decided, target: self)
            let batches = try carryBatches(from: source, counts: &counts)
            var pending = PendingVoids()
            rows.start()
            while let batch = try rows.next() {
                for row in batch {
                    try carry(
                        row, places: places, batches: batches, writer: writer, known: known, added: &added,
                        pending: &pending, counts: &counts)
                }
            }
            rows.finish()
            try writer.flush()
            try carryVisits(from: source, counts: &counts)
            try carryFollowUp(from: source, unitCodes: decided.unitCodes, counts: &counts)
            counts.voidsCarried = try applyPendingVoids(pending, at: at)
            if counts.changedSomething {
                try audit(
                    action: "merge", responseID: nil,
                    detail: "\(counts.responsesAdded) respons dari \(source.path) (\(sourceUUID))", at: at
                )
                try writer.commit()
            } else {
                writer.rollback()
            }
        } catch {
            writer.rollback()
            throw error
        }
        known.responses.formUnion(added.responses)
        known.voids.formUnion(added.voids)
        return counts
    }

    func applyRegistry(_ plan: MergeRegistryPlan, at: String, counts: inout MergeCounts) throws {
        for q in plan.questionnairesToAdd {
            try statement("INSERT INTO questionnaires(id, definition, added_at) VALUES (?, ?, ?)")
                .run([.text(q.id), .text(q.definition), .text(at)])
            try audit(action: "questionnaire.add", responseID: nil, detail: q.id, at: at)
            counts.questionnairesAdded += 1
        }
        for unit in plan.unitsToAdd {
            try statement("INSERT INTO units(code, name, created_at) VALUES (?, ?, ?)").run([
                .text(unit.code), .text(unit.name), .text(at),
            ])
            counts.unitsAdded += 1
        }
        for link in plan.parentLinks {
            try statement("UPDATE units SET parent_id = (SELECT id FROM units WHERE code = ?) WHERE code = ?")
                .run([.text(link.parentCode), .text(link.code)])
            try audit(action: "unit.move", responseID: nil, detail: "\(link.code) di bawah \(link.parentCode) (gabungan)", at: at)
            counts.parentsLinked += 1
        }
        for unit in plan.unitRenames {
            try statement("UPDATE units SET name = ? WHERE code = ?").run([.text(unit.name), .text(unit.code)])
            try audit(action: "unit.rename", responseID: nil, detail: "\(unit.code): \(unit.name)", at: at)
            counts.renamed += 1
        }
        for service in plan.servicesToAdd {
            try statement(
                "INSERT INTO services(unit_id, code, name, created_at) SELECT id, ?, ?, ? FROM units WHERE code = ?"
            ).run([.text(service.code), .text(service.name), .text(at), .text(service.unitCode)])
            counts.servicesAdded += 1
        }
        for service in plan.serviceRenames {
            try statement(
                "UPDATE services SET name = ? WHERE code = ? AND unit_id = (SELECT id FROM units WHERE code = ?)"
            ).run([.text(service.name), .text(service.code), .text(service.unitCode)])
            try audit(
                action: "service.rename", responseID: nil, detail: "\(service.unitCode)/\(service.code): \(service.name)", at: at)
            counts.renamed += 1
        }
    }

    /// One source row: recognised (and its void queued) or written as a new response.
    func carry(
        _ row: SourceRow, places: MergePlaces, batches: CarriedBatches, writer: ResponseWriter, known: KnownIDs,
        added: inout KnownIDs, pending: inout PendingVoids, counts: inout MergeCounts
    ) throws {
        guard let id = GlobalID(row.uuid) else { throw Self.corruptSource(row.uuid) }
        let void = row.void
        let voidID = void.flatMap { GlobalID($0.uuid) }
        if void != nil && voidID == nil { throw Self.corruptSource(row.uuid) }
        if known.responses.contains(id) || added.responses.contains(id) {
            counts.alreadyPresent += 1
            if let void, let voidID, !known.voids.contains(voidID) { pending.byUUID[row.uuid] = void }
            return
        }
        let batch = row.importBatch.flatMap { batches.map[$0] }
        if let batch, batch.recognisedByFile, let key = row.importKey, batches.keys[batch.id]?.contains(key) == true {
            counts.alreadyPresent += 1
            if let void, let voidID, !known.voids.contains(voidID) { pending.byKey.append((batch.id, key, void)) }
            return
        }
        guard let place = places.services[row.serviceID], let date = CivilDate(iso: row.day) else {
            throw Self.corruptSource(row.uuid)
        }
        let content = ResponseContent(
            questionnaireID: row.questionnaire, unitCode: place.unitCode, serviceCode: place.serviceCode, date: date,
            timeSlot: row.timeSlot, answers: AnswerCoding.decode(row.answers), respondent: row.respondent, comment: row.comment)
        let response = NewResponse(
            content: content, unitID: place.unitID, serviceID: place.serviceID, clientID: row.clientID, score: row.score,
            importKey: row.importKey,
            carried: CarriedFields(uuid: row.uuid, createdAt: row.createdAt, importBatch: batch?.id, void: void))
        switch try writer.add(response) {
        case .stored:
            counts.responsesAdded += 1
            added.responses.insert(id)
            if let voidID {
                counts.voidedAdded += 1
                added.voids.insert(voidID)
            }
        case .duplicate(let existing):
            counts.alreadyPresent += 1
            if let void { pending.byID.append((existing, void)) }
        }
    }

    static func corruptSource(_ uuid: String) -> SKMError {
        SKMError(
            .databaseCorrupt,
            "Basis data sumber memuat respons yang tidak terbaca (id global \"\(uuid.clipped(40))\"); tidak ada yang digabungkan. Jalankan 'skm check' pada sumber.",
            field: "source")
    }
}

/// Where each source service's responses go here: unit and service ids and codes.
struct MergePlaces {
    struct Place {
        let unitID: Int64
        let unitCode: String
        let serviceID: Int64
        let serviceCode: String
    }

    /// By the source's service id.
    let services: [Int64: Place]

    init(registries: MergeRegistries, plan: MergeRegistryPlan, target: Store) throws {
        let targetServices = Dictionary(
            try target.services().map { ("\($0.unitCode)\u{0}\($0.code)", $0) }, uniquingKeysWith: { a, _ in a })
        var services: [Int64: Place] = [:]
        for service in registries.sourceServices {
            let unitCode = plan.unitCodes[service.unitCode] ?? service.unitCode
            guard let found = targetServices["\(unitCode)\u{0}\(service.code)"] else {
                throw SKMError(
                    .internal, "Layanan \(unitCode)/\(service.code) tidak ada di basis data tujuan setelah registri digabungkan.")
            }
            services[service.id] = Place(unitID: found.unitID, unitCode: unitCode, serviceID: found.id, serviceCode: found.code)
        }
        self.services = services
    }
}
