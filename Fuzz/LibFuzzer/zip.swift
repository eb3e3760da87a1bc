// libFuzzer driver for one archive (ZIP reader, then the xlsx reader) , built by Fuzz/run-libfuzzer.sh.
import SKMFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZipArchive(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.zipArchive(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}
