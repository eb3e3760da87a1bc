import SKMCore

/// The paper questionnaire as one self-contained HTML page sized for one A4 sheet (2017 form):
/// print it from the browser. No scripts, no network.
public enum PaperFormHTML {
    public static func render(_ form: PaperForm) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        out += "<meta name=\"generator\" content=\"skm\">\n<title>\(Escape.html(form.title))</title>\n<style>\n\(css)</style>\n"
        out += "</head>\n<body>\n<header>\n"
        out += "<p class=\"kantor\">\(Escape.html(form.office ?? "Nama kantor: ……………………………………………"))</p>\n"
        out += "<h1>\(Escape.html(form.title))</h1>\n<p class=\"dasar\">\(Escape.html(form.subtitle))</p>\n</header>\n"
        out += "<p class=\"petunjuk\">\(Escape.html(form.instructions))</p>\n"
        out += "<table class=\"profil\">\n<caption>PROFIL RESPONDEN</caption>\n"
        for line in form.profile {
            out += "<tr><th>\(Escape.html(line.label))</th><td>"
            if line.choices.isEmpty {
                out += "<span class=\"isian\"></span>\(line.unit.map { " " + Escape.html($0) } ?? "")"
            } else {
                out += line.choices.map { "<span class=\"pilihan\">\(PaperForm.box) \(Escape.html($0))</span>" }.joined(
                    separator: " ")
            }
            out += "</td></tr>\n"
        }
        out += "</table>\n<table class=\"soal\">\n<caption>PENDAPAT RESPONDEN TENTANG PELAYANAN</caption>\n"
        for question in form.questions {
            out += "<tr><td class=\"no\">\(question.number).</td><td><p>\(Escape.html(question.text))</p><div class=\"opsi\">"
            for (i, option) in question.options.enumerated() {
                out += "<span>\(PaperForm.box) \(Escape.html(PaperForm.optionText(option, index: i)))</span>"
            }
            out += "</div></td></tr>\n"
        }
        out += "</table>\n<div class=\"saran\"><p>\(Escape.html(form.suggestionsLabel))</p></div>\n"
        out += "<p class=\"terima-kasih\">Terima kasih atas kesediaan Anda mengisi kuesioner ini.</p>\n</body>\n</html>\n"
        return out
    }

    static let css = """
        @page { size: A4; margin: 12mm 14mm; }
        body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 9.5pt; line-height: 1.3; color: #111;
          max-width: 182mm; margin: 0 auto; }
        header { text-align: center; border-bottom: 1.5px solid #111; padding-bottom: 1.5mm; margin-bottom: 2mm; }
        .kantor { font-weight: bold; font-size: 11.5pt; margin: 0; }
        h1 { font-size: 12.5pt; margin: 1mm 0 0.5mm; }
        .dasar { font-size: 8pt; color: #444; margin: 0; }
        .petunjuk { font-size: 8.5pt; margin: 0 0 2mm; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 2mm; }
        caption { text-align: left; font-weight: bold; font-size: 9pt; padding-bottom: 0.8mm; }
        .profil { border: 1.2px solid #111; }
        .profil th { text-align: left; font-weight: normal; width: 44mm; padding: 0.8mm 2mm; vertical-align: top; }
        .profil td { padding: 0.8mm 2mm; }
        .pilihan { display: inline-block; margin-right: 3mm; white-space: nowrap; }
        .isian { display: inline-block; width: 60mm; border-bottom: 1px dotted #111; height: 3.5mm; }
        .soal td { border: 1px solid #777; padding: 0.8mm 1.5mm; vertical-align: top; }
        .soal td.no { width: 6mm; text-align: right; }
        .soal p { margin: 0 0 0.5mm; }
        .opsi { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0 2mm; font-size: 8.5pt; }
        .saran { border: 1px solid #777; height: 20mm; padding: 1mm 2mm; }
        .saran p { margin: 0; }
        .terima-kasih { text-align: center; font-style: italic; font-size: 8.5pt; margin: 1.5mm 0 0; }
        tr { break-inside: avoid; }

        """
}
