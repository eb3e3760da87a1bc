public import SKMCore

extension Store {
    /// Merges one source database into this one in one write transaction: registry (as `plan`
    /// decides, called inside the transaction with both registries), import batches, responses,
    /// voids, visits (`carryVisits`), the RTL register and the publication log (`carryFollowUp`),
    /// and the aggregate packages it imported (`carryPackages`, each document turned into a write
    /// by `packages`, called inside the transaction once the source's registry is here). Nothing
    /// is stored when anything throws; when nothing is new the transaction is rolled back, so
    /// merging the same file again changes nothing, not even the generation.
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
        plan: (MergeRegistries) throws -> MergeRegistryPlan, packages: (SourcePackage) throws -> PackageWrite
    ) throws -> MergeCounts {
        let sourceUUID = try source.identity()?.uuid ?? "-"
        let writer = try self.writer(createdAt: at)
        defer { rows.finish() }
        var counts = MergeCounts()
        // What this source adds to `known`, taken back out if the source is not committed.
        var added = AddedIDs()
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
            known.reserve(additional: try source.responseCount())
            rows.start()
            var chosen: [CarriedRow] = []
            while let run = try rows.next() {
                chosen.removeAll(keepingCapacity: true)
                for index in run.rows.indices {
                    try carry(
                        index, of: run, places: places, batches: batches, writer: writer, known: &known, added: &added,
                        pending: &pending, counts: &counts, chosen: &chosen)
                }
                try writer.insertCarried(chosen, from: run)
            }
            rows.finish()
            try writer.flush()
            try carryVisits(from: source, counts: &counts)
            try carryFollowUp(from: source, unitCodes: decided.unitCodes, counts: &counts)
            try carryPackages(from: source, unitCodes: decided.unitCodes, prepare: packages, counts: &counts)
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
            known.remove(added)
            throw error
        }
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

    /// One source row: recognised (and its void queued), chosen to be written from the run's
    /// bytes, or (a row with a client id, which the writer compares by content) written as a
    /// `NewResponse`.
    func carry(
        _ index: Int, of run: SourceRows, places: MergePlaces, batches: CarriedBatches, writer: ResponseWriter,
        known: inout KnownIDs, added: inout AddedIDs, pending: inout PendingVoids, counts: inout MergeCounts,
        chosen: inout [CarriedRow]
    ) throws {
        let row = run.rows[index]
        guard let id = row.id else { throw Self.corruptSource(run.uuidText(row)) }
        if row.voided && row.voidID == nil { throw Self.corruptSource(run.uuidText(row)) }
        if known.responses.contains(id) {
            counts.alreadyPresent += 1
            if let voidID = row.voidID, !known.voids.contains(voidID), let void = run.void(of: row) { pending.byUUID[id] = void }
            return
        }
        let batch = row.importBatch.flatMap { batches.map[$0] }
        if let batch, batch.recognisedByFile, let key = row.importKey, batches.keys[batch.id]?.contains(key) == true {
            counts.alreadyPresent += 1
            if let voidID = row.voidID, !known.voids.contains(voidID), let void = run.void(of: row) {
                pending.byKey.append((batch.id, key, void))
            }
            return
        }
        guard let place = places.services[row.serviceID], let date = row.date else {
            throw Self.corruptSource(run.uuidText(row))
        }
        try writer.refuseIfPackageFilled(unitID: place.unitID, unitCode: place.unitCode)
        if row.hasClientID {
            // The rows chosen before it first, so ids here follow the source's order.
            try writer.insertCarried(chosen, from: run)
            chosen.removeAll(keepingCapacity: true)
            let response = run.response(row, place: place, date: date, importBatch: batch?.id)
            if case .duplicate(let existing) = try writer.add(response) {
                counts.alreadyPresent += 1
                if let void = response.carried?.void { pending.byID.append((existing, void)) }
                return
            }
        } else {
            chosen.append(
                CarriedRow(index: index, date: date, unitID: place.unitID, serviceID: place.serviceID, importBatch: batch?.id))
        }
        counts.responsesAdded += 1
        known.responses.insert(id)
        added.responses.append(id)
        if let voidID = row.voidID {
            counts.voidedAdded += 1
            known.voids.insert(voidID)
            added.voids.append(voidID)
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
