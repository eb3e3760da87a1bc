import SKMCore
import SKMJSON
import SKMReport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SKMService {
    /// The profile for a report: named file, inline JSON, or `skm-report.json` found beside the
    /// database or in the current folder. No file found is not an error (the report marks the
    /// gaps); a file that exists but is invalid is.
    public func reportProfile(_ source: ReportProfileSource) throws -> ReportProfile {
        var profile: ReportProfile
        switch source {
        case .json(let value):
            profile = try ReportProfile.decode(value, path: "profile.", origin: "params.profile", baseDirectory: nil)
        case .file(let path):
            profile = try profileFile(path)
        case .automatic:
            let beside = ReportProfile.path(besideDatabase: databasePath)
            if access(beside, F_OK) == 0 {
                profile = try profileFile(beside)
            } else if access(ReportProfile.fileName, F_OK) == 0 {
                profile = try profileFile(ReportProfile.fileName)
            } else {
                profile = .missing
            }
        }
        if let logo = profile.logoPath {
            let path = logo.hasPrefix("/") || profile.baseDirectory == nil ? logo : (profile.baseDirectory ?? ".") + "/" + logo
            profile.office.logo = LogoLoader.load(path)
        }
        return profile
    }

    func profileFile(_ path: String) throws -> ReportProfile {
        let text = try TextFile.read(path)
        let value: JSONValue
        do {
            value = try JSONParser(maxDepth: 32).parse(text)
        } catch {
            throw SKMError(
                .invalidText, "Berkas profil \(path) bukan JSON yang sah: \(error.indonesianMessage).", field: "profile")
        }
        do {
            return try ReportProfile.decode(value, origin: path, baseDirectory: Self.directory(of: path))
        } catch let error as SKMError {
            throw SKMError(error.code, "Berkas profil \(path): \(error.message)", field: error.field, details: error.details)
        }
    }

    /// The folder part of a path ("." for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }
}

/// Reads the office logo for embedding: only an existing PNG, JPEG or SVG file of at most 1 MB,
/// recognised by its content (not its name). Anything else becomes a reason shown in the report.
enum LogoLoader {
    static let sizeLimit = 1 << 20

    static func load(_ path: String) -> Logo {
        var info = stat()
        guard stat(path, &info) == 0 else { return .unusable("berkas \(path) tidak ditemukan") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .unusable("\(path) bukan berkas biasa") }
        guard Int(info.st_size) <= sizeLimit else { return .unusable("berkas \(path) lebih dari 1 MB") }
        guard let file = fopen(path, "rb") else { return .unusable("berkas \(path) tidak dapat dibaca") }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let read = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        guard read == bytes.count else { return .unusable("berkas \(path) tidak dapat dibaca utuh") }
        guard let mime = mimeType(bytes) else { return .unusable("berkas \(path) bukan gambar PNG, JPEG atau SVG") }
        return .embedded(mimeType: mime, base64: Base64.encode(bytes))
    }

    static func mimeType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0 == "\u{FEFF}" || $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        if (trimmed.hasPrefix("<svg") || trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<!--")) && head.contains("<svg") {
            return "image/svg+xml"
        }
        return nil
    }
}
