import SKMCore
import SKMQR
import SKMService

/// The printable poster of one unit and service: the office's name, the service's name, the QR
/// code of the start page's address (inline SVG) and the address in text; print CSS fits it on
/// one A4 or A5 page.
struct PosterPage {
    /// The paper size, from `?ukuran=a4|a5`.
    enum Size: String {
        case a4, a5
    }

    let form: SurveyForm
    let officeName: String?
    /// The full address the QR code holds (`http://HOST/s/UNIT/SERVICE`).
    let url: String
    let size: Size
    let qr: QRCode

    var html: String {
        let width = size == .a4 ? "120mm" : "85mm"
        let style = """
            @page{size:\(size == .a4 ? "A4" : "A5") portrait;margin:12mm}\
            .poster{text-align:center}.qr{width:\(width);height:\(width);margin:1rem auto}.qr svg{width:100%;height:100%}\
            .url{font-family:monospace;word-break:break-all}@media print{body{max-width:none}.noprint{display:none}}
            """
        var body = "<div class=\"poster\">\n"
        if let officeName { body += "<p>\(HTML.escape(officeName))</p>\n" }
        body += """
            <h1>Survei Kepuasan Masyarakat</h1>
            <p><strong>\(HTML.escape(form.service.name))</strong><br>\(HTML.escape(form.unit.name))</p>
            <p>Pindai kode ini dengan kamera ponsel untuk mengisi survei (tanpa nama, sekitar 2 menit).</p>
            <div class="qr" role="img" aria-label="\(HTML.escape("Kode QR: " + url))">\(qr.svg())</div>
            <p class="url">\(HTML.escape(url))</p>
            <p class="note noprint">Cetak halaman ini (ukuran \(size.rawValue.uppercased())). Ukuran lain: \
            <a href="?ukuran=a4">A4</a>, <a href="?ukuran=a5">A5</a>.</p>
            </div>
            """
        return HTML.page(title: "Poster survei — \(form.service.name)", body: body, extraStyle: style)
    }
}
