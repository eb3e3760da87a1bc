// libFuzzer driver for one workbook part (xlsx reader) , built by Fuzz/run-libfuzzer.sh.
import SKMFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXlsxPart(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.xlsxPart(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}
