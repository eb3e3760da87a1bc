public import SKMCore
import SKMOffice
import SKMReport

/// A file format of the printed questionnaire.
public enum PaperFormFormat: String, Sendable, CaseIterable {
    case html
    case docx

    /// Reads `html` or `docx` (also `word`); nil gives the format of `outPath`'s name (`.docx` → Word),
    /// else HTML.
    public static func parse(_ raw: String?, field: String, outPath: String? = nil) throws -> PaperFormFormat {
        guard let raw else { return outPath?.lowercased().hasSuffix(".docx") == true ? .docx : .html }
        switch raw.trimmingSpaces().lowercased() {
        case "html": return .html
        case "docx", "word": return .docx
        default:
            throw SKMError(
                .invalidFilter, "Format kuesioner \"\(raw.clipped(20))\" tidak dikenal; pilih html atau docx.", field: field)
        }
    }
}

/// What `printQuestionnaire` wrote.
public struct PrintedQuestionnaire: Sendable {
    /// The questionnaire printed.
    public let questionnaire: Questionnaire
    /// The file written.
    public let path: String
    /// Things the person should know (no office name in the profile).
    public let notes: [String]
}

extension SKMService {
    /// The paper questionnaire of `id` (the default questionnaire when nil) with the office's name
    /// from the report profile, written as a new file at `path` (by default `kuesioner-<id>.<ext>`
    /// in the current folder); an existing file is replaced only when `replacing` is true.
    public func printQuestionnaire(
        id: String?, format: PaperFormFormat, path: String?, replacing: Bool, profile: ReportProfileSource = .automatic
    ) throws -> PrintedQuestionnaire {
        let q: Questionnaire
        if let id {
            q = try questionnaire(id: id)
        } else if let fallback = try catalog().defaultQuestionnaire {
            q = fallback
        } else {
            throw SKMError(.unknownQuestionnaire, "Tidak ada kuesioner yang dikenal.", field: "id")
        }
        let office = try reportProfile(profile).office.name
        let form = PaperForm(q, office: office)
        let target = path ?? "kuesioner-\(q.id).\(format.rawValue)"
        let bytes: [UInt8]
        switch format {
        case .html:
            bytes = Array(PaperFormHTML.render(form).utf8)
        case .docx:
            do {
                bytes = try PaperFormDocx.render(form)
            } catch {
                throw SKMError.office(error, path: target)
            }
        }
        try AtomicFile.write(bytes, to: target, visibility: .publication, replacing: replacing ? .userNamedFile : .nothing)
        let notes =
            office == nil
            ? ["Nama kantor belum diisi di skm-report.json; formulir memberi baris kosong untuk menuliskannya."] : []
        return PrintedQuestionnaire(questionnaire: q, path: target, notes: notes)
    }
}
