/// A Word document as skm writes it: a flow of paragraphs, tables, images and page breaks on A4
/// pages, with a page number in the footer. Survey-agnostic: the service layer maps reports and
/// forms onto these values and `DocxWriter` turns them into a `.docx` package.
public struct DocxDocument: Sendable {
    /// The body, in order.
    public var blocks: [DocxBlock]
    /// The document title (package properties; Word shows it in File ▸ Info).
    public var title: String
    /// Page size and margins.
    public var page: DocxPage
    /// Text before the page number in the footer ("Halaman "); nil for no footer.
    public var pageNumberPrefix: String?
    /// The body font and its size in points.
    public var font: String
    public var fontSize: Double
    /// The document's language tag for spelling and hyphenation ("id-ID").
    public var language: String

    /// A document with the given body on A4 pages with 2.5 cm margins.
    public init(
        title: String, blocks: [DocxBlock], page: DocxPage = .a4(), pageNumberPrefix: String? = nil,
        font: String = "DejaVu Serif", fontSize: Double = 11, language: String = "id-ID"
    ) {
        self.title = title
        self.blocks = blocks
        self.page = page
        self.pageNumberPrefix = pageNumberPrefix
        self.font = font
        self.fontSize = fontSize
        self.language = language
    }
}

/// A page's size and margins, in twentieths of a point (twips; 1 mm ≈ 56.7).
public struct DocxPage: Sendable, Equatable {
    public var width: Int, height: Int
    public var top: Int, right: Int, bottom: Int, left: Int

    /// A4 portrait (210 × 297 mm) with margins given in millimetres.
    public static func a4(top: Double = 25, right: Double = 25, bottom: Double = 25, left: Double = 25) -> DocxPage {
        DocxPage(
            width: 11906, height: 16838, top: twips(mm: top), right: twips(mm: right), bottom: twips(mm: bottom),
            left: twips(mm: left))
    }

    /// The width between the margins, in twips.
    public var textWidth: Int { max(0, width - left - right) }

    /// Millimetres as twips (rounded; negative and absurd values clamped).
    public static func twips(mm: Double) -> Int {
        guard mm.isFinite else { return 0 }
        return Int((min(max(mm, 0), 1000) * 1440 / 25.4).rounded())
    }
}

/// One piece of the body.
public enum DocxBlock: Sendable {
    case paragraph(DocxParagraph)
    case table(DocxTable)
    case image(DocxImage)
    /// The following content starts on a new page.
    case pageBreak
    /// A table-of-contents field over heading levels 1…`levels`: Word and LibreOffice rebuild it
    /// with page numbers (Word asks on opening); until then it shows `entries`.
    case tableOfContents(entries: [DocxTOCEntry], levels: Int)
}

/// A table-of-contents line shown before the field is updated.
public struct DocxTOCEntry: Sendable {
    public var text: String
    /// 1 for a chapter, 2 for a section.
    public var level: Int

    /// An entry at `level` (1 or 2).
    public init(_ text: String, level: Int) {
        self.text = text
        self.level = level
    }
}

/// A paragraph: a style, an alignment and runs of text.
public struct DocxParagraph: Sendable {
    /// The paragraph styles `DocxWriter` defines in styles.xml.
    public enum Style: String, Sendable {
        case normal = "Normal"
        case title = "Title"
        case heading1 = "Heading1"
        case heading2 = "Heading2"
        case heading3 = "Heading3"
        case caption = "Caption"
        /// Small grey text (notes under tables).
        case note = "Note"
        /// A boxed remark (a border around the paragraph).
        case notice = "Notice"
        /// A bulleted list item.
        case bullet = "ListBullet"
        /// Text inside table cells (no space after).
        case tableText = "TableText"
    }

    public enum Alignment: String, Sendable {
        case left, center, right, both
    }

    public var style: Style
    public var alignment: Alignment?
    public var runs: [DocxRun]
    /// Kept on the same page as the next paragraph (captions above tables).
    public var keepWithNext: Bool
    /// Space after the paragraph in points; nil for the style's.
    public var spaceAfter: Double?
    /// Space before the paragraph in points; nil for the style's.
    public var spaceBefore: Double?
    /// A bookmark name around the paragraph (a heading's anchor); nil for none.
    public var bookmark: String?

