import SKMCore
public import SKMJSON

/// A merge's outcome as JSON (`skm merge --json`).
public enum MergeJSON {
    /// `{source, sourceUuid, responsesAdded, voidedAdded, alreadyPresent, voidsCarried, unitsAdded,
    /// servicesAdded, renamed, parentsLinked, questionnairesAdded, batchesAdded, visitsAdded, visitVoidsCarried,
    /// rtlVersionsAdded, publicationVersionsAdded, packagesCarried, packagesAlreadyPresent, packagesOlderSkipped}`.
    public static func summary(_ s: MergeSummary) -> JSONValue {
        let c = s.counts
        return [
            "source": .string(s.source), "sourceUuid": .string(s.sourceUUID), "responsesAdded": .int(c.responsesAdded),
            "voidedAdded": .int(c.voidedAdded), "alreadyPresent": .int(c.alreadyPresent), "voidsCarried": .int(c.voidsCarried),
            "unitsAdded": .int(c.unitsAdded), "servicesAdded": .int(c.servicesAdded), "renamed": .int(c.renamed),
            "questionnairesAdded": .int(c.questionnairesAdded), "batchesAdded": .int(c.batchesAdded),
            "parentsLinked": .int(c.parentsLinked), "visitsAdded": .int(c.visitsAdded),
            "visitVoidsCarried": .int(c.visitVoidsCarried),
            "rtlVersionsAdded": .int(c.rtlVersionsAdded), "publicationVersionsAdded": .int(c.publicationVersionsAdded),
            "packagesCarried": .int(c.packagesCarried), "packagesAlreadyPresent": .int(c.packagesAlreadyPresent),
            "packagesOlderSkipped": .int(c.packagesOlderSkipped),
        ]
    }

    /// One line of text per source, in Indonesian.
    public static func text(_ s: MergeSummary) -> String {
        let c = s.counts
        var parts = ["\(c.responsesAdded) respons ditambahkan"]
        if c.voidedAdded > 0 { parts[0] += " (\(c.voidedAdded) di antaranya sudah dibatalkan)" }
        parts.append("\(c.alreadyPresent) sudah ada")
        parts.append("\(c.voidsCarried) pembatalan dibawa")
        parts.append("\(c.unitsAdded) unit dan \(c.servicesAdded) layanan ditambahkan")
        if c.renamed > 0 { parts.append("\(c.renamed) nama diganti") }
        if c.parentsLinked > 0 { parts.append("\(c.parentsLinked) unit ditempatkan di bawah induknya") }
        if c.questionnairesAdded > 0 { parts.append("\(c.questionnairesAdded) kuesioner ditambahkan") }
        if c.batchesAdded > 0 { parts.append("\(c.batchesAdded) batch impor dibawa") }
        if c.visitsAdded > 0 { parts.append("\(c.visitsAdded) kunjungan ditambahkan") }
        if c.visitVoidsCarried > 0 { parts.append("\(c.visitVoidsCarried) pembatalan kunjungan dibawa") }
        if c.rtlVersionsAdded > 0 { parts.append("\(c.rtlVersionsAdded) catatan RTL dibawa") }
        if c.publicationVersionsAdded > 0 { parts.append("\(c.publicationVersionsAdded) catatan publikasi dibawa") }
        if c.packagesCarried + c.packagesAlreadyPresent + c.packagesOlderSkipped > 0 {
            parts.append(
                "paket agregat: \(c.packagesCarried) dibawa, \(c.packagesAlreadyPresent) sudah ada, "
                    + "\(c.packagesOlderSkipped) lebih lama dari yang di sini dilewati")
        }
        return "\(s.source): " + parts.joined(separator: ", ") + (c.changedSomething ? "." : ". Tidak ada yang berubah.")
    }
}
