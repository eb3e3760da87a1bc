import SKMReport

/// The one HTML escaper and the page frame every self-service page shares: inline styles only
/// (the Content-Security-Policy allows nothing from outside), large touch targets, no script.
public enum HTML {
    /// `text` safe inside an element or a double- or single-quoted attribute: `&`, `<`, `>`, `"`
    /// and `'` become character references. Every text a page shows that skm did not write
    /// itself (unit and service names, the office's name, answers typed back) goes through here.
    public static func escape(_ text: String) -> String {
        // The report's escaper: one rule for every HTML skm writes (it also replaces the control
        // characters XML forbids, so a typed-back answer cannot break a page either).
        Escape.html(text)
    }

    /// A whole page: `title` (escaped here), `body` (already HTML), an optional meta refresh
    /// after `refreshSeconds` to `refreshTarget` (a path of this server; nil: the same page).
    static func page(
        title: String, body: String, refreshSeconds: Int? = nil, refreshTarget: String? = nil, extraStyle: String = ""
    ) -> String {
        var refresh = ""
        if let seconds = refreshSeconds {
            let target = refreshTarget.map { ";url=\(escape($0))" } ?? ""
            refresh = "<meta http-equiv=\"refresh\" content=\"\(seconds)\(target)\">\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="id">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(refresh)<title>\(escape(title))</title>
            <style>\(style)\(extraStyle)</style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
    }

    /// Mobile first: one column, 18 px text, buttons and choices at least 48 px high.
    static let style = """
        *{box-sizing:border-box}body{margin:0 auto;max-width:44rem;padding:1rem;font:18px/1.5 system-ui,sans-serif;\
        color:#111;background:#fff}h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.25rem 0 .5rem}\
        fieldset{border:1px solid #bbb;border-radius:.5rem;margin:0 0 1rem;padding:.75rem}legend{font-weight:600;padding:0 .25rem}\
        label.choice{display:flex;align-items:center;gap:.75rem;min-height:48px;padding:.5rem;margin:.25rem 0;\
        border:1px solid #ddd;border-radius:.5rem}input[type=radio]{width:1.5rem;height:1.5rem;flex:none}\
        input[type=number],select,textarea{width:100%;min-height:48px;font:inherit;padding:.5rem;border:1px solid #888;\
        border-radius:.5rem}button,.button{display:block;width:100%;min-height:56px;font:inherit;font-weight:600;\
        background:#0a5;color:#fff;border:0;border-radius:.5rem;padding:.75rem;text-align:center;text-decoration:none}\
        .error{color:#b00;font-weight:600}.invalid{border-color:#b00;background:#fff4f4}ul.list{padding:0;list-style:none}\
        ul.list a{display:block;min-height:48px;padding:.75rem;border:1px solid #ccc;border-radius:.5rem;margin:.4rem 0}\
        .note{color:#444;font-size:.9rem}
        """
}
