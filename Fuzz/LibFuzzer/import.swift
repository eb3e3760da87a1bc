// libFuzzer driver for one import file (built by Fuzz/run-libfuzzer.sh).
import SKMFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.importFile(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}