    /// A paragraph of runs.
    public init(
        _ style: Style = .normal, _ runs: [DocxRun], alignment: Alignment? = nil, keepWithNext: Bool = false,
        spaceBefore: Double? = nil, spaceAfter: Double? = nil, bookmark: String? = nil
    ) {
        self.style = style
        self.runs = runs
        self.alignment = alignment
        self.keepWithNext = keepWithNext
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.bookmark = bookmark
    }

    /// A paragraph of one plain run.
    public init(_ style: Style = .normal, text: String, alignment: Alignment? = nil) {
        self.init(style, [DocxRun(text)], alignment: alignment)
    }
}

/// A run of text with direct formatting. Line feeds in `text` become line breaks.
public struct DocxRun: Sendable, Equatable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    /// Highlighted in yellow (text the reader must fill in).
    public var highlight: Bool
    /// Font size in points; nil for the paragraph style's.
    public var size: Double?
    /// Text colour as six hex digits ("4A5563"); nil for automatic.
    public var color: String?

    /// A run; plain unless told otherwise.
    public init(
        _ text: String, bold: Bool = false, italic: Bool = false, highlight: Bool = false, size: Double? = nil,
        color: String? = nil
    ) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.highlight = highlight
        self.size = size
        self.color = color
    }
}

/// A real Word table: fixed column widths, single borders, the header rows repeated on every
/// page and rows that never split across pages.
public struct DocxTable: Sendable {
    /// A column's width in twips and the alignment of its cells.
    public struct Column: Sendable {
        public var width: Int
        public var alignment: DocxParagraph.Alignment

        /// A column `width` twips wide.
        public init(width: Int, alignment: DocxParagraph.Alignment = .left) {
            self.width = width
            self.alignment = alignment
        }
    }

    /// A cell: paragraphs, an optional background and how many columns it spans.
    public struct Cell: Sendable {
        public var paragraphs: [DocxParagraph]
        /// Background as six hex digits; nil for none.
        public var shading: String?
        public var span: Int

        /// A cell of paragraphs.
        public init(_ paragraphs: [DocxParagraph], shading: String? = nil, span: Int = 1) {
            self.paragraphs = paragraphs
            self.shading = shading
            self.span = max(1, span)
        }

        /// A cell of runs in one table-text paragraph.
        public init(_ runs: [DocxRun], shading: String? = nil, span: Int = 1) {
            self.init([DocxParagraph(.tableText, runs)], shading: shading, span: span)
        }
    }

    public var columns: [Column]
    /// Repeated at the top of every page the table runs onto; set in bold on a grey background.
    public var header: [[Cell]]
    public var rows: [[Cell]]
    /// Whether cells have borders.
    public var borders: Bool
    /// The whole table kept on one page (each row kept with the next).
    public var keepTogether: Bool

    /// A table; cells beyond the columns are dropped, missing cells are left empty.
    public init(columns: [Column], header: [[Cell]] = [], rows: [[Cell]], borders: Bool = true, keepTogether: Bool = false) {
        self.columns = columns
        self.header = header
        self.rows = rows
        self.borders = borders
        self.keepTogether = keepTogether
    }
}

/// A picture in its own centred paragraph: PNG bytes, optionally with an SVG original that
/// Word 2016 and later (and LibreOffice) show instead, the PNG being the fallback.
public struct DocxImage: Sendable {
    public var png: [UInt8]
    public var svg: [UInt8]?
    /// Displayed size in millimetres.
    public var width: Double, height: Double
    /// The alternative text (screen readers, Word's "Alt Text").
    public var description: String

    /// An image shown `width` × `height` mm.
    public init(png: [UInt8], svg: [UInt8]? = nil, width: Double, height: Double, description: String) {
        self.png = png
        self.svg = svg
        self.width = width
        self.height = height
        self.description = description
    }
}
