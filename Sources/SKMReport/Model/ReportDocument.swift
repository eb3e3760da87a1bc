/// The report as structure: chapters of headings, paragraphs, tables and figures.
///
/// `ReportContent` writes the Indonesian text once into this shape; HTML, Markdown and the CSV
/// tables are renderings of the same value, so the formats cannot drift apart. Every piece of
/// text here is plain text: each renderer escapes it for its own format.
public struct ReportDocument: Sendable {
    public var title: String
    public var cover: Cover
    public var chapters: [Chapter]

    /// Every table, in document order (the CSV files).
    public var tables: [ReportTable] {
        chapters.flatMap { $0.blocks }.compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }
}

/// The title page.
public struct Cover: Sendable {
    public var lines: [String]
    public var office: [Inline]
    public var address: [Inline]
    public var logo: Logo
    public var notices: [[Inline]]
    /// IKM, mutu and respondents at a glance (empty when there is no data).
    public var highlights: [(String, String)]
}

/// A chapter (BAB) or the appendix: starts on a new page when printed.
public struct Chapter: Sendable {
    public var id: String
    public var title: String
    public var blocks: [Block]

    /// How the chapter's printed pages are numbered: "III" for BAB III (pages III-1, III-2, …),
    /// "L" for the appendix. Each chapter starts on a new page, so its first page is always
    /// `<prefix>-1` and the table of contents can print it without laying the pages out.
    public var pagePrefix: String {
        let words = title.split(separator: " ")
        if words.count > 1 && words[0] == "BAB" { return String(words[1]) }
        return String(title.prefix(1))
    }
}

/// A run of text inside a paragraph.
public enum Inline: Sendable, Equatable {
    case text(String)
    case strong(String)
    /// Missing information the office must supply: shown highlighted, in brackets.
    case placeholder(String)
}

public enum Block: Sendable {
    case heading(String, id: String)
    case paragraph([Inline])
    case bullets([[Inline]])
    case table(ReportTable)
    case figure(Figure)
    /// A boxed remark the reader must not miss (no data, missing profile…).
    case notice([Inline])
    case signature(Signature)
}

/// An inline SVG chart with its caption; Markdown shows the caption and refers to the table.
public struct Figure: Sendable {
    public var id: String
    public var caption: String
    public var svg: String
    /// Scaled to fit a whole printed page (the infographic).
    public var fullPage: Bool = false
}

/// The signature block at the end of BAB V.
public struct Signature: Sendable {
    public var placeAndDate: [Inline]
    public var position: [Inline]
    public var name: [Inline]
    public var nip: [Inline]
}

/// A table cell: its value is kept typed so that CSV gets numbers and HTML/Markdown get
/// Indonesian formatting of the same value.
public enum Cell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A value shown with this many decimals (rounded for display only).
    case number(Double, decimals: Int)
    case percent(Double)
    /// No value; the renderers show "–". The reason is given next to the table.
    case missing
    case placeholder(String)
    /// A mark in the RTL quarter columns.
    case check(Bool)
}

/// A table with a stable id (the HTML anchor and the CSV file name).
public struct ReportTable: Sendable {
    public enum Alignment: Sendable { case left, right, center }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
    }

    public var id: String
    public var caption: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Rows set in bold after the body (totals, the IKM line).
    public var footer: [[Cell]]
    public var notes: [[Inline]]
    /// HTML and Markdown show at most this many rows (a note says so); CSV has them all.
    public var printLimit: Int?

    init(
        id: String, caption: String, columns: [(String, Alignment)], rows: [[Cell]], footer: [[Cell]] = [], notes: [[Inline]] = []
    ) {
        self.id = id
        self.caption = caption
        self.columns = columns.map { Column(title: $0.0, alignment: $0.1) }
        self.rows = rows
        self.footer = footer
        self.notes = notes
    }
}

extension Cell {
    /// The cell as HTML and Markdown print it (Indonesian number formatting, "–" when missing),
    /// for renderers outside this module (the Word report).
    public var displayText: String { Words.cell(self) }
}
