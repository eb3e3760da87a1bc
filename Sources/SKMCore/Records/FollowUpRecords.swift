/// One version of an RTL item (rencana tindak lanjut) as the register keeps it. The register is
/// append-only: adding, completing, correcting and cancelling an item each store a new version
/// with the whole item; the highest version of a number is its current state.
public struct RTLItem: Sendable, Equatable {
    /// The item's number (`skm rtl done N`), shared by all its versions.
    public var number: Int
    /// 1 for the item as added; each later change adds one.
    public var version: Int
    /// The survey year whose results the item follows up.
    public var year: Int
    /// The unsur code (upper case) of `questionnaire`.
    public var unsur: String
    /// The questionnaire the year was measured with, whose unsur the item names.
    public var questionnaire: String
    /// The program or activity (program/kegiatan).
    public var program: String
    /// Who is responsible (penanggung jawab); nil only for items imported without one.
    public var penanggungJawab: String?
    /// The date the item should be done by.
    public var target: CivilDate
    /// The date the item was set (on or after 1 January of `year`).
    public var plannedOn: CivilDate
    /// The unit and service the item is for; nil when it is for the whole office.
    public var unitCode: String?
    /// The service code within `unitCode`; nil when the item is not for one service.
    public var serviceCode: String?
    /// When the item was completed; nil while it is open.
    public var doneOn: CivilDate?
    /// The proof of completion (a document number, a link…); set with `doneOn`.
    public var evidence: String?
    /// Whether the item was withdrawn (batal); a cancelled item counts in no share.
    public var cancelled: Bool
    /// Why this version was written (a correction's or cancellation's reason); nil for add and done.
    public var reason: String?
    /// The change this version records: `add`, `import`, `done`, `correct` or `cancel`.
    public var action: String
    /// When this version was stored (ISO 8601 timestamp).
    public var recordedAt: String

    /// An item version as given; the store assigns `number` and `version` for new items.
    public init(
        number: Int, version: Int, year: Int, unsur: String, questionnaire: String, program: String, penanggungJawab: String?,
        target: CivilDate, plannedOn: CivilDate, unitCode: String?, serviceCode: String?, doneOn: CivilDate? = nil,
        evidence: String? = nil, cancelled: Bool = false, reason: String? = nil, action: String, recordedAt: String
    ) {
        self.number = number
        self.version = version
        self.year = year
        self.unsur = unsur
        self.questionnaire = questionnaire
        self.program = program
        self.penanggungJawab = penanggungJawab
        self.target = target
        self.plannedOn = plannedOn
        self.unitCode = unitCode
        self.serviceCode = serviceCode
        self.doneOn = doneOn
        self.evidence = evidence
        self.cancelled = cancelled
        self.reason = reason
        self.action = action
        self.recordedAt = recordedAt
    }

    /// Whether the item is done and was done on or before its target date.
    public var doneOnTime: Bool { doneOn.map { $0 <= target } ?? false }
}

/// The media the SKM results can be published in (PEKPPP counts the distinct media per year).
public enum PublicationMedium: String, Sendable, CaseIterable {
    case website
    case papanPengumuman = "papan-pengumuman"
    case mediaSosial = "media-sosial"
    case mediaCetak = "media-cetak"
    case radio
    case televisi
    case aplikasi
    case forum
    case lainnya

    /// The medium's name in a report ("Papan pengumuman").
    public var label: String {
        switch self {
        case .website: return "Situs web"
        case .papanPengumuman: return "Papan pengumuman"
        case .mediaSosial: return "Media sosial"
        case .mediaCetak: return "Media cetak"
        case .radio: return "Radio"
        case .televisi: return "Televisi"
        case .aplikasi: return "Aplikasi"
        case .forum: return "Forum konsultasi publik"
        case .lainnya: return "Lainnya"
        }
    }
}

/// One version of a publication of a year's SKM results: where and when they were published.
/// A wrong entry is voided by a new version; nothing is deleted.
public struct PublicationRecord: Sendable, Equatable {
    /// The entry's number (`skm publish void N`), shared by its versions.
    public var number: Int
    /// 1 as added, 2 once voided.
    public var version: Int
    /// The survey year whose results were published.
    public var year: Int
    /// Where they were published.
    public var medium: PublicationMedium
    /// When they were published.
    public var publishedOn: CivilDate
    /// Where to see the publication (http or https); nil when there is none.
    public var link: String?
    /// A note (which board, which account…); nil when none.
    public var note: String?
    /// Why the entry was voided; nil while it counts.
    public var voidReason: String?
    /// When this version was stored (ISO 8601 timestamp).
    public var recordedAt: String

    /// A publication version as given; the store assigns `number` and `version` for new ones.
    public init(
        number: Int, version: Int, year: Int, medium: PublicationMedium, publishedOn: CivilDate, link: String?, note: String?,
        voidReason: String? = nil, recordedAt: String
    ) {
        self.number = number
        self.version = version
        self.year = year
        self.medium = medium
        self.publishedOn = publishedOn
        self.link = link
        self.note = note
        self.voidReason = voidReason
        self.recordedAt = recordedAt
    }
}
