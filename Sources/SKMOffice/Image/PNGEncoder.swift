import CZlib

/// Encodes 8-bit RGB pixels as a PNG (one IDAT chunk, zlib through CZlib, no filtering).
public enum PNGEncoder {
    /// The PNG bytes of a `width` × `height` image whose pixels are `rgb`, three bytes each,
    /// row by row from the top. Refuses a size that does not match or does not fit PNG's limits.
    public static func encode(width: Int, height: Int, rgb: [UInt8]) throws(OfficeError) -> [UInt8] {
        guard width > 0, height > 0, width <= 16_384, height <= 16_384, rgb.count == width * height * 3 else {
            throw .writerMisuse("PNG size \(width)×\(height) does not match \(rgb.count) bytes of pixels")
        }
        // Each scanline starts with its filter type (0: none).
        var raw = [UInt8]()
        raw.reserveCapacity(height * (width * 3 + 1))
        for row in 0..<height {
            raw.append(0)
            raw.append(contentsOf: rgb[(row * width * 3)..<((row + 1) * width * 3)])
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header = [UInt8]()
        header.appendBE32(UInt32(width))
        header.appendBE32(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8 bits, truecolour, deflate, adaptive filtering, no interlace
        chunk("IHDR", header, into: &png)
        chunk("IDAT", try deflate(raw), into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    static func deflate(_ bytes: [UInt8]) throws(OfficeError) -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in
                compress2(target.baseAddress, &size, source.baseAddress, uLong(source.count), 9)
            }
        }
        guard status == Z_OK else { throw .compressionFailed("PNG") }
        return Array(out.prefix(Int(size)))
    }

    static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        png.appendBE32(UInt32(data.count))
        let typed = Array(type.utf8) + data
        png += typed
        let crc = typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        png.appendBE32(UInt32(truncatingIfNeeded: crc))
    }
}

extension [UInt8] {
    mutating func appendBE32(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value >> 24))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value))
    }
}
