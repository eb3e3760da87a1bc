import SKMCore

/// The start page (`/`): every unit with its services, each linking to its form.
struct IndexPage {
    let directory: [(unit: UnitRecord, services: [ServiceRecord])]
    let officeName: String?
    let layarEnabled: Bool

    var html: String {
        var body = "<h1>Survei Kepuasan Masyarakat</h1>\n"
        if let officeName { body += "<p>\(HTML.escape(officeName))</p>\n" }
        body += "<p>Pilih layanan yang baru Anda terima:</p>\n"
        var any = false
        for entry in directory where !entry.services.isEmpty {
            any = true
            body += "<h2>\(HTML.escape(entry.unit.name))</h2>\n<ul class=\"list\">\n"
            for service in entry.services {
                let path = WebPaths.form(unit: service.unitCode, service: service.code)
                body += "<li><a href=\"\(HTML.escape(path))\">\(HTML.escape(service.name))</a></li>\n"
            }
            body += "</ul>\n"
        }
        if !any { body += "<p>Belum ada layanan terdaftar.</p>\n" }
        if layarEnabled { body += "<p class=\"note\"><a href=\"/layar\">Hasil survei hari ini</a></p>\n" }
        return HTML.page(title: "Survei Kepuasan Masyarakat", body: body)
    }
}

/// The thank-you page after a stored response; in kiosk mode it returns to a fresh form.
struct ThanksPage {
    let serviceName: String
    let formPath: String
    /// Seconds before a kiosk shows a fresh form; nil outside kiosk mode.
    let kioskReturnSeconds: Int?

    var html: String {
        var body = """
            <h1>Terima kasih</h1>
            <p>Jawaban Anda untuk layanan <strong>\(HTML.escape(serviceName))</strong> sudah tersimpan.</p>
            <p>Pendapat Anda membantu kami memperbaiki pelayanan.</p>

            """
        if let seconds = kioskReturnSeconds {
            body += "<p class=\"note\">Formulir baru muncul dalam \(seconds) detik.</p>\n"
        }
        body += "<p><a class=\"button\" href=\"\(HTML.escape(formPath))\">Isi survei baru</a></p>\n"
        return HTML.page(title: "Terima kasih", body: body, refreshSeconds: kioskReturnSeconds, refreshTarget: formPath)
    }
}

/// A short page for a refusal (404, 405, 429, 403, 500): a message and a way back.
struct MessagePage {
    let title: String
    let message: String

    var html: String {
        HTML.page(
            title: title,
            body: "<h1>\(HTML.escape(title))</h1>\n<p>\(HTML.escape(message))</p>\n<p><a href=\"/\">Kembali ke awal</a></p>")
    }
}

/// The paths of the self-service pages, built in one place.
enum WebPaths {
    /// The start page and form of a unit's service.
    static func form(unit: String, service: String) -> String { "/s/\(segment(unit))/\(segment(service))" }
    /// The thank-you page after a stored response.
    static func thanks(unit: String, service: String) -> String { form(unit: unit, service: service) + "/terima-kasih" }
    /// The printable QR poster.
    static func poster(unit: String, service: String) -> String { "/poster/\(segment(unit))/\(segment(service))" }

    /// A code as a path segment: codes are letters, digits, `.`, `_`, `-`; anything else is escaped.
    static func segment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F: out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return out
    }
}
